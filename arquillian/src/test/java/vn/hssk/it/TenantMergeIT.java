package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * A national administrator merges one province tenant into another, as Sóc Trăng and Hậu Giang went into Cần Thơ:
 * a dry run first (nothing changes), then the merge as a background job. Every table's rows of the absorbed province
 * are in the survivor afterwards with new keys (the survivor's rows of each copied table grow by exactly the absorbed
 * province's), the merge's own per-table check agrees, a personal ID held in both provinces is offered for review and
 * as a pair of possible duplicates, never merged, a household code both used is kept apart, the absorbed province is
 * retired, and its staff, moved in Keycloak, see their own commune in the survivor and nothing more. A second request
 * does nothing. A second WildFly node killed in the middle of a merge resumes it when started again, to the same end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantMergeIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aProvinceMergesIntoAnotherWithEveryCountKeptAndTheSharedPersonOfferedForReview() throws Exception {
        String national = Keycloak.token("national-admin");
        String lot = Epi.lotNumber("MERGE");
        Province survivor = Province.make("80", "Tây Ninh", "tnh", "Xã Hòa Bình", lot);
        Province absorbed = Province.make("82", "Đồng Tháp", "dth", "Xã Hòa Bình", lot);
        // One resident registered in both provinces, with the same personal ID, and a household code used in both.
        LocalDate born = LocalDate.of(1990, 3, 4);
        String shared = Families.pid(true, born);
        long holder = Families.person(survivor.staffToken(), "Lê Văn Hai Nơi", "MALE", born, shared,
                survivor.village, null, null);
        long twin = Families.person(absorbed.staffToken(), "Lê Văn Hai Nơi", "MALE", born, shared,
                absorbed.village, null, null);
        household(survivor, "HO-TRUNG-01");
        household(absorbed, "HO-TRUNG-01");

        // Only a national administrator merges provinces, with a bearer token, into one that exists.
        assertEquals(403, Http.post("/api/tenants/82/merge", Keycloak.token("dth-padmin"), into("80")).status());
        assertEquals(403, Http.post("/api/tenants/82/merge", absorbed.staffToken(), into("80")).status());
        Http.Answer anonymous = Http.post("/api/tenants/82/merge", null, into("80"));
        assertTrue(anonymous.status() == 401 || anonymous.status() == 403, anonymous::toString);
        assertField(Http.post("/api/tenants/82/merge", national, Json.createObjectBuilder().build()), 400, "into");
        assertField(Http.post("/api/tenants/82/merge", national, into("82")), 400, "into");
        assertField(Http.post("/api/tenants/82/merge", national, into("8")), 400, "into");
        assertField(Http.post("/api/tenants/82/merge", national, into("99")), 400, "into");

        Map<String, Long> before80 = counts("80");
        Map<String, Long> before82 = counts("82");

        // The dry run says what would happen and changes nothing.
        Http.Answer dry = Http.post("/api/tenants/82/merge", national, Json.createObjectBuilder().add("into", "80")
                .add("dryRun", true).build());
        assertEquals(200, dry.status(), dry::toString);
        JsonObject report = dry.json();
        assertTrue(report.getBoolean("canMerge"), report::toString);
        assertEquals(1, report.getInt("personalIdsInBoth"), report::toString);
        assertEquals(List.of(shared), report.getJsonArray("personalIdSample").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1, report.getInt("householdCodesInBoth"), report::toString);
        assertTrue(report.getInt("accountsToMove") >= 3, report::toString);
        long toCopy = report.getJsonNumber("rowsToCopy").longValue();
        assertEquals(before80, counts("80"), "a dry run changes nothing");
        assertEquals("ACTIVE", Http.get("/api/tenants/82", national).json().getString("status"));

        JsonObject merge = mergeAndWait(national, "82", "80", Http.APP);
        assertEquals("done", merge.getString("state"), merge::toString);
        assertEquals(toCopy, merge.getJsonNumber("rowsCopied").longValue(), "the dry run foresaw every row");
        assertMerged(merge, before80, before82);

        // The absorbed province is retired; its people are the survivor's now, the shared one on review.
        JsonObject retired = Http.get("/api/tenants/82", national).json();
        assertEquals("MERGED", retired.getString("status"), retired::toString);
        long offset = merge.getJsonNumber("keyOffset").longValue();
        assertEquals(shared, string("SELECT personal_id FROM hssk_t80.person WHERE id = " + holder));
        assertNull(string("SELECT personal_id FROM hssk_t80.person WHERE id = " + (twin + offset)),
                "the absorbed record is kept without the ID its holder keeps");
        assertEquals(1L, count("SELECT COUNT(*) FROM hssk_t80.personal_id_review WHERE source = 'MERGE' AND"
                + " status = 'OPEN' AND personal_id = '" + shared + "' AND holder_id = " + holder + " AND person_id = "
                + (twin + offset)));
        assertEquals(2L, count("SELECT COUNT(*) FROM hssk_t80.household WHERE code LIKE 'HO-TRUNG-01%'"));
        // The lot both provinces received is one lot with both quantities, stocked at both stations.
        assertEquals(200L, count("SELECT quantity FROM hssk_t80.vaccine_lot WHERE lot_number = '" + lot + "'"));
        assertEquals(120L, count("SELECT unallocated FROM hssk_t80.vaccine_lot WHERE lot_number = '" + lot + "'"));
        assertEquals(2L, count("SELECT COUNT(*) FROM hssk_t80.station_stock s JOIN hssk_t80.vaccine_lot l ON l.id ="
                + " s.lot_id WHERE l.lot_number = '" + lot + "' AND s.balance = 40"));
        String admin80 = Keycloak.token("tnh-padmin");
        JsonObject pair = Http.get("/api/duplicates?max=200", admin80).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getJsonObject("first").getJsonNumber("id").longValue() == holder
                        && p.getJsonObject("second").getJsonNumber("id").longValue() == twin + offset)
                .findFirst().orElseThrow(() -> new AssertionError("the pair is offered as possible duplicates"));
        assertEquals("PERSONAL_ID", pair.getJsonArray("reasons").getString(0), pair::toString);

        // The absorbed province's staff member, moved with their commune, sees their people there and nothing more.
        String staff = absorbed.staffToken();
        JsonObject me = Http.get("/api/me", staff).json();
        assertEquals("80", me.getString("tenantCode"), me::toString);
        List<Long> seen = Http.get("/api/persons?q=le+van+hai+noi", staff).jsonArray().getValuesAs(JsonObject.class)
                .stream().map(p -> p.getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(twin + offset), seen, "the own commune's record, not the survivor's holder");
        assertEquals(404, Http.get("/api/persons/" + holder, staff).status());
        assertEquals(200, Http.get("/api/persons/" + (twin + offset), staff).status());
        assertEquals(200, Http.get("/api/persons/" + holder, survivor.staffToken()).status());
        assertEquals(404, Http.get("/api/persons/" + (twin + offset), survivor.staffToken()).status());
        // Its earlier audit trail came along, with the entity keys of the survivor, and says where it came from.
        assertEquals(1L, count("SELECT COUNT(*) FROM hssk_t80.audit_event WHERE entity_type = 'Person' AND entity_id = "
                + (twin + offset) + " AND action = 'UPDATE' AND context = 'tenant merge " + merge.getInt("id")
                + "' AND changes LIKE '%\"province\":{\"before\":\"82\",\"after\":\"80\"}%'"));
        assertEquals(count("SELECT COUNT(*) FROM hssk_t82.audit_event WHERE entity_type = 'Person' AND entity_id = "
                + twin), count("SELECT COUNT(*) FROM hssk_t80.audit_event WHERE tenant = '82' AND entity_type ="
                + " 'Person' AND entity_id = " + (twin + offset)));

        // A second request does nothing.
        Map<String, Long> after = counts("80");
        Http.Answer again = Http.post("/api/tenants/82/merge", national, into("80"));
        assertEquals(409, again.status(), again::toString);
        assertEquals("tenantMerge.done", again.error("code").getString("code"), again::toString);
        assertEquals(after, counts("80"));
    }

    @Test
    void aNodeKilledInTheMiddleOfAMergeResumesItToTheSameEnd() throws Exception {
        String national = Keycloak.token("national-admin");
        Province survivor = Province.make("75", "Đồng Nai", "dna", "Xã Phú Lợi", Epi.lotNumber("KILL"));
        Province absorbed = Province.make("86", "Vĩnh Long", "vlo", "Xã Phú Lợi", Epi.lotNumber("KILL"));
        // A list imported by the absorbed province's staff: its job, file and row report are copied too.
        Http.Answer imported = Http.postRaw("/api/imports?kind=persons&mode=apply", absorbed.staffToken(), "text/csv",
                ImportJobsIT.register(12, "86101", "Một", 5));
        assertEquals(202, imported.status(), imported::toString);
        awaitImport(absorbed.staffToken(), imported.json().getJsonNumber("id").longValue());
        Map<String, Long> before75 = counts("75");
        Map<String, Long> before86 = counts("86");

        Properties props = new Properties();
        props.putAll(System.getProperties());
        props.setProperty("hssk.demo", "false");
        props.setProperty("hssk.work.dir", Path.of(System.getProperty("hssk.work.dir", "target/it-stack"))
                .resolveSibling("merge-node").toString());
        props.setProperty("hssk.app.port", "8280");
        WildFlyServer node = new WildFlyServer(StackConfig.from(props), "merge-node");
        try (Connection operator = Tenants.root()) {
            node.start();
            // An operator's lock holds the merge at the survivor's import reports (a table without keys to others,
            // whose lock holds nothing else), after the tables before it and before the people.
            try (Statement lock = operator.createStatement()) {
                lock.execute("LOCK TABLES hssk_t75.import_job_row WRITE");
            }
            Http.Answer started = Http.post("http://localhost:8280/api/tenants/86/merge", national, into("75"));
            assertEquals(202, started.status(), started::toString);
            long id = started.json().getJsonNumber("id").longValue();
            awaitWaiting("INSERT INTO `hssk_t75`.`import_job_row`");
            JsonObject atKill = Http.get("/api/tenants/86/merges/" + id, national).json();
            assertEquals("copy", atKill.getString("step"), atKill::toString);
            assertTrue(atKill.getInt("tablesDone") > 0, "some tables were copied: " + atKill);
            node.kill();
            try (Statement unlock = operator.createStatement()) {
                unlock.execute("UNLOCK TABLES");
            }
            Map<String, Long> atCrash = counts("75");
            assertEquals(before75.get("import_job_row"), atCrash.get("import_job_row"), "no report row at the kill");
            assertEquals(before75.get("person"), atCrash.get("person"), "nobody copied at the kill");
            assertTrue(atCrash.get("household") > before75.get("household"), "households were copied before it");
            assertTrue(atCrash.get("immunization") > before75.get("immunization"), "and doses");
            assertEquals("running", Http.get("/api/tenants/86/merges/" + id, national).json().getString("state"),
                    "a killed node could not say anything");
            assertEquals("MERGING", Http.get("/api/tenants/86", national).json().getString("status"));
            Http.Answer write = Http.post("/api/persons", absorbed.staffToken(), Json.createObjectBuilder()
                    .add("fullName", "Bé Đến Muộn").add("sex", "MALE").add("birthDate", Epi.today().minusDays(3).toString())
                    .add("villageId", absorbed.village).build());
            assertEquals(503, write.status(), "the absorbed province is read-only while it merges: " + write);

            node.start(); // resumes the merge it was running when it went down
            JsonObject merge = await(national, "86", id);
            assertEquals("done", merge.getString("state"), merge::toString);
            assertEquals(2, merge.getInt("runs"), merge::toString);
            assertMerged(merge, before75, before86);
        } finally {
            node.stop();
        }
    }

    @Test
    void aProvinceIsRenamedAndChangesItsTypeWithItsCodeKept() throws Exception {
        String national = Keycloak.token("national-admin");
        Tenants.ensure("68", "Lâm Đồng", "ld-admin");
        Keycloak.user("ld-padmin", "province-admin", "68", null);
        JsonObject rename = Json.createObjectBuilder().add("name", "  Thành phố   Đà Lạt ").add("type", "thanh_pho_tw")
                .build();
        assertEquals(403, Http.put("/api/tenants/68", Keycloak.token("ld-padmin"), rename).status());
        assertField(Http.put("/api/tenants/68", national, Json.createObjectBuilder().add("name", " ").build()), 400,
                "name");
        assertField(Http.put("/api/tenants/68", national, Json.createObjectBuilder().add("name", "Đà Lạt")
                .add("type", "huyen").build()), 400, "type");
        assertEquals(404, Http.put("/api/tenants/69", national, rename).status());

        Http.Answer renamed = Http.put("/api/tenants/68", national, rename);
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Thành phố Đà Lạt", renamed.json().getString("name"));
        assertEquals("68", renamed.json().getString("code"));
        assertEquals("Thành phố Đà Lạt", string("SELECT name FROM hssk_t68.admin_unit WHERE code = '68'"));
        assertEquals("thanh_pho_tw", string("SELECT unit_type FROM hssk_t68.admin_unit WHERE code = '68'"));
        JsonObject me = Http.get("/api/me", Keycloak.token("ld-padmin")).json();
        assertEquals("Thành phố Đà Lạt", me.getString("tenantName"), me::toString);
    }

    /** Every copied table of the survivor grew by the absorbed province's rows, and the merge's own check agrees. */
    private static void assertMerged(JsonObject merge, Map<String, Long> survivorBefore,
                                     Map<String, Long> absorbedBefore) throws SQLException {
        String into = merge.getString("into");
        Map<String, Long> after = counts(into);
        List<String> wrong = new ArrayList<>();
        for (JsonObject table : merge.getJsonArray("tables").getValuesAs(JsonObject.class)) {
            String name = table.getString("name");
            String treatment = table.getString("treatment");
            if (!"SKIPPED".equals(treatment)) {
                long source = table.getJsonNumber("sourceRows").longValue();
                if (source != table.getJsonNumber("addedRows").longValue()
                        || source != table.getJsonNumber("checkedRows").longValue()) {
                    wrong.add("check of " + table);
                }
            }
            if ("COPY".equals(treatment)) {
                long expected = survivorBefore.get(name) + absorbedBefore.get(name) - ("admin_unit".equals(name) ? 1 : 0);
                // Added by the merge itself: a review case per personal ID held in both, an audit line per person.
                long extra = "personal_id_review".equals(name) ? merge.getInt("personalIdsInBoth")
                        : "audit_event".equals(name) ? absorbedBefore.get("person") : 0;
                if (after.get(name) != expected + extra) {
                    wrong.add(name + ": " + survivorBefore.get(name) + " + " + absorbedBefore.get(name) + " -> "
                            + after.get(name));
                }
            }
        }
        assertTrue(wrong.isEmpty(), "counts after the merge: " + wrong);
        assertTrue(merge.getJsonNumber("rowsCopied").longValue() > 0, merge::toString);
        assertEquals(count("SELECT COUNT(*) FROM hssk_t" + merge.getString("absorbed") + ".person"),
                count("SELECT COUNT(*) FROM hssk_t" + into + ".person WHERE id > "
                        + merge.getJsonNumber("keyOffset").longValue()), "every person once");
    }

    /** Rows of every base table of a province's schema. */
    private static Map<String, Long> counts(String code) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection root = Tenants.root()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = root.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                ps.setString(1, "hssk_t" + code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (Statement st = root.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM hssk_t" + code + ".`" + table + "`")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static JsonObject mergeAndWait(String token, String absorbed, String into, String base)
            throws InterruptedException {
        Http.Answer started = Http.post(base + "/api/tenants/" + absorbed + "/merge", token, into(into));
        assertEquals(202, started.status(), started::toString);
        return await(token, absorbed, started.json().getJsonNumber("id").longValue());
    }

    private static JsonObject await(String token, String absorbed, long id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            JsonObject merge = Http.get("/api/tenants/" + absorbed + "/merges/" + id, token).json();
            if (List.of("done", "failed").contains(merge.getString("state")) || Instant.now().isAfter(until)) {
                return merge;
            }
            Thread.sleep(300);
        }
    }

    private static void awaitImport(String token, long id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (!"done".equals(Http.get("/api/imports/" + id, token).json().getString("state"))) {
            assertTrue(Instant.now().isBefore(until), "the import ends");
            Thread.sleep(300);
        }
    }

    private static void awaitWaiting(String statement) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE '%lock%' AND INFO LIKE '"
                + statement + "%'") == 0) {
            assertTrue(Instant.now().isBefore(until), "the merge never reached " + statement);
            Thread.sleep(200);
        }
    }

    private static JsonObject into(String code) {
        return Json.createObjectBuilder().add("into", code).build();
    }

    private static void household(Province p, String code) {
        Http.Answer created = Http.post("/api/households", p.staffToken(), Json.createObjectBuilder().add("code", code)
                .add("villageId", p.village).add("headName", "Chủ Hộ Trùng").build());
        assertEquals(201, created.status(), created::toString);
    }

    private static void assertField(Http.Answer answer, int status, String field) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertFalse(answer.error(field) == null, answer::toString);
    }

    private static long count(String sql) throws SQLException {
        try (Connection root = Tenants.root(); Statement st = root.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(String sql) throws SQLException {
        try (Connection root = Tenants.root(); Statement st = root.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A province with a commune, a village, a station, staff, a family with a dose, and a few newborns. */
    private record Province(String code, String staff, long commune, long village) {

        /** The province, with a lot of BCG numbered {@code lot} received (100) and 40 of it at the station. */
        static Province make(String code, String name, String prefix, String communeName, String lot) {
            Tenants.ensure(code, name, prefix + "-admin");
            Keycloak.user(prefix + "-padmin", "province-admin", code, null);
            String admin = Keycloak.token(prefix + "-padmin");
            String communeCode = code + "101";
            long commune = Units.commune(admin, communeCode, communeName);
            long village = Units.village(admin, communeCode + "-01", "Thôn Một", commune);
            long station = Epi.station(admin, communeCode, "Trạm Y tế " + communeName, code + "701");
            Epi.allocate(admin, Epi.lot(admin, "BCG", lot, Epi.today().plusYears(1), 100), station, 40);
            String staff = prefix + "-staff";
            Keycloak.user(staff, "station-staff", code, List.of(communeCode));
            String token = Keycloak.token(staff);
            Families.make(token, village, "Trần");
            for (int i = 0; i < 3; i++) {
                Epi.newborn(token, "Bé Sáp Nhập " + i, Epi.today().minusMonths(2), village);
            }
            return new Province(code, staff, commune, village);
        }

        String staffToken() {
            return Keycloak.token(staff);
        }
    }
}
