package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The FHIR R4 API on the real server: every resource type of a record read and searched as another system would,
 * each valid for HAPI's R4 validator; searches by name without diacritics, identifier, birth date and gender, paged
 * with next links; writes with the screens' checks, refused with the element named; and the scope: the other
 * province, the other commune and the national administrator learn nothing, and a cross-site request changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FhirIT {

    private static final String COMMUNE_A = "25701";
    private static final String COMMUNE_B = "25702";
    private static final String STAFF_A = "fhir-staff-25701";
    private static final String STAFF_B = "fhir-staff-25702";
    private static final String STAFF_92 = "fhir-staff-92";
    private static boolean usersMade;
    private static long villageA;
    private static long villageB;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long a = Units.commune(th, COMMUNE_A, "Xã Liên Thông");
        long b = Units.commune(th, COMMUNE_B, "Xã Bên Kia");
        villageA = Units.village(th, COMMUNE_A + "-01", "Thôn Đông Sơn", a);
        villageB = Units.village(th, COMMUNE_B + "-01", "Thôn Tây", b);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of("31117"));
            usersMade = true;
        }
    }

    @Test
    void everyResourceOfARecordIsValidR4AndComesBackByReadSearchAndEverything() {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = LocalDate.now().minusMonths(10);
        long person = People.id(People.register(staff, People.person("Trần Văn Liên", "MALE", born.toString(),
                People.pid("038", '2', born.getYear()), villageA)
                .add("bhytNumber", "GD4380987654321").add("phone", "0987 654 321").add("ethnicity", "Kinh")));
        String patientId = "38-" + person;
        Http.Answer bcg = Http.post("/api/persons/" + person + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(1)).build());
        assertEquals(201, bcg.status(), bcg::toString);
        Http.Answer visit = Http.post("/api/persons/" + person + "/visits", staff, Json.createObjectBuilder()
                .add("visitDate", LocalDate.now().minusDays(3).toString()).add("examiner", "BS. Lê Văn Khám")
                .add("reason", "Đau đầu").add("pulse", 80).add("temperature", 37.1).add("bpSystolic", 150)
                .add("bpDiastolic", 95).add("heightCm", 165).add("weightKg", 60).add("respiratoryRate", 18)
                .add("diagnoses", Json.createArrayBuilder().add("I10"))
                .add("tests", Json.createArrayBuilder().add(Json.createObjectBuilder().add("group", "LAB")
                        .add("name", "Đường huyết lúc đói").add("result", "6,1 mmol/l")))
                .build());
        assertEquals(201, visit.status(), visit::toString);
        long visitId = visit.json().getJsonNumber("id").longValue();
        assertEquals(201, Http.post("/api/persons/" + person + "/history", staff, Json.createObjectBuilder()
                .add("itemId", item(staff, "ALLERGY", "DRUG")).add("description", "Penicillin").build()).status());
        assertEquals(201, Http.post("/api/persons/" + person + "/history", staff, Json.createObjectBuilder()
                .add("itemId", item(staff, "DISEASE", "ASTHMA")).add("sinceYear", born.getYear()).build()).status());

        JsonObject patient = ok(Fhir.get("/fhir/Patient/" + patientId, staff));
        Fhir.assertValid(patient);
        assertEquals(patientId, patient.getString("id"));
        assertEquals("Trần Văn Liên", patient.getJsonArray("name").getJsonObject(0).getString("text"));

        JsonObject doses = searchset(Fhir.get("/fhir/Immunization?patient=Patient/" + patientId, staff));
        assertEquals(1, doses.getInt("total"));
        JsonObject dose = resource(doses, 0);
        Fhir.assertValid(dose);
        assertEquals("BCG", dose.getJsonObject("vaccineCode").getJsonArray("coding").getJsonObject(0)
                .getString("code"));
        assertEquals("Patient/" + patientId, dose.getJsonObject("patient").getString("reference"));
        assertEquals(dose, ok(Fhir.get("/fhir/Immunization/" + dose.getString("id"), staff)));

        JsonObject encounters = searchset(Fhir.get("/fhir/Encounter?patient=" + patientId, staff));
        assertEquals(1, encounters.getInt("total"));
        Fhir.assertValid(resource(encounters, 0));
        assertEquals("38-" + visitId, resource(encounters, 0).getString("id"));

        JsonObject observations = searchset(Fhir.get("/fhir/Observation?subject=Patient/" + patientId, staff));
        List<String> observationIds = ids(observations);
        assertTrue(observationIds.containsAll(List.of("38-" + visitId + "-hr", "38-" + visitId + "-bp",
                "38-" + visitId + "-bmi", "38-" + visitId + "-t1")), observationIds::toString);
        for (int i = 0; i < observations.getJsonArray("entry").size(); i++) {
            Fhir.assertValid(resource(observations, i));
        }
        JsonObject bp = ok(Fhir.get("/fhir/Observation/38-" + visitId + "-bp", staff));
        assertEquals(150, bp.getJsonArray("component").getJsonObject(0).getJsonObject("valueQuantity")
                .getInt("value"));
        assertEquals(List.of("38-" + visitId + "-t1"), ids(searchset(Fhir.get(
                "/fhir/Observation?patient=Patient/" + patientId + "&category=laboratory", staff))));

        JsonObject conditions = searchset(Fhir.get("/fhir/Condition?patient=Patient/" + patientId, staff));
        assertEquals(2, conditions.getInt("total"), conditions::toString);
        Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 2; i++) {
            Fhir.assertValid(resource(conditions, i));
            codes.add(resource(conditions, i).getJsonObject("code").getJsonArray("coding").getJsonObject(0)
                    .getString("code"));
        }
        assertEquals(Set.of("I10", "J45"), codes);
        JsonObject allergies = searchset(Fhir.get("/fhir/AllergyIntolerance?patient=Patient/" + patientId, staff));
        assertEquals(1, allergies.getInt("total"));
        Fhir.assertValid(resource(allergies, 0));

        JsonObject everything = searchset(Fhir.get("/fhir/Patient/" + patientId + "/$everything", staff));
        List<String> types = new ArrayList<>();
        everything.getJsonArray("entry").forEach(e -> types.add(e.asJsonObject().getJsonObject("resource")
                .getString("resourceType")));
        assertEquals("Patient", types.get(0));
        assertTrue(types.containsAll(List.of("Immunization", "Encounter", "Observation", "Condition",
                "AllergyIntolerance")), types::toString);

        String th = Keycloak.token("th-admin");
        JsonObject locations = searchset(Fhir.get("/fhir/Location?identifier=" + COMMUNE_A + "-01", th));
        assertEquals(1, locations.getInt("total"));
        Fhir.assertValid(resource(locations, 0));
        JsonObject organizations = searchset(Fhir.get("/fhir/Organization", th));
        assertEquals("38", resource(organizations, 0).getString("id"), "the health department comes first");
        Fhir.assertValid(resource(organizations, 0));

        JsonObject metadata = ok(Fhir.get("/fhir/metadata", staff));
        Fhir.assertValid(metadata);
        assertEquals("4.0.1", metadata.getString("fhirVersion"));
    }

    @Test
    void patientsAreFoundByNameWithoutDiacriticsIdentifierBirthDateAndGenderInPagesWithNextLinks() {
        String staff = Keycloak.token(STAFF_A);
        String family = "Nguyễn Thị Ánh " + (char) ('A' + (int) (System.nanoTime() % 20));
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(People.id(People.register(staff, People.person(family + " Tuyết", "FEMALE", "1990-0" + (i + 1)
                    + "-15", People.pid("038", '1', 1990), villageA))));
        }
        String folded = Folding.fold(family + " Tuyết").replace(' ', '+');
        JsonObject page1 = searchset(Fhir.get("/fhir/Patient?name=" + folded + "&_count=2", staff));
        assertEquals(3, page1.getInt("total"), page1::toString);
        assertEquals(2, page1.getJsonArray("entry").size());
        String next = link(page1, "next");
        assertNotNull(next, "a page that is not the last links to the next");
        JsonObject page2 = searchset(Fhir.get(next, staff));
        assertEquals(1, page2.getJsonArray("entry").size());
        assertEquals(null, link(page2, "next"));

        JsonObject patient = ok(Fhir.get("/fhir/Patient/38-" + made.get(1), staff));
        String pid = patient.getJsonArray("identifier").getJsonObject(0).getString("value");
        assertEquals(List.of("38-" + made.get(1)), ids(searchset(Fhir.get(
                "/fhir/Patient?identifier=https://fhir.hssk.vn/sid/so-dinh-danh-ca-nhan%7C" + pid, staff))));
        assertEquals(List.of("38-" + made.get(1)), ids(searchset(Fhir.get("/fhir/Patient?name=" + folded
                + "&birthdate=1990-02", staff))));
        assertEquals(List.of("38-" + made.get(0)), ids(searchset(Fhir.get("/fhir/Patient?name=" + folded
                + "&birthdate=lt1990-02-01&gender=female", staff))));
        assertEquals(0, searchset(Fhir.get("/fhir/Patient?name=" + folded + "&gender=male", staff)).getInt("total"));

        Fhir.Answer unknown = Fhir.get("/fhir/Patient?colour=blue", staff);
        assertOutcome(unknown, 400, "colour");
        assertOutcome(Fhir.get("/fhir/Patient?birthdate=15/01/1990", staff), 400, "birthdate");
        assertOutcome(Fhir.get("/fhir/Immunization", staff), 400, "patient");
    }

    @Test
    void theOtherProvinceTheOtherCommuneAndTheNationalAdministratorLearnNothing() {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = LocalDate.now().minusMonths(5);
        long person = People.id(People.register(staff, People.person("Lê Thị Riêng", "FEMALE", born.toString(),
                People.pid("038", '3', born.getYear()), villageA)));
        String id = "38-" + person;
        Http.Answer bcg = Http.post("/api/persons/" + person + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(1)).build());
        assertEquals(201, bcg.status(), bcg::toString);
        String doseId = ids(searchset(Fhir.get("/fhir/Immunization?patient=" + id, staff))).get(0);

        for (String outsider : List.of(STAFF_B, STAFF_92)) {
            String token = Keycloak.token(outsider);
            Fhir.Answer read = Fhir.get("/fhir/Patient/" + id, token);
            assertOutcome(read, 404, null);
            assertEquals(Fhir.get("/fhir/Patient/38-999999999", token).json().getJsonArray("issue")
                            .getJsonObject(0).getString("code"),
                    read.json().getJsonArray("issue").getJsonObject(0).getString("code"),
                    "a record out of reach answers like one that does not exist");
            assertOutcome(Fhir.get("/fhir/Immunization/" + doseId, token), 404, null);
            assertOutcome(Fhir.get("/fhir/Patient/" + id + "/$everything", token), 404, null);
            assertEquals(0, searchset(Fhir.get("/fhir/Immunization?patient=" + id, token)).getInt("total"));
            assertFalse(ids(searchset(Fhir.get("/fhir/Patient?name=le+thi+rieng&_count=500", token)))
                    .contains(id));
        }
        assertOutcome(Fhir.get("/fhir/Patient/" + id, Keycloak.token("national-admin")), 403, null);
        assertEquals(401, Fhir.get("/fhir/Patient/" + id, null).status(), "no token, no answer");

        List<JsonObject> audit = Http.get("/api/audit?person=" + person, Keycloak.token("th-admin")).jsonArray()
                .getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(a -> "READ".equals(a.getString("action"))
                && "fhir".equals(a.getString("context", null)) && STAFF_A.equals(a.getString("username"))),
                "a FHIR read is an audited read of the person");
        assertFalse(audit.stream().anyMatch(a -> STAFF_B.equals(a.getString("username"))
                || STAFF_92.equals(a.getString("username"))), "refused reads read nothing");
    }

    @Test
    void writesTakeTheScreensChecksAndNameTheElementAndCrossSiteBodiesAreRefused() {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = LocalDate.now().minusMonths(3);
        String pid = People.pid("038", '2', born.getYear());
        JsonObject patient = Json.createObjectBuilder()
                .add("resourceType", "Patient")
                .add("identifier", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("system", "https://fhir.hssk.vn/sid/so-dinh-danh-ca-nhan").add("value", pid)))
                .add("name", Json.createArrayBuilder().add(Json.createObjectBuilder().add("family", "Phạm")
                        .add("given", Json.createArrayBuilder().add("Minh").add("Khôi"))))
                .add("gender", "male").add("birthDate", born.toString())
                .add("address", Json.createArrayBuilder().add(Json.createObjectBuilder().add("extension",
                        Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("url", "https://fhir.hssk.vn/StructureDefinition/address-village")
                                .add("valueCoding", Json.createObjectBuilder()
                                        .add("system", "https://fhir.hssk.vn/CodeSystem/don-vi-hanh-chinh")
                                        .add("code", COMMUNE_A + "-01"))))))
                .build();
        Fhir.Answer created = Fhir.post("/fhir/Patient", staff, patient);
        assertEquals(201, created.status(), created::toString);
        Fhir.assertValid(created.json());
        String id = created.json().getString("id");
        assertTrue(created.location().endsWith("/fhir/Patient/" + id), created.location());
        assertEquals("Phạm Minh Khôi", ok(Fhir.get("/fhir/Patient/" + id, staff)).getJsonArray("name")
                .getJsonObject(0).getString("text"));

        JsonObject badId = Json.createObjectBuilder(patient).add("identifier", Json.createArrayBuilder().add(
                Json.createObjectBuilder().add("system", "https://fhir.hssk.vn/sid/so-dinh-danh-ca-nhan")
                        .add("value", "12345"))).build();
        assertOutcome(Fhir.post("/fhir/Patient", staff, badId), 400, "Patient.identifier");
        assertOutcome(Fhir.post("/fhir/Patient", staff, Json.createObjectBuilder(patient).remove("birthDate")
                .build()), 400, "Patient.birthDate");
        JsonObject otherCommune = Json.createObjectBuilder(patient).add("address", Json.createArrayBuilder().add(
                Json.createObjectBuilder().add("extension", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("url", "https://fhir.hssk.vn/StructureDefinition/address-village")
                        .add("valueCoding", Json.createObjectBuilder().add("code", COMMUNE_B + "-01")))))).build();
        assertOutcome(Fhir.post("/fhir/Patient", staff, otherCommune), 400, "Patient.address");

        JsonObject dose = Json.createObjectBuilder()
                .add("resourceType", "Immunization").add("status", "completed")
                .add("vaccineCode", Json.createObjectBuilder().add("coding", Json.createArrayBuilder().add(
                        Json.createObjectBuilder().add("system", "https://fhir.hssk.vn/CodeSystem/vac-xin")
                                .add("code", "BCG"))))
                .add("patient", Json.createObjectBuilder().add("reference", "Patient/" + id))
                .add("occurrenceDateTime", born.plusDays(2).toString())
                .add("primarySource", false)
                .add("protocolApplied", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("doseNumberPositiveInt", 1)))
                .build();
        Fhir.Answer recorded = Fhir.post("/fhir/Immunization", staff, dose);
        assertEquals(201, recorded.status(), recorded::toString);
        Fhir.assertValid(recorded.json());
        assertOutcome(Fhir.post("/fhir/Immunization", staff, dose), 409, "Immunization.protocolApplied.doseNumber");
        JsonObject beforeBirth = Json.createObjectBuilder(dose).add("occurrenceDateTime",
                born.minusDays(5).toString()).add("protocolApplied", Json.createArrayBuilder().add(
                Json.createObjectBuilder().add("doseNumberPositiveInt", 2))).build();
        Fhir.Answer impossible = Fhir.send("POST", "/fhir/Immunization", staff, "application/fhir+json",
                beforeBirth.toString(), "vi");
        assertEquals(400, impossible.status(), impossible::toString);
        assertTrue(impossible.body().contains("Immunization."), impossible::toString);
        assertOutcome(Fhir.post("/fhir/Immunization", Keycloak.token(STAFF_B), dose), 404, null);

        for (String type : List.of("text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=hssk")) {
            assertOutcome(Fhir.send("POST", "/fhir/Patient", staff, type, patient.toString(), null), 415, null);
        }
        assertEquals(401, Fhir.send("POST", "/fhir/Patient", null, "text/plain", patient.toString(), null).status());
        assertOutcome(Fhir.post("/fhir/Patient", Keycloak.token("th-admin"), patient), 403, null);
        assertEquals(1, searchset(Fhir.get("/fhir/Patient?identifier=" + pid, staff)).getInt("total"),
                "none of the refused writes wrote");
    }

    @Test
    void stationsAndTheirStaffAreValidOrganizationsAndPractitionersOfTheirCommuneOnly() {
        String th = Keycloak.token("th-admin");
        long station = station(th, COMMUNE_A, "Trạm Y tế xã Liên Thông", "38757");
        long other = station(th, COMMUNE_B, "Trạm Y tế xã Bên Kia", "38758");
        Http.Answer hired = Http.post("/api/staff", th, StationsIT.staff(station).add("fullName", "Đỗ Thị Liên")
                .add("position", "NURSE").add("licenceNumber", "0757/TH").add("phone", "0912000757").build());
        assertEquals(201, hired.status(), hired::toString);
        long nurse = hired.json().getJsonNumber("id").longValue();

        String staff = Keycloak.token(STAFF_A);
        JsonObject organization = ok(Fhir.get("/fhir/Organization/38-" + station, staff));
        Fhir.assertValid(organization);
        assertEquals("38757", organization.getJsonArray("identifier").getJsonObject(0).getString("value"));
        assertEquals("Organization/38", organization.getJsonObject("partOf").getString("reference"),
                "a main station is part of the health department");
        JsonObject practitioner = ok(Fhir.get("/fhir/Practitioner/38-" + nurse, staff));
        Fhir.assertValid(practitioner);
        assertEquals("Đỗ Thị Liên", practitioner.getJsonArray("name").getJsonObject(0).getString("text"));
        assertTrue(ids(searchset(Fhir.get("/fhir/Practitioner?identifier=0757/TH", staff))).contains("38-" + nurse));
        JsonObject location = resource(searchset(Fhir.get("/fhir/Location?identifier=" + COMMUNE_A, staff)), 0);
        Fhir.assertValid(location);

        assertOutcome(Fhir.get("/fhir/Organization/38-" + other, staff), 404, null);
        assertOutcome(Fhir.get("/fhir/Practitioner/38-" + nurse, Keycloak.token(STAFF_B)), 404, null);
        assertOutcome(Fhir.get("/fhir/Practitioner/38-" + nurse, Keycloak.token(STAFF_92)), 404, null);
        assertEquals(0, searchset(Fhir.get("/fhir/Location?identifier=" + COMMUNE_B + "-01", staff)).getInt("total"));
        assertFalse(ids(searchset(Fhir.get("/fhir/Organization?_count=500", staff))).contains("38-" + other));
    }

    /** The commune's main station, made once. */
    private static long station(String token, String commune, String name, String facilityCode) {
        JsonArray existing = Http.get("/api/stations?commune=" + commune, token).jsonArray();
        if (!existing.isEmpty()) {
            return existing.getJsonObject(0).getJsonNumber("id").longValue();
        }
        Http.Answer made = Http.post("/api/stations", token, StationsIT.station(name, facilityCode, commune).build());
        assertEquals(201, made.status(), made::toString);
        return made.json().getJsonNumber("id").longValue();
    }

    private static long item(String token, String category, String code) {
        return Http.get("/api/history-items?category=" + category, token).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(i -> code.equals(i.getString("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no catalog item " + category + "/" + code))
                .getJsonNumber("id").longValue();
    }

    static JsonObject ok(Fhir.Answer answer) {
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("application/fhir+json"), answer.contentType());
        return answer.json();
    }

    static JsonObject searchset(Fhir.Answer answer) {
        JsonObject bundle = ok(answer);
        assertEquals("Bundle", bundle.getString("resourceType"));
        assertEquals("searchset", bundle.getString("type"));
        return bundle;
    }

    static JsonObject resource(JsonObject bundle, int index) {
        return bundle.getJsonArray("entry").getJsonObject(index).getJsonObject("resource");
    }

    static List<String> ids(JsonObject bundle) {
        JsonArray entries = bundle.getJsonArray("entry");
        if (entries == null) {
            return List.of();
        }
        return entries.getValuesAs(JsonValue::asJsonObject).stream()
                .map(e -> e.getJsonObject("resource").getString("id")).collect(Collectors.toList());
    }

    private static String link(JsonObject bundle, String relation) {
        return bundle.getJsonArray("link").getValuesAs(JsonValue::asJsonObject).stream()
                .filter(l -> relation.equals(l.getString("relation"))).map(l -> l.getString("url")).findFirst()
                .orElse(null);
    }

    static void assertOutcome(Fhir.Answer answer, int status, String element) {
        assertEquals(status, answer.status(), answer::toString);
        JsonObject outcome = answer.json();
        assertEquals("OperationOutcome", outcome.getString("resourceType"), answer::toString);
        if (element != null) {
            assertTrue(outcome.getJsonArray("issue").getValuesAs(JsonValue::asJsonObject).stream()
                    .anyMatch(i -> i.containsKey("expression") && i.getJsonArray("expression").getString(0)
                            .contains(element)), () -> "no issue on " + element + ": " + answer);
        }
    }
}
