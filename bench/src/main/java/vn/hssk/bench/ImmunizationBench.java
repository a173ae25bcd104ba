package vn.hssk.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * Immunization at scale: a province of 1,000,000 people in 100 communes (one commune of 20,000), ages spread over 80
 * years, children under two with their routine doses (85 % each). Measures the due list of the 20,000-person commune
 * for this month and the province's coverage for twelve months, p50/p95 over repeated calls, against an
 * authenticated no-op call ({@code GET /api/me}) and a raw SQL count of the same twelve cohorts as baselines. People
 * and doses are bulk-inserted with JDBC (the API's registration speed is not what is measured here).
 */
final class ImmunizationBench {

    static final int PEOPLE = Integer.getInteger("bench.people", 1_000_000);
    private static final int COMMUNE_PEOPLE = 20_000;
    private static final int COMMUNES = 100;
    private static final int VILLAGES_PER_COMMUNE = 10;
    private static final int CALLS = 20;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private ImmunizationBench() {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            BenchStack.onboard(BenchStack.token("national-admin"), "38", "Thanh Hóa", "th-admin");
            String token = BenchStack.token("th-admin");
            BenchStack.check(BenchStack.call("GET", "/api/schedule", token, null, null), "schedule");
            long t0 = System.nanoTime();
            long[] firstCommune;
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + config.dbPort()
                    + "/hssk_t38?rewriteBatchedStatements=true", "root", "")) {
                firstCommune = load(c);
                // The statistics InnoDB recalculates by itself a while after a tenth of a table changed, at once.
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE TABLE person, immunization");
                }
            }
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            YearMonth month = YearMonth.now(VIETNAM);
            YearMonth from = month.minusMonths(11);

            // Loading a million people outlasts an access token: every series of calls starts with a fresh one.
            List<Long> due = BenchStack.time("th-admin", 1, CALLS,
                    i -> "/api/due-list?commune=" + firstCommune[0] + "&month=" + month);
            List<Long> coverage = BenchStack.time("th-admin", 1, CALLS,
                    i -> "/api/coverage?from=" + from + "&to=" + month);
            List<Long> me = BenchStack.time("th-admin", 1, CALLS, i -> "/api/me");
            token = BenchStack.token("th-admin");
            long rawMs = rawCohortCount(config.dbPort(), from, month);
            int listed = BenchStack.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            BenchStack.APP + "/api/due-list?commune=" + firstCommune[0] + "&month=" + month))
                    .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body().split("\"personId\"").length - 1;

            System.out.println();
            System.out.println("== hssk immunization benchmark: " + PEOPLE + " people, " + COMMUNES + " communes ("
                    + Runtime.getRuntime().availableProcessors() + " cores) ==");
            System.out.printf("bulk load of people and doses (JDBC): %d ms%n", loadMs);
            System.out.printf("due list, commune of %,d people (%d lines): p50 %d ms, p95 %d ms%n", COMMUNE_PEOPLE,
                    listed, BenchStack.pct(due, 50), BenchStack.pct(due, 95));
            System.out.printf("coverage, province, 12 months: p50 %d ms, p95 %d ms%n", BenchStack.pct(coverage, 50),
                    BenchStack.pct(coverage, 95));
            System.out.printf("baseline GET /api/me: p50 %d ms, p95 %d ms; raw SQL count of the 12 cohorts: %d ms%n",
                    BenchStack.pct(me, 50), BenchStack.pct(me, 95), rawMs);
        } finally {
            wildfly.stop();
            keycloak.stop();
            db.stop();
        }
    }

    /** Units, people and doses; answers the id of the 20,000-person commune. */
    static long[] load(Connection c) throws Exception {
        return load(c, PEOPLE, false);
    }

    /**
     * Units, {@code people} people and their doses; answers the id of the 20,000-person commune. With
     * {@code completed}, records are also completed (ethnicity, completion time over the last 20 weeks, one in 20
     * left incomplete) so that they count towards quotas as the progress benchmark's do.
     */
    static long[] load(Connection c, int people, boolean completed) throws Exception {
        return load(c, people, completed, 21_100);
    }

    /** The same, with the communes coded from {@code firstCommuneCode} on (two provinces that will merge differ). */
    static long[] load(Connection c, int people, boolean completed, int firstCommuneCode) throws Exception {
        c.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        long province;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id FROM admin_unit WHERE level = 'PROVINCE'")) {
            rs.next();
            province = rs.getLong(1);
        }
        List<Long> communes = new ArrayList<>();
        List<Long> villages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_unit (code, name, name_folded, level,"
                + " unit_type, parent_id, valid_from, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, '2025-07-01', ?,"
                + " 'bench')", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < COMMUNES; i++) {
                String code = String.valueOf(firstCommuneCode + i);
                long commune = insert(ps, code, "Xã " + i, "COMMUNE", "xa", province, now);
                communes.add(commune);
                for (int v = 1; v <= VILLAGES_PER_COMMUNE; v++) {
                    villages.add(insert(ps, code + "-" + v, "Thôn " + v, "VILLAGE", "thon", commune, now));
                }
            }
        }
        List<long[]> schedule = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT vaccine_id, dose_number,"
                + " recommended_age_months FROM schedule_dose WHERE routine AND recommended_age_months < 24")) {
            while (rs.next()) {
                schedule.add(new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)});
            }
        }
        Random random = new Random(42);
        LocalDate today = LocalDate.now(VIETNAM);
        try (PreparedStatement person = c.prepareStatement("INSERT INTO person (full_name, full_name_folded, sex,"
                + " birth_date, provisional_key, village_id, created_at, created_by, ethnicity, completed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement dose = c.prepareStatement("INSERT INTO immunization (person_id, vaccine_id,"
                     + " dose_number, given_on, source, live_marker, created_at, created_by) VALUES (?, ?, ?, ?,"
                     + " 'HISTORICAL', 1, ?, 'bench')")) {
            int batch = 0;
            List<LocalDate> births = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                long village = i < COMMUNE_PEOPLE ? villages.get(i % VILLAGES_PER_COMMUNE)
                        : villages.get(VILLAGES_PER_COMMUNE + random.nextInt(villages.size() - VILLAGES_PER_COMMUNE));
                LocalDate born = today.minusDays(random.nextInt(80 * 365));
                person.setString(1, "Người Thử " + i);
                person.setString(2, "nguoi thu " + i);
                person.setString(3, random.nextBoolean() ? "MALE" : "FEMALE");
                person.setDate(4, Date.valueOf(born));
                person.setString(5, "B-" + i);
                person.setLong(6, village);
                Timestamp at = completed ? Timestamp.from(now.toInstant().minusSeconds(random.nextInt(140 * 24 * 60)
                        * 60L)) : now;
                boolean complete = completed && i % 20 != 13;
                person.setTimestamp(7, at);
                person.setString(8, complete ? "Kinh" : null);
                person.setTimestamp(9, complete ? at : null);
                person.addBatch();
                births.add(born);
                if (++batch == 5_000 || i == people - 1) {
                    person.executeBatch();
                    try (ResultSet keys = person.getGeneratedKeys()) {
                        int k = 0;
                        while (keys.next()) {
                            LocalDate b = births.get(k++);
                            if (b.isAfter(today.minusYears(2))) {
                                for (long[] s : schedule) {
                                    LocalDate on = b.plusMonths(s[2]);
                                    if (!on.isAfter(today) && random.nextInt(100) < 85) {
                                        dose.setLong(1, keys.getLong(1));
                                        dose.setLong(2, s[0]);
                                        dose.setInt(3, (int) s[1]);
                                        dose.setDate(4, Date.valueOf(on));
                                        dose.setTimestamp(5, now);
                                        dose.addBatch();
                                    }
                                }
                            }
                        }
                    }
                    dose.executeBatch();
                    c.commit();
                    births.clear();
                    batch = 0;
                }
            }
        }
        c.commit();
        return new long[] {communes.get(0)};
    }

    private static long insert(PreparedStatement ps, String code, String name, String level, String type,
                               long parent, Timestamp now) throws Exception {
        ps.setString(1, code);
        ps.setString(2, name);
        ps.setString(3, name.toLowerCase());
        ps.setString(4, level);
        ps.setString(5, type);
        ps.setLong(6, parent);
        ps.setTimestamp(7, now);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long rawCohortCount(int port, YearMonth from, YearMonth to) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/hssk_t38", "root", "");
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM person p LEFT JOIN immunization i"
                     + " ON i.person_id = p.id WHERE p.birth_date BETWEEN ? AND ?")) {
            ps.setDate(1, Date.valueOf(from.minusMonths(12).atDay(1)));
            ps.setDate(2, Date.valueOf(to.minusMonths(12).atEndOfMonth()));
            long t0 = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }


}
