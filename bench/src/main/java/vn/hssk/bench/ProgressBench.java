package vn.hssk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * Progress against quotas at 1,000,000 people in one tenant (100 communes of 10 villages, quotas for the year,
 * records completed over the last 20 weeks, 5 % of them voided and 5 % missing ethnicity so they do not count): the
 * commune dashboard (goal p95 < 50 ms) and the province overview (goal p95 < 200 ms), both counted live from
 * created_record, against an authenticated no-op call ({@code GET /api/me}) as baseline.
 */
final class ProgressBench {

    private static final int COMMUNES = 100;
    private static final int VILLAGES_PER_COMMUNE = 10;
    private static final int PEOPLE = Integer.getInteger("bench.people", 1_000_000);
    private static final int CALLS = 50;

    private ProgressBench() {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        Thread stopOnSignal = new Thread(() -> BenchStack.stop(wildfly, keycloak, db), "progress-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            BenchStack.onboard(BenchStack.token("national-admin"), "38", "Thanh Hóa", "th-admin");
            String token = BenchStack.token("th-admin");
            BenchStack.check(BenchStack.call("POST", "/api/units/import?mode=apply", token, "text/csv", BenchStack.codeList(COMMUNES, VILLAGES_PER_COMMUNE, "Tiến Độ")),
                    "import");
            long loadMs = load(config.dbPort());

            String commune = String.valueOf(20_000 + COMMUNES / 2);
            List<Long> dashboard = BenchStack.time("th-admin", 1, CALLS,
                    i -> "/api/progress/dashboard?commune=" + commune);
            List<Long> overview = BenchStack.time("th-admin", 1, CALLS, i -> "/api/progress/overview");
            List<Long> me = BenchStack.time("th-admin", 1, CALLS, i -> "/api/me");

            System.out.println();
            System.out.println("== hssk progress benchmark: " + String.format("%,d", PEOPLE) + " people, " + COMMUNES
                    + " communes, " + COMMUNES * VILLAGES_PER_COMMUNE + " villages ("
                    + Runtime.getRuntime().availableProcessors() + " cores) ==");
            System.out.printf("loading the people by JDBC batch: %d ms%n", loadMs);
            System.out.printf("commune dashboard (10 villages, 12 weeks, forecast): p50 %d ms, p95 %d ms (goal < 50)%n",
                    BenchStack.pct(dashboard, 50), BenchStack.pct(dashboard, 95));
            System.out.printf("province overview (100 communes ranked): p50 %d ms, p95 %d ms (goal < 200)%n",
                    BenchStack.pct(overview, 50), BenchStack.pct(overview, 95));
            System.out.printf("baseline GET /api/me: p50 %d ms, p95 %d ms%n", BenchStack.pct(me, 50),
                    BenchStack.pct(me, 95));
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            BenchStack.stop(wildfly, keycloak, db);
        }
    }

    /** People straight into the tenant's person table, and a quota per village for this year. */
    private static long load(int port) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + port
                + "/hssk_t38?rewriteBatchedStatements=true", "root", "")) {
            List<Long> villages = BenchStack.villageIds(c);
            c.setAutoCommit(false);
            BenchStack.quotas(c, PEOPLE);
            Random random = new Random(1);
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (full_name, full_name_folded, sex,"
                    + " birth_date, personal_id, ethnicity, village_id, voided, void_reason, created_at, created_by,"
                    + " completed_at) VALUES (?, ?, 'MALE', '1980-01-01', ?, ?, ?, ?, ?, ?, 'bench', ?)")) {
                for (int i = 0; i < PEOPLE; i++) {
                    boolean voided = i % 20 == 7;
                    boolean incomplete = i % 20 == 13;
                    Timestamp at = Timestamp.from(now.minus(random.nextInt(140 * 24 * 60), ChronoUnit.MINUTES));
                    ps.setString(1, "Người Thử " + i);
                    ps.setString(2, "nguoi thu " + i);
                    ps.setString(3, String.format("038080%06d", i));
                    ps.setString(4, incomplete ? null : "Kinh");
                    ps.setLong(5, villages.get(random.nextInt(villages.size())));
                    ps.setBoolean(6, voided);
                    ps.setString(7, voided ? "bench" : null);
                    ps.setTimestamp(8, at);
                    ps.setTimestamp(9, incomplete ? null : at);
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
        return (System.nanoTime() - t0) / 1_000_000;
    }


}
