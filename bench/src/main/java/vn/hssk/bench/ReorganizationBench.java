package vn.hssk.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * Two communes of 100,000 people each (10 villages each, a main station each) merge into the first: the preview,
 * the apply job (villages moved, their people's possible duplicates paired again by the triggers, the station made a
 * sub-site, staff scopes moved in Keycloak) and its undo, against a baseline measured in the same run: the same ten
 * villages moved to the other commune and back by two bare SQL updates (the same triggers, nothing else).
 */
final class ReorganizationBench {

    private static final int PEOPLE_PER_COMMUNE = Integer.getInteger("bench.people", 100_000);
    private static final int VILLAGES = 10;

    private ReorganizationBench() {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        Thread stopOnSignal = new Thread(() -> BenchStack.stop(wildfly, keycloak, db), "reorg-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            BenchStack.onboard(BenchStack.token("national-admin"), "38", "Thanh Hóa", "th-admin");
            String token = BenchStack.token("th-admin");
            StringBuilder csv = new StringBuilder("code,name,type,parent_code,valid_from\n");
            for (int c = 0; c < 2; c++) {
                String commune = String.valueOf(20_000 + c);
                csv.append(commune).append(",Xã Sắp Xếp ").append(c).append(",xã,38,2020-01-01\n");
                for (int v = 1; v <= VILLAGES; v++) {
                    csv.append(commune).append('-').append(v).append(",Thôn ").append(v).append(" xã ").append(c)
                            .append(",thôn,").append(commune).append(",2020-01-01\n");
                }
            }
            BenchStack.check(BenchStack.call("POST", "/api/units/import?mode=apply", token, "text/csv",
                    csv.toString()), "import");
            for (int c = 0; c < 2; c++) {
                BenchStack.check(BenchStack.call("POST", "/api/stations", token, "application/json",
                        Json.createObjectBuilder().add("name", "Trạm Y tế xã Sắp Xếp " + c)
                                .add("facilityCode", "3850" + c).add("commune", String.valueOf(20_000 + c)).build()
                                .toString()), "station");
            }
            long loadMs = load(config.dbPort());
            List<Long> villageIds;
            try (Connection c = BenchStack.root(config.dbPort(), "hssk_t38")) {
                villageIds = BenchStack.villageIds(c);
            }
            for (int c = 0; c < 2; c++) {
                BenchStack.check(BenchStack.call("PUT", "/api/quotas", token, "application/json", quotas(
                        String.valueOf(20_000 + c), villageIds.subList(c * VILLAGES, (c + 1) * VILLAGES))), "quotas");
            }
            long pairs = count(config.dbPort(), "SELECT COUNT(*) FROM duplicate_candidate");

            long baselineMs = baseline(config.dbPort());

            String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
            String body = Json.createObjectBuilder().add("title", "Benchmark").add("effectiveDate", today)
                    .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind",
                            "MERGE_COMMUNES").add("sources", Json.createArrayBuilder().add("20000").add("20001"))
                            .add("code", "20000"))).build().toString();
            long id = BenchStack.json(BenchStack.check(BenchStack.call("POST", "/api/reorganizations", token,
                    "application/json", body), "create").body()).getJsonNumber("id").longValue();
            long t0 = System.nanoTime();
            JsonObject preview = BenchStack.json(BenchStack.check(BenchStack.call("GET", "/api/reorganizations/"
                    + id + "/preview", token, null, null), "preview").body());
            long previewMs = BenchStack.ms(t0);
            String counts = "/api/reorganizations/counts?communes=20000,20001";
            JsonObject before = BenchStack.json(BenchStack.check(BenchStack.call("GET", counts, token, null, null),
                    "counts").body());

            t0 = System.nanoTime();
            BenchStack.check(BenchStack.call("POST", "/api/reorganizations/" + id + "/apply", token,
                    "application/json", "{}"), "apply");
            String applied = waitFor(token, id, "APPLIED");
            long applyMs = BenchStack.ms(t0);
            JsonObject after = BenchStack.json(BenchStack.check(BenchStack.call("GET", counts, token, null, null),
                    "counts").body());

            t0 = System.nanoTime();
            BenchStack.check(BenchStack.call("POST", "/api/reorganizations/" + id + "/undo", token,
                    "application/json", "{}"), "undo");
            String reverted = waitFor(token, id, "REVERTED");
            long undoMs = BenchStack.ms(t0);
            JsonObject undone = BenchStack.json(BenchStack.check(BenchStack.call("GET", counts, token, null, null),
                    "counts").body());

            // The path where people do move: the ten villages of the second commune merge into its first village.
            JsonArrayBuilder villages = Json.createArrayBuilder();
            for (int v = 1; v <= VILLAGES; v++) {
                villages.add("20001-" + v);
            }
            String villageBody = Json.createObjectBuilder().add("title", "Benchmark villages").add("effectiveDate",
                    today).add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("kind", "MERGE_VILLAGES").add("sources", villages).add("code", "20001-1")
                            .add("sumQuotas", true))).build().toString();
            long villageId = BenchStack.json(BenchStack.check(BenchStack.call("POST", "/api/reorganizations",
                    token, "application/json", villageBody), "create").body()).getJsonNumber("id").longValue();
            long movedPeople = count(config.dbPort(), "SELECT COUNT(*) FROM person p JOIN admin_unit v"
                    + " ON v.id = p.village_id WHERE v.code LIKE '20001-%' AND v.code <> '20001-1'");
            t0 = System.nanoTime();
            BenchStack.check(BenchStack.call("POST", "/api/reorganizations/" + villageId + "/apply", token,
                    "application/json", "{}"), "apply villages");
            String villagesApplied = waitFor(token, villageId, "APPLIED");
            long villageApplyMs = BenchStack.ms(t0);
            JsonObject afterVillages = BenchStack.json(BenchStack.check(BenchStack.call("GET", counts, token, null,
                    null), "counts").body());
            t0 = System.nanoTime();
            BenchStack.check(BenchStack.call("POST", "/api/reorganizations/" + villageId + "/undo", token,
                    "application/json", "{}"), "undo villages");
            String villagesReverted = waitFor(token, villageId, "REVERTED");
            long villageUndoMs = BenchStack.ms(t0);
            JsonObject afterVillageUndo = BenchStack.json(BenchStack.check(BenchStack.call("GET", counts, token,
                    null, null), "counts").body());

            long moved = PEOPLE_PER_COMMUNE;
            System.out.println();
            System.out.println("== hssk reorganization benchmark: two communes of " + String.format("%,d",
                    PEOPLE_PER_COMMUNE) + " people merge (" + Runtime.getRuntime().availableProcessors()
                    + " cores) ==");
            System.out.printf("loading %,d people by JDBC batch: %d ms; possible-duplicate pairs: %,d%n",
                    2 * PEOPLE_PER_COMMUNE, loadMs, pairs);
            System.out.printf("baseline: the %d villages moved to the other commune and back by bare SQL (same"
                    + " triggers): %d ms, %,.0f people/s%n", VILLAGES, baselineMs, 2.0 * moved * 1000 / baselineMs);
            System.out.printf("preview (every count of both communes, before and after): %d ms%n", previewMs);
            System.out.printf("apply job, from the request to APPLIED: %d ms, %,.0f people moved/s (x%.2f the"
                    + " baseline's one-way time) [%s]%n", applyMs, moved * 1000.0 / applyMs,
                    applyMs * 2.0 / baselineMs, applied);
            System.out.printf("undo job, from the request to REVERTED: %d ms, %,.0f people/s [%s]%n", undoMs,
                    moved * 1000.0 / undoMs, reverted);
            System.out.println("preview totals before/after: " + preview.getJsonObject("totalBefore") + " / "
                    + preview.getJsonObject("totalAfter"));
            System.out.println("counts before:       " + before);
            System.out.println("counts after apply:  " + after);
            System.out.println("counts after undo:   " + undone);
            System.out.println("undo gave back the counts: " + before.equals(undone));
            System.out.printf("villages: 10 villages of 20001 merge into 20001-1, %,d people and %d quotas move:"
                    + " apply %d ms, %,.0f people/s [%s]; undo %d ms, %,.0f people/s [%s]%n", movedPeople, VILLAGES,
                    villageApplyMs, movedPeople * 1000.0 / villageApplyMs, villagesApplied, villageUndoMs,
                    movedPeople * 1000.0 / villageUndoMs, villagesReverted);
            System.out.println("counts after the village merge: " + afterVillages);
            System.out.println("counts kept by the village merge: " + before.equals(afterVillages)
                    + "; by its undo: " + before.equals(afterVillageUndo));
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            BenchStack.stop(wildfly, keycloak, db);
        }
    }

    private static String waitFor(String token, long id, String status) throws Exception {
        for (int i = 0; i < 3_600; i++) {
            JsonObject r = BenchStack.json(BenchStack.call("GET", "/api/reorganizations/" + id, token, null, null)
                    .body());
            if (status.equals(r.getString("status"))) {
                return status;
            }
            if (r.containsKey("failure") && !r.isNull("failure")) {
                return r.getString("status") + " failed: " + r.getString("failure");
            }
            Thread.sleep(200);
        }
        return "timed out";
    }

    /** A quota for this year for each of the commune's villages. */
    private static String quotas(String commune, List<Long> villages) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        villages.forEach(v -> entries.add(Json.createObjectBuilder().add("villageId", v).add("population", 10_500)
                .add("quota", 9_000)));
        return Json.createObjectBuilder().add("commune", commune).add("year", LocalDate.now().getYear())
                .add("entries", entries).build().toString();
    }

    /** The second commune's villages moved under the first and back, by SQL alone. */
    private static long baseline(int port) throws Exception {
        try (Connection c = BenchStack.root(port, "hssk_t38"); Statement st = c.createStatement()) {
            long first = scalar(st, "SELECT id FROM admin_unit WHERE code = '20000'");
            long second = scalar(st, "SELECT id FROM admin_unit WHERE code = '20001'");
            long t0 = System.nanoTime();
            st.executeUpdate("UPDATE admin_unit SET parent_id = " + first + " WHERE parent_id = " + second
                    + " AND level = 'VILLAGE'");
            st.executeUpdate("UPDATE admin_unit SET parent_id = " + second + " WHERE code LIKE '20001-%'");
            return BenchStack.ms(t0);
        }
    }

    /** People straight into the person table: names from a pool, so some pairs of the same name and birth. */
    private static long load(int port) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = BenchStack.root(port, "hssk_t38")) {
            List<Long> villages = BenchStack.villageIds(c);
            c.setAutoCommit(false);
            Random random = new Random(7);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (full_name, full_name_folded, sex,"
                    + " birth_date, personal_id, village_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?,"
                    + " NOW(3), 'bench')")) {
                for (int i = 0; i < 2 * PEOPLE_PER_COMMUNE; i++) {
                    int name = random.nextInt(20_000);
                    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 10) * 7);
                    boolean male = (name & 1) == 0;
                    ps.setString(1, "Người Thử " + name);
                    ps.setString(2, "nguoi thu " + name);
                    ps.setString(3, male ? "MALE" : "FEMALE");
                    ps.setObject(4, born);
                    ps.setString(5, String.format("038%d%02d%06d", (born.getYear() >= 2000 ? 2 : 0) + (male ? 0 : 1),
                            born.getYear() % 100, i));
                    ps.setLong(6, villages.get(i < PEOPLE_PER_COMMUNE ? random.nextInt(VILLAGES)
                            : VILLAGES + random.nextInt(VILLAGES)));
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE person");
            }
        }
        return BenchStack.ms(t0);
    }

    private static long count(int port, String sql) throws Exception {
        try (Connection c = BenchStack.root(port, "hssk_t38"); Statement st = c.createStatement()) {
            return scalar(st, sql);
        }
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
