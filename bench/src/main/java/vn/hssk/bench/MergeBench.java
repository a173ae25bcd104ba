package vn.hssk.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * A province tenant of {@code bench.people} people (default 1,000,000: the immunization benchmark's 100 communes of 10
 * villages, with doses) merges into one of {@code bench.survivor} people (default 300,000), a thousand of them
 * registered in both with the same personal ID: the dry run and the merge job, against a baseline measured in the
 * same run: every table of the absorbed schema copied by bare {@code INSERT ... SELECT} into a scratch schema on the
 * same server (no keys moved, no triggers, no checks): what moving the rows once costs this server.
 */
final class MergeBench {

    private static final int PEOPLE = Integer.getInteger("bench.people", 1_000_000);
    private static final int SURVIVOR = Integer.getInteger("bench.survivor", 300_000);
    private static final int SHARED = 1_000;

    private MergeBench() {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        Thread stopOnSignal = new Thread(() -> BenchStack.stop(wildfly, keycloak, db), "merge-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            String national = BenchStack.token("national-admin");
            BenchStack.onboard(national, "92", "Cần Thơ", "ct-admin");
            BenchStack.onboard(national, "96", "Cà Mau", "cm-admin");
            BenchStack.user("ct-padmin", "province-admin", "92", List.of());
            BenchStack.user("cm-padmin", "province-admin", "96", List.of());
            for (String admin : List.of("ct-padmin", "cm-padmin")) {
                BenchStack.check(BenchStack.call("GET", "/api/schedule", BenchStack.token(admin), null, null),
                        "schedule");
            }
            long t0 = System.nanoTime();
            try (Connection c = BenchStack.root(config.dbPort(), "hssk_t92")) {
                ImmunizationBench.load(c, SURVIVOR, true, 31_100);
            }
            try (Connection c = BenchStack.root(config.dbPort(), "hssk_t96")) {
                ImmunizationBench.load(c, PEOPLE, true, 41_100);
            }
            try (Connection c = BenchStack.root(config.dbPort(), "hssk_platform");
                 Statement st = c.createStatement()) {
                for (String schema : List.of("hssk_t92", "hssk_t96")) {
                    // The same residents in both: the first thousand of each, with one personal ID each.
                    st.executeUpdate("UPDATE " + schema + ".person SET personal_id = CONCAT('096090', LPAD(id, 6,"
                            + " '0')) WHERE id <= " + SHARED);
                    st.execute("ANALYZE TABLE " + schema + ".person, " + schema + ".immunization");
                }
            }
            long loadMs = BenchStack.ms(t0);
            List<String> tables = new ArrayList<>();
            long rows = 0;
            try (Connection c = BenchStack.root(config.dbPort(), "hssk_t96"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE"
                         + " TABLE_SCHEMA = 'hssk_t96' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }

            long baselineMs = baseline(config.dbPort(), tables);

            national = BenchStack.token("national-admin");
            t0 = System.nanoTime();
            JsonObject dry = BenchStack.json(BenchStack.check(BenchStack.call("POST", "/api/tenants/96/merge",
                    national, "application/json", Json.createObjectBuilder().add("into", "92").add("dryRun", true)
                            .build().toString()), "dry run").body());
            long dryMs = BenchStack.ms(t0);

            t0 = System.nanoTime();
            JsonObject started = BenchStack.json(BenchStack.check(BenchStack.call("POST", "/api/tenants/96/merge",
                    national, "application/json", "{\"into\":\"92\"}"), "merge").body());
            long id = started.getJsonNumber("id").longValue();
            JsonObject merge;
            while (true) {
                merge = BenchStack.json(BenchStack.call("GET", "/api/tenants/96/merges/" + id,
                        BenchStack.token("national-admin"), null, null).body());
                if (!List.of("queued", "running").contains(merge.getString("state"))) {
                    break;
                }
                Thread.sleep(500);
            }
            long mergeMs = BenchStack.ms(t0);
            if (!"done".equals(merge.getString("state"))) {
                throw new IllegalStateException("The merge ended " + merge);
            }
            rows = merge.getJsonNumber("rowsCopied").longValue();
            long persons;
            try (Connection c = BenchStack.root(config.dbPort(), "hssk_t92"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM person")) {
                rs.next();
                persons = rs.getLong(1);
            }

            System.out.println();
            System.out.println("== hssk tenant merge benchmark: " + PEOPLE + " people into " + SURVIVOR + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores) ==");
            System.out.printf("bulk load of both provinces (JDBC): %,d ms%n", loadMs);
            System.out.printf("dry run: %,d ms (%d personal IDs in both, %,d rows to copy)%n", dryMs,
                    dry.getInt("personalIdsInBoth"), dry.getJsonNumber("rowsToCopy").longValue());
            System.out.printf("merge job: %,d ms for %,d rows in %d tables = %,d rows/s (its copy phase %,d ms); %d"
                    + " personal IDs sent to review; survivor now %,d persons%n", mergeMs, rows,
                    merge.getInt("tablesTotal"), rows * 1000 / Math.max(1, mergeMs),
                    merge.getJsonNumber("copyMs").longValue(), merge.getInt("personalIdsInBoth"), persons);
            System.out.printf("baseline, bare INSERT ... SELECT of every table into a scratch schema: %,d ms"
                    + " (%,d rows/s); merge / baseline = %.2f%n", baselineMs, rows * 1000 / Math.max(1, baselineMs),
                    mergeMs / (double) Math.max(1, baselineMs));
        } finally {
            BenchStack.stop(wildfly, keycloak, db);
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        }
    }

    /** Every table of the absorbed schema copied as it is into a scratch schema, then dropped; answers the time. */
    private static long baseline(int port, List<String> tables) throws Exception {
        try (Connection c = BenchStack.root(port, "hssk_platform"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE bench_copy");
            for (String table : tables) {
                st.execute("CREATE TABLE bench_copy.`" + table + "` LIKE hssk_t96.`" + table + "`");
            }
            List<String> copies = new ArrayList<>();
            for (String table : tables) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                        + " TABLE_SCHEMA = 'hssk_t96' AND TABLE_NAME = '" + table + "' AND IS_GENERATED = 'NEVER'"
                        + " ORDER BY ORDINAL_POSITION")) {
                    while (rs.next()) {
                        columns.add("`" + rs.getString(1) + "`");
                    }
                }
                String names = String.join(", ", columns);
                copies.add("INSERT INTO bench_copy.`" + table + "` (" + names + ") SELECT " + names
                        + " FROM hssk_t96.`" + table + "`");
            }
            long t0 = System.nanoTime();
            for (String copy : copies) {
                st.executeUpdate(copy);
            }
            long ms = BenchStack.ms(t0);
            st.execute("DROP DATABASE bench_copy");
            return ms;
        }
    }
}
