package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
/**
 * The exports of one person's record through the real API: the FHIR export is a Patient that HAPI's R4 validator
 * accepts, with the identifiers and address codes; the PDF's text carries the Vietnamese names letter for letter; both
 * are audited reads; the PDF holds the parts B and D the person has; and both refuse another commune, another province (404) and the national administrator (403).
 * Communes 23001/23002 belong to this class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordExportIT {

    private static final String COMMUNE_A = "23001";
    private static final String COMMUNE_B = "23002";
    private static final String STAFF_A = "ex-staff-23001";
    private static final String CHAIR_A = "ex-chair-23001";
    private static final String STAFF_B = "ex-staff-23002";
    private static final String STAFF_92 = "ex-staff-92";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 500_000L));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static FhirContext fhir;
    private static FhirValidator validator;
    private static boolean usersMade;
    private static long villageA;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void r4Validator() {
        fhir = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
        validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        ValidationResult broken = validator.validateWithResult(
                "{\"resourceType\":\"Patient\",\"gender\":\"nam\",\"birthDate\":\"31/12/1979\"}");
        assertTrue(broken.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR),
                "the validator refuses an invalid Patient, so its silence below means something");
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = unit(th, COMMUNE_A, "Xã Xuất Hồ Sơ", "COMMUNE", "xa", 1);
        long communeB = unit(th, COMMUNE_B, "Xã Bên Cạnh", "COMMUNE", "xa", 1);
        villageA = unit(th, COMMUNE_A + "-01", "Thôn Đông Hưng", "VILLAGE", "thon", communeA);
        unit(th, COMMUNE_B + "-01", "Thôn Bên", "VILLAGE", "thon", communeB);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of("31117"));
            usersMade = true;
        }
    }

    @Test
    void theFhirExportIsAValidR4PatientWithIdentifiersAndAddressCodes() throws SQLException {
        String pid = pid('1', 1988);
        long id = register(person("Nguyễn Thị Ánh Tuyết", "FEMALE", "1988-04-09", pid)
                .add("bhytNumber", "GD4380123456789").add("ethnicity", "Kinh").add("phone", "0912 345 678")
                .add("address", "Số 12, xóm Chợ"));

        Fetched got = fetch("/api/persons/" + id + "/fhir", Keycloak.token(STAFF_A));
        assertEquals(200, got.status(), got::text);
        assertTrue(got.contentType().startsWith("application/fhir+json"), got.contentType());
        ValidationResult result = validator.validateWithResult(got.text());
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertTrue(errors.isEmpty(), () -> "not valid R4: " + errors.stream().map(m -> m.getLocationString() + " "
                + m.getMessage()).collect(Collectors.joining("\n")) + "\n" + got.text());

        Patient patient = fhir.newJsonParser().parseResource(Patient.class, got.text());
        String logicalId = patient.getIdElement().getIdPart();
        assertEquals("38-" + id, logicalId, "the Patient id is the one /fhir serves: province code and row id");
        assertEquals(logicalId, fetchJson("/api/persons/" + id + "/fhir", Keycloak.token("th-admin"))
                .getString("id"), "the Patient id is stable across exports and users");
        assertEquals(pid, identifier(patient, "https://fhir.hssk.vn/sid/so-dinh-danh-ca-nhan").getValue());
        assertEquals("0123456789", identifier(patient, "https://fhir.hssk.vn/sid/ma-so-bhxh").getValue());
        assertEquals("Nguyễn Thị Ánh Tuyết", patient.getNameFirstRep().getText());
        assertEquals("Nguyễn", patient.getNameFirstRep().getFamily());
        assertEquals("female", patient.getGender().toCode());
        assertEquals("1988-04-09", patient.getBirthDateElement().getValueAsString());
        assertEquals("0912345678", patient.getTelecomFirstRep().getValue());
        assertEquals("Xã Xuất Hồ Sơ", patient.getAddressFirstRep().getCity());
        assertEquals("Thanh Hóa", patient.getAddressFirstRep().getState());
        assertEquals(COMMUNE_A + "-01", code(patient, "address-village"));
        assertEquals(COMMUNE_A, code(patient, "address-commune"));
        assertEquals("38", code(patient, "address-province"));
        assertEquals("Kinh", patient.getExtensionByUrl("https://fhir.hssk.vn/StructureDefinition/ethnicity")
                .getValueAsPrimitive().getValueAsString());
        assertTrue(patient.getActive());
        assertEquals(1, auditRows(id, "export-fhir", STAFF_A), "the export is audited as a read");
    }

    @Test
    void aNewbornWithoutPersonalIdExportsItsProvisionalKey() {
        LocalDate born = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(10);
        long id = register(person("Bé Gái Lê " + tag(), "FEMALE", born.toString(), null));
        Fetched got = fetch("/api/persons/" + id + "/fhir", Keycloak.token(STAFF_A));
        assertEquals(200, got.status(), got::text);
        ValidationResult result = validator.validateWithResult(got.text());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR),
                got::text);
        Patient patient = fhir.newJsonParser().parseResource(Patient.class, got.text());
        Identifier key = identifier(patient, "https://fhir.hssk.vn/sid/ma-tam-thoi");
        assertTrue(key.getValue().startsWith("TT-"), key.getValue());
        assertEquals("temp", key.getUse().toCode());
    }

    @Test
    void thePdfCarriesTheVietnameseRecordAndIsAudited() throws IOException, SQLException {
        String name = "Trần Văn Đức Hưởng " + tag();
        long id = register(person(name, "MALE", "1979-12-31", pid('0', 1979)).add("ethnicity", "Mường")
                .add("occupation", "Nông dân").add("religion", "Phật giáo"));

        String staff = Keycloak.token(STAFF_A);
        long hypertension = Http.get("/api/history-items?category=DISEASE", staff).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(i -> "HYPERTENSION".equals(i.getString("code")))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        Http.Answer line = Http.post("/api/persons/" + id + "/history", staff, Json.createObjectBuilder()
                .add("itemId", hypertension).add("sinceYear", 2015).add("description", "Uống thuốc đều").build());
        assertEquals(201, line.status(), line::toString);
        LocalDate visitDay = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3);
        Http.Answer visit = Http.post("/api/persons/" + id + "/visits", staff, Json.createObjectBuilder()
                .add("visitDate", visitDay.toString()).add("examiner", "BS. Lê Văn Khám").add("pulse", 78)
                .add("bpSystolic", 150).add("bpDiastolic", 95).add("heightCm", 160).add("weightKg", 64)
                .add("diagnoses", Json.createArrayBuilder().add("I10")).add("advice", "Ăn nhạt").build());
        assertEquals(201, visit.status(), visit::toString);

        Fetched got = fetch("/api/persons/" + id + "/pdf", Keycloak.token(CHAIR_A));
        assertEquals(200, got.status(), got::text);
        assertEquals("application/pdf", got.contentType());
        String text = pdfText(got.body());
        for (String expected : List.of("HỒ SƠ QUẢN LÝ SỨC KHỎE CÁ NHÂN", "A. Thông tin hành chính", name,
                "31/12/1979", "Mường", "Phật giáo", "Nông dân", "Thôn Đông Hưng", "Xã Xuất Hồ Sơ", "Thanh Hóa",
                "B. Tiền sử", "Bệnh tật", "từ năm 2015", "Uống thuốc đều", "C. Tiêm chủng", "D. Khám lâm sàng",
                visitDay.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), "HA 150/95 mmHg",
                "BMI 25", "I10", "Ăn nhạt", CHAIR_A)) {
            assertTrue(squashed(text).contains(squashed(expected)),
                    () -> "'" + expected + "' missing from the PDF text:\n" + text);
        }
        assertEquals(1, auditRows(id, "export-pdf", CHAIR_A), "the export is audited as a read");
    }

    @Test
    void exportsRefuseOtherCommunesOtherProvincesAndTheNationalAdministrator() {
        long id = register(person("Phạm Văn Ngoài Phạm Vi " + tag(), "MALE", "1990-01-01", pid('0', 1990)));
        for (String format : List.of("fhir", "pdf")) {
            String url = "/api/persons/" + id + "/" + format;
            assertEquals(404, fetch(url, Keycloak.token(STAFF_B)).status(), "another commune: " + format);
            assertEquals(404, fetch(url, Keycloak.token(STAFF_92)).status(), "another province: " + format);
            assertEquals(404, fetch(url, Keycloak.token("ct-admin")).status(), "another province's admin: " + format);
            assertEquals(403, fetch(url, Keycloak.token("national-admin")).status(), "national admin: " + format);
            assertEquals(200, fetch(url, Keycloak.token("th-admin")).status(), "the province admin: " + format);
            assertEquals(200, fetch(url, Keycloak.token(STAFF_A)).status(), "the commune's staff: " + format);
            assertEquals(404, fetch("/api/persons/" + (id + 1_000_000) + "/" + format, Keycloak.token("th-admin"))
                    .status(), "no such person: " + format);
        }
        assertEquals(200, Http.get("/api/persons/" + id, Keycloak.token(STAFF_A)).status(),
                "the person's own path still answers");
    }

    /** Text without its white space: table cells wrap their text at the cell's width. */
    private static String squashed(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return Normalizer.normalize(text.toString(), Normalizer.Form.NFC);
        } finally {
            reader.close();
        }
    }

    private static Identifier identifier(Patient patient, String system) {
        return patient.getIdentifier().stream().filter(i -> system.equals(i.getSystem())).findFirst()
                .orElseThrow(() -> new AssertionError("no identifier " + system));
    }

    private static String code(Patient patient, String extension) {
        Extension e = patient.getAddressFirstRep()
                .getExtensionByUrl("https://fhir.hssk.vn/StructureDefinition/" + extension);
        return ((org.hl7.fhir.r4.model.Coding) e.getValue()).getCode();
    }

    private static int auditRows(long personId, String context, String username) throws SQLException {
        try (Connection c = Tenants.root(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                + " hssk_t38.audit_event WHERE entity_type = 'Person' AND entity_id = ? AND action = 'READ'"
                + " AND context = ? AND username = ?")) {
            ps.setLong(1, personId);
            ps.setString(2, context);
            ps.setString(3, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    record Fetched(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Fetched fetch(String path, String token) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.APP + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject fetchJson(String path, String token) {
        Fetched f = fetch(path, token);
        assertEquals(200, f.status(), f::text);
        return Json.createReader(new java.io.StringReader(f.text())).readObject();
    }

    private long register(JsonObjectBuilder person) {
        Http.Answer created = Http.post("/api/persons", Keycloak.token(STAFF_A), person.build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private JsonObjectBuilder person(String name, String sex, String born, String pid) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fullName", name).add("sex", sex).add("birthDate", born)
                .add("villageId", villageA);
        return pid == null ? b : b.add("personalId", pid);
    }

    private static String pid(char centuryDigit, int year) {
        return "038" + centuryDigit + String.format("%02d", year % 100)
                + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    private static String tag() {
        int n = SEQUENCE.incrementAndGet();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }

    static long unit(String token, String code, String name, String level, String type, long parent) {
        JsonArray found = Http.get("/api/units?max=500&q=" + code, token).jsonArray();
        for (int i = 0; i < found.size(); i++) {
            if (code.equals(found.getJsonObject(i).getString("code"))) {
                return found.getJsonObject(i).getJsonNumber("id").longValue();
            }
        }
        Http.Answer created = Http.post("/api/units", token, Json.createObjectBuilder().add("code", code)
                .add("name", name).add("level", level).add("unitType", type).add("parentId", parent).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }
}
