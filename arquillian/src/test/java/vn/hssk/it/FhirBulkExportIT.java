package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The province's full export through FHIR Bulk Data on the real server: a province administrator of Nghệ An (40)
 * exports the whole tenant as NDJSON by a batch job, every line valid R4; the files are loaded through the write API
 * into an empty tenant (Hà Tĩnh, 42, with the same units), where every person and every dose is found again. Only
 * that province's administrators reach the export: not its station staff, not another province.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FhirBulkExportIT {

    private static final String COMMUNE = "25801";
    private static final int PERSONS = 12;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aProvinceExportedAndLoadedIntoAnEmptyTenantFindsEveryPersonAndDoseAgain() throws Exception {
        Tenants.ensure("40", "Nghệ An", "na-admin");
        Tenants.ensure("42", "Hà Tĩnh", "ht-admin");
        Tenants.ensure("92", "Cần Thơ", "ct-admin");
        Keycloak.user("na-fhir-admin", "province-admin", "40", null);
        Keycloak.user("ht-fhir-admin", "province-admin", "42", null);
        Keycloak.user("ct-fhir-admin", "province-admin", "92", null);
        Keycloak.user("na-staff", "station-staff", "40", List.of(COMMUNE));
        Keycloak.user("ht-staff", "station-staff", "42", List.of(COMMUNE));
        String source = Keycloak.token("na-fhir-admin");
        String sourceStaff = Keycloak.token("na-staff");
        long village = units(source);

        Map<String, String> doseKeyByPid = new HashMap<>();
        for (int i = 0; i < PERSONS; i++) {
            LocalDate born = LocalDate.now().minusMonths(2 + i);
            String pid = People.pid("040", i % 2 == 0 ? '2' : '3', born.getYear());
            long person = People.id(People.register(sourceStaff, People.person("Hồ Văn Xuất " + (char) ('A' + i),
                    i % 2 == 0 ? "MALE" : "FEMALE", born.toString(), pid, village)));
            assertEquals(201, Http.post("/api/persons/" + person + "/immunizations", sourceStaff,
                    Epi.historical("BCG", 1, born.plusDays(1)).build()).status());
            doseKeyByPid.put(pid, "BCG/1/" + born.plusDays(1));
        }

        Fhir.Answer refusedStaff = Fhir.send("GET", "/fhir/$export", sourceStaff, null, null, null);
        assertEquals(403, refusedStaff.status(), refusedStaff::toString);
        Fhir.Answer kickOff = Fhir.send("GET", "/fhir/$export?_type=Patient,Immunization,Location", source, null,
                null, null);
        assertEquals(202, kickOff.status(), kickOff::toString);
        String status = kickOff.contentLocation();
        assertNotNull(status, "the kick-off names the status URL");
        assertEquals(404, Fhir.get(status, Keycloak.token("ct-fhir-admin")).status(),
                "another province's administrator does not see the export");

        JsonObject manifest = null;
        for (int wait = 0; wait < 120 && manifest == null; wait++) {
            Fhir.Answer polled = Fhir.get(status, source);
            if (polled.status() == 200) {
                manifest = polled.json();
            } else {
                assertEquals(202, polled.status(), polled::toString);
                Thread.sleep(1000);
            }
        }
        assertNotNull(manifest, "the export finished within two minutes");
        assertTrue(manifest.getBoolean("requiresAccessToken"));
        Map<String, List<JsonObject>> files = new HashMap<>();
        for (JsonValue o : manifest.getJsonArray("output")) {
            JsonObject out = o.asJsonObject();
            Fhir.Answer file = Fhir.get(out.getString("url"), source);
            assertEquals(200, file.status(), file::toString);
            assertTrue(file.contentType().startsWith("application/fhir+ndjson"), file.contentType());
            assertEquals(404, Fhir.get(out.getString("url"), Keycloak.token("ct-fhir-admin")).status());
            List<JsonObject> lines = new ArrayList<>();
            for (String line : file.body().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(Json.createReader(new StringReader(line)).readObject());
                }
            }
            assertEquals(out.getInt("count"), lines.size(), "the manifest counts the file's lines");
            files.put(out.getString("type"), lines);
        }
        List<JsonObject> patients = files.get("Patient");
        List<JsonObject> doses = files.get("Immunization");
        assertEquals(PERSONS, patients.size());
        assertEquals(PERSONS, doses.size());
        for (JsonObject r : patients) {
            Fhir.assertValid(r);
        }
        for (JsonObject r : doses) {
            Fhir.assertValid(r);
        }
        for (JsonObject r : files.get("Location")) {
            Fhir.assertValid(r);
        }

        String target = Keycloak.token("ht-fhir-admin");
        units(target);
        String targetStaff = Keycloak.token("ht-staff");
        Map<String, String> newIds = new HashMap<>();
        for (JsonObject p : patients) {
            JsonObjectBuilder copy = Json.createObjectBuilder(p).remove("id").remove("meta");
            Fhir.Answer made = Fhir.post("/fhir/Patient", targetStaff, copy.build());
            assertEquals(201, made.status(), made::toString);
            newIds.put("Patient/" + p.getString("id"), made.json().getString("id"));
        }
        for (JsonObject d : doses) {
            String newPatient = newIds.get(d.getJsonObject("patient").getString("reference"));
            JsonObject copy = Json.createObjectBuilder(d).remove("id").remove("meta").remove("performer")
                    .add("patient", Json.createObjectBuilder().add("reference", "Patient/" + newPatient)).build();
            Fhir.Answer made = Fhir.post("/fhir/Immunization", targetStaff, copy);
            assertEquals(201, made.status(), made::toString);
        }

        Set<String> found = new TreeSet<>();
        for (Map.Entry<String, String> e : doseKeyByPid.entrySet()) {
            JsonObject bundle = FhirIT.searchset(Fhir.get("/fhir/Patient?identifier=" + e.getKey(), targetStaff));
            assertEquals(1, bundle.getInt("total"), () -> "person " + e.getKey() + " is found again");
            String id = FhirIT.resource(bundle, 0).getString("id");
            assertTrue(id.startsWith("42-"), id);
            JsonObject dose = FhirIT.resource(FhirIT.searchset(Fhir.get("/fhir/Immunization?patient=" + id,
                    targetStaff)), 0);
            found.add(dose.getJsonObject("vaccineCode").getJsonArray("coding").getJsonObject(0).getString("code")
                    + "/" + dose.getJsonArray("protocolApplied").getJsonObject(0).getInt("doseNumberPositiveInt")
                    + "/" + dose.getString("occurrenceDateTime"));
        }
        assertEquals(new TreeSet<>(doseKeyByPid.values()), found, "every dose is found again on its person");

        assertEquals(202, Fhir.send("DELETE", status, source, null, null, null).status());
        assertEquals(404, Fhir.get(status, source).status(), "a deleted export is gone with its files");
    }

    @Test
    void anExportWhoseNodeDiedGoesOnFromItsLastCommittedPartWithoutWritingAnythingTwice() throws Exception {
        Tenants.ensure("40", "Nghệ An", "na-admin");
        Keycloak.user("na-fhir-admin", "province-admin", "40", null);
        Keycloak.user("na-staff", "station-staff", "40", List.of(COMMUNE));
        String admin = Keycloak.token("na-fhir-admin");
        String staff = Keycloak.token("na-staff");
        long village = units(admin);
        for (int i = 0; i < 3; i++) {
            LocalDate born = LocalDate.now().minusMonths(3 + i);
            long person = People.id(People.register(staff, People.person("Phan Văn Tiếp " + (char) ('A' + i),
                    "MALE", born.toString(), People.pid("040", '2', born.getYear()), village)));
            assertEquals(201, Http.post("/api/persons/" + person + "/immunizations", staff,
                    Epi.historical("BCG", 1, born.plusDays(1)).build()).status());
        }
        Fhir.Answer kickOff = Fhir.send("POST", "/fhir/$export?_type=Patient,Immunization", admin, null, null,
                null);
        assertEquals(202, kickOff.status(), kickOff::toString);
        String status = kickOff.contentLocation();
        Map<String, List<String>> first = files(manifest(status, admin), admin);
        long exportId = Long.parseLong(status.substring(status.lastIndexOf('/') + 1));

        // The node died after committing the last chunk of patients, before any dose: what a crash leaves behind.
        try (java.sql.Connection c = Tenants.root(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM hssk_t40.fhir_export_part WHERE export_id = " + exportId
                    + " AND resource_type = 'Immunization'");
            st.executeUpdate("UPDATE hssk_t40.fhir_export SET state = 'RUNNING', source = 0,"
                    + " last_row = (SELECT MAX(id) FROM hssk_t40.person), finished_at = NULL,"
                    + " resources = " + first.get("Patient").size() + ","
                    + " heartbeat_at = NOW(3) - INTERVAL 10 MINUTE WHERE id = " + exportId);
        }
        Fhir.Answer stalled = Fhir.get(status, admin);
        assertEquals(202, stalled.status(), "a stalled export is resumed when its client polls: " + stalled);
        Map<String, List<String>> resumed = files(manifest(status, admin), admin);
        assertEquals(first.get("Patient"), resumed.get("Patient"), "no patient written twice");
        assertEquals(new TreeSet<>(first.get("Immunization")), new TreeSet<>(resumed.get("Immunization")),
                "every dose written again, once");
        assertEquals(first.get("Immunization").size(), resumed.get("Immunization").size());
    }

    private static JsonObject manifest(String status, String token) throws InterruptedException {
        for (int wait = 0; wait < 120; wait++) {
            Fhir.Answer polled = Fhir.get(status, token);
            if (polled.status() == 200) {
                return polled.json();
            }
            assertEquals(202, polled.status(), polled::toString);
            Thread.sleep(1000);
        }
        throw new AssertionError("the export did not finish within two minutes");
    }

    private static Map<String, List<String>> files(JsonObject manifest, String token) {
        Map<String, List<String>> files = new HashMap<>();
        for (JsonValue o : manifest.getJsonArray("output")) {
            JsonObject out = o.asJsonObject();
            Fhir.Answer file = Fhir.get(out.getString("url"), token);
            assertEquals(200, file.status(), file::toString);
            List<String> lines = new ArrayList<>();
            for (String line : file.body().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            files.put(out.getString("type"), lines);
        }
        return files;
    }

    /** The commune and village of the test in the token's province (the same codes in both tenants). */
    private static long units(String token) {
        long commune = Units.commune(token, COMMUNE, "Xã Xuất Nhập");
        return Units.village(token, COMMUNE + "-01", "Thôn Chuyển", commune);
    }
}
