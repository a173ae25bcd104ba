package vn.hssk.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * The whole country on one machine: the 34 provinces of 2025 onboarded, the first {@code bench.loaded} of them loaded
 * by JDBC with {@code bench.people} people each (the immunization benchmark's 100 communes of 10 villages, routine
 * doses of the children under two, records completed over 20 weeks, a quota per village, a household per four
 * people, a visit per two, 2,000 possible-duplicate pairs in the first commune). Then the server's start with all of
 * it, every dashboard figure of docs/benchmarks.md and docs/plans.md on one loaded province of a quiet server, and
 * {@code bench.users} station staff of the loaded provinces working at once for {@code bench.minutes} minutes
 * (register a person, search by name, read a record, and the baseline {@code GET /api/me}): throughput, latencies,
 * errors, the server's heap and CPU, the database's size. The baseline of every latency is {@code GET /api/me} in
 * the same phase of the same run.
 */
final class CountryBench {

    /** The provinces and cities of 2025 (NQ 202/2025/QH15), as onboarded. */
    private static final String[][] PROVINCES = {
            {"01", "Hà Nội"}, {"04", "Cao Bằng"}, {"08", "Tuyên Quang"}, {"11", "Điện Biên"}, {"12", "Lai Châu"},
            {"14", "Sơn La"}, {"15", "Lào Cai"}, {"19", "Thái Nguyên"}, {"20", "Lạng Sơn"}, {"22", "Quảng Ninh"},
            {"24", "Bắc Ninh"}, {"25", "Phú Thọ"}, {"31", "Hải Phòng"}, {"33", "Hưng Yên"}, {"37", "Ninh Bình"},
            {"38", "Thanh Hóa"}, {"40", "Nghệ An"}, {"42", "Hà Tĩnh"}, {"44", "Quảng Trị"}, {"46", "Huế"},
            {"48", "Đà Nẵng"}, {"51", "Quảng Ngãi"}, {"52", "Gia Lai"}, {"56", "Khánh Hòa"}, {"66", "Đắk Lắk"},
            {"68", "Lâm Đồng"}, {"75", "Đồng Nai"}, {"79", "Hồ Chí Minh"}, {"80", "Tây Ninh"}, {"82", "Đồng Tháp"},
            {"86", "Vĩnh Long"}, {"91", "An Giang"}, {"92", "Cần Thơ"}, {"96", "Cà Mau"}};

    private static final int LOADED = Integer.getInteger("bench.loaded", 10);
    private static final int PEOPLE = Integer.getInteger("bench.people", 300_000);
    private static final int USERS = Integer.getInteger("bench.users", 50);
    private static final int MINUTES = Integer.getInteger("bench.minutes", 10);
    private static final int CALLS = 20;
    private static final int DUPLICATES = 2_000;
    /** The immunization benchmark's communes are 21100 to 21199; the first holds 20,000 people. */
    private static final int FIRST_COMMUNE = 21_100;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> OPERATIONS = List.of("register", "search", "read", "me");

    private CountryBench() {
    }

    /** A station staff member of the concurrent phase: whom they register into, whom they look for. */
    private record Staff(int index, String username, String province, List<Long> villages, List<Long> ids,
                         List<String> names) {
    }

    static void run() throws Exception {
        if (LOADED > PROVINCES.length || LOADED < 1) {
            throw new IllegalArgumentException("bench.loaded must be 1 to " + PROVINCES.length);
        }
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        Thread stopOnSignal = new Thread(() -> BenchStack.stop(wildfly, keycloak, db), "country-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            wildfly.stop();
            long t0 = System.nanoTime();
            wildfly.start();
            long emptyStart = BenchStack.ms(t0);
            long emptyMigrations = TenantBench.lastStartupMigration(wildfly.serverLog());

            String national = BenchStack.token("national-admin");
            List<Long> onboardClient = new ArrayList<>();
            List<Long> onboardServer = new ArrayList<>();
            t0 = System.nanoTime();
            for (String[] p : PROVINCES) {
                long t1 = System.nanoTime();
                JsonObject report = BenchStack.onboard(national, p[0], p[1], "onboard-admin-" + p[0]);
                onboardClient.add(BenchStack.ms(t1));
                onboardServer.add(report.getJsonNumber("durationMs").longValue());
            }
            long onboardAllMs = BenchStack.ms(t0);

            long mariadb = mariadbPid(config.dbPort());
            long dbCpu0 = cpuMs(mariadb);
            List<Long> loadMs = new ArrayList<>();
            long[] firstCommune = null;
            t0 = System.nanoTime();
            for (int i = 0; i < LOADED; i++) {
                String code = PROVINCES[i][0];
                // Onboarding gives its administrator a one-time password; the benchmark's own has a known one.
                BenchStack.user(admin(code), "province-admin", code, List.of());
                BenchStack.check(BenchStack.call("GET", "/api/schedule", BenchStack.token(admin(code)), null, null),
                        "schedule of " + code);
                long t1 = System.nanoTime();
                long[] commune = load(config.dbPort(), code);
                loadMs.add(BenchStack.ms(t1));
                if (firstCommune == null) {
                    firstCommune = commune;
                }
                System.out.printf("loaded province %s: %,d people in %,d ms%n", code, PEOPLE,
                        loadMs.get(loadMs.size() - 1));
            }
            long loadAllMs = BenchStack.ms(t0);
            long loadDbCpuMs = cpuMs(mariadb) - dbCpu0;
            Map<String, Long> counts = counts(config.dbPort());
            Map<String, long[]> sizeAfterLoad = sizes(config.dbPort());

            wildfly.stop();
            t0 = System.nanoTime();
            wildfly.start();
            long loadedStart = BenchStack.ms(t0);
            long loadedMigrations = TenantBench.lastStartupMigration(wildfly.serverLog());
            long server = BenchStack.wildflyPid();
            BenchStack.HeapSampler heap = new BenchStack.HeapSampler(server);
            long heapAfterStartKb = heap.sample();

            List<Staff> staff = staff(config.dbPort());

            // Every dashboard figure of the docs, on the first loaded province, the server otherwise quiet.
            String province = PROVINCES[0][0];
            String admin = admin(province);
            String staffOfFirst = staff.get(0).username();
            YearMonth month = YearMonth.now(VIETNAM);
            long communeId = firstCommune[0];
            Map<String, List<Long>> quiet = new java.util.LinkedHashMap<>();
            quiet.put("baseline GET /api/me (province admin)", BenchStack.time(admin, 1, CALLS, i -> "/api/me"));
            quiet.put("commune dashboard (10 villages, 12 weeks, forecast)", BenchStack.time(admin, 1, CALLS,
                    i -> "/api/progress/dashboard?commune=" + FIRST_COMMUNE));
            quiet.put("province overview (100 communes ranked)", BenchStack.time(admin, 1, CALLS,
                    i -> "/api/progress/overview"));
            quiet.put("due list, commune of 20,000, this month", BenchStack.time(admin, 1, CALLS,
                    i -> "/api/due-list?commune=" + communeId + "&month=" + month));
            quiet.put("coverage, province, 12 months", BenchStack.time(admin, 1, CALLS,
                    i -> "/api/coverage?from=" + month.minusMonths(11) + "&to=" + month));
            quiet.put("staff: first page of possible duplicates", BenchStack.time(staffOfFirst, 1, CALLS,
                    i -> "/api/duplicates?max=25"));
            quiet.put("province: first page of possible duplicates", BenchStack.time(admin, 1, CALLS,
                    i -> "/api/duplicates?max=25"));
            Staff first = staff.get(0);
            quiet.put("staff: search by full name, no diacritics", BenchStack.time(staffOfFirst, 1, CALLS,
                    i -> "/api/persons?max=25&q=" + enc(first.names().get(i % first.names().size()))));
            quiet.put("province: search by full name, no diacritics", BenchStack.time(admin, 1, CALLS,
                    i -> "/api/persons?max=25&q=" + enc("nguoi thu " + ThreadLocalRandom.current().nextInt(PEOPLE))));
            quiet.put("staff: record view GET /api/persons/{id}", BenchStack.time(staffOfFirst, 1, CALLS,
                    i -> "/api/persons/" + first.ids().get(i % first.ids().size())));
            quiet.put("baseline GET /api/me (station staff)", BenchStack.time(staffOfFirst, 1, CALLS,
                    i -> "/api/me"));

            // The concurrent phase.
            long wildflyCpu0 = cpuMs(server);
            long keycloakCpu0 = cpuMs(keycloakPid(config.keycloakPort()));
            dbCpu0 = cpuMs(mariadb);
            heap.start();
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            OPERATIONS.forEach(o -> latencies.put(o, Collections.synchronizedList(new ArrayList<>())));
            AtomicLong errors = new AtomicLong();
            AtomicLong tokens = new AtomicLong();
            List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(USERS);
            t0 = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Staff s : staff) {
                running.add(pool.submit(() -> work(s, deadline, latencies, errors, tokens, firstErrors)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            long phaseMs = BenchStack.ms(t0);
            pool.shutdown();
            heap.stop();
            long wildflyCpuMs = cpuMs(server) - wildflyCpu0;
            long keycloakCpuMs = cpuMs(keycloakPid(config.keycloakPort())) - keycloakCpu0;
            long dbCpuMs = cpuMs(mariadb) - dbCpu0;
            long heapPeakKb = heap.peakKb();
            long heapLiveKb = liveHeapKb(heap);
            long wildflyRssKb = rssKb(server);
            long mariadbRssKb = rssKb(mariadb);
            Map<String, long[]> sizeAfter = sizes(config.dbPort());
            long dataDirBytes = folderBytes(config.workDir().resolve("mariadb/data"));

            int cores = Runtime.getRuntime().availableProcessors();
            System.out.println();
            System.out.printf("== hssk country benchmark: %d provinces onboarded, %d loaded with %,d people each, %d"
                    + " users for %d min (%d cores, %,d MB RAM) ==%n", PROVINCES.length, LOADED, PEOPLE, USERS,
                    MINUTES, cores, totalMemoryMb());
            System.out.printf("server start, warm, 0 tenants (baseline): %,d ms (startup migrations %,d ms)%n",
                    emptyStart, emptyMigrations);
            System.out.printf("onboarding of %d provinces one after the other: %,d ms in all; per province p50 %,d"
                    + " ms, p95 %,d ms (server-side steps p50 %,d ms, p95 %,d ms)%n", PROVINCES.length,
                    onboardAllMs, BenchStack.pct(onboardClient, 50), BenchStack.pct(onboardClient, 95),
                    BenchStack.pct(onboardServer, 50), BenchStack.pct(onboardServer, 95));
            System.out.printf("JDBC load of %d provinces: %,d ms in all, per province p50 %,d ms, max %,d ms;"
                    + " MariaDB CPU in the load %,d ms%n", LOADED, loadAllMs, BenchStack.pct(loadMs, 50),
                    BenchStack.pct(loadMs, 100), loadDbCpuMs);
            System.out.println("rows loaded: " + counts);
            System.out.printf("server start, warm, %d tenants, %d loaded: %,d ms (x%.2f the baseline; startup"
                    + " migrations %,d ms); heap used after start %,d MB%n", PROVINCES.length, LOADED, loadedStart,
                    (double) loadedStart / emptyStart, loadedMigrations, heapAfterStartKb / 1024);
            System.out.printf("-- dashboards of province %s (%,d people), quiet server, %d calls after 1 warm-up --%n",
                    province, PEOPLE, CALLS);
            quiet.forEach(CountryBench::row);
            System.out.printf("-- %d station staff of %d provinces at once for %,d ms --%n", USERS, LOADED, phaseMs);
            long total = 0;
            for (String o : OPERATIONS) {
                List<Long> ms = latencies.get(o);
                total += ms.size();
                System.out.printf("%-10s %,8d calls %7.1f/s  p50 %4d ms  p95 %5d ms  p99 %5d ms%n", o, ms.size(),
                        ms.size() * 1000.0 / phaseMs, pct(ms, 50), pct(ms, 95), pct(ms, 99));
            }
            List<Long> all = new ArrayList<>();
            latencies.values().forEach(all::addAll);
            System.out.printf("all        %,8d calls %7.1f/s  p50 %4d ms  p95 %5d ms  p99 %5d ms; errors %d%n",
                    total, total * 1000.0 / phaseMs, pct(all, 50), pct(all, 95), pct(all, 99), errors.get());
            firstErrors.forEach(e -> System.out.println("  error: " + e));
            System.out.printf("CPU in the phase: WildFly %,d ms (%.2f cores, %.1f ms a call), MariaDB %,d ms (%.2f"
                    + " cores, %.1f ms a call), Keycloak %,d ms (%,d tokens, %.0f ms a token)%n", wildflyCpuMs,
                    (double) wildflyCpuMs / phaseMs, (double) wildflyCpuMs / Math.max(1, total), dbCpuMs,
                    (double) dbCpuMs / phaseMs, (double) dbCpuMs / Math.max(1, total), keycloakCpuMs, tokens.get(),
                    (double) keycloakCpuMs / Math.max(1, tokens.get()));
            System.out.printf("WildFly heap: peak used %,d MB, live after a full GC %,d MB (max 512 MB); RSS %,d MB;"
                    + " MariaDB RSS %,d MB%n", heapPeakKb / 1024, heapLiveKb / 1024, wildflyRssKb / 1024,
                    mariadbRssKb / 1024);
            printSizes("database size after the load", sizeAfterLoad);
            printSizes("database size after the concurrent phase", sizeAfter);
            System.out.printf("MariaDB data folder on disk: %,d MB%n", dataDirBytes / (1024 * 1024));
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            BenchStack.stop(wildfly, keycloak, db);
        }
    }

    private static String admin(String code) {
        return "bench-admin-" + code;
    }

    private static String schema(String code) {
        return "hssk_t" + code;
    }

    /**
     * One province: the immunization benchmark's units, people and doses (records completed), a quota per village, a
     * household per four people with its members, a visit per two people, possible duplicates in the first commune.
     */
    private static long[] load(int port, String code) throws Exception {
        try (Connection c = BenchStack.root(port, schema(code))) {
            long[] commune = ImmunizationBench.load(c, PEOPLE, true);
            BenchStack.quotas(c, PEOPLE);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO household (code, village_id, head_name, head_name_folded, created_at,"
                        + " created_by) SELECT CONCAT('HB', id), village_id, full_name, full_name_folded, created_at,"
                        + " 'bench' FROM person WHERE id % 4 = 0");
                st.executeUpdate("INSERT INTO household_member (household_id, full_name, full_name_folded, sex,"
                        + " birth_date, relation, person_id, created_at, created_by) SELECT h.id, p.full_name,"
                        + " p.full_name_folded, p.sex, p.birth_date, IF(p.id % 4 = 0, 'HEAD', 'OTHER'), p.id,"
                        + " p.created_at, 'bench' FROM person p JOIN household h ON h.code = CONCAT('HB', p.id - p.id % 4)");
                st.executeUpdate("INSERT INTO visit (person_id, visit_date, reason, pulse, bp_systolic, bp_diastolic,"
                        + " conclusion, created_at, created_by) SELECT id, DATE_SUB(CURDATE(), INTERVAL id % 365 DAY),"
                        + " 'Khám sức khỏe định kỳ', 60 + id % 40, 100 + id % 50, 60 + id % 30, 'Bình thường',"
                        + " created_at, 'bench' FROM person WHERE id % 2 = 0");
                BenchStack.plantDuplicates(c, schema(code), String.valueOf(FIRST_COMMUNE), DUPLICATES);
                st.execute("ANALYZE TABLE person, immunization, household, household_member, visit,"
                        + " duplicate_candidate");
            }
            return commune;
        }
    }

    /**
     * The station staff of the concurrent phase, made in Keycloak: user {@code u} works in loaded province
     * {@code u % loaded}, in commune {@code 21100 + u / loaded}; each knows 500 people of its commune.
     */
    private static List<Staff> staff(int port) throws Exception {
        List<Staff> staff = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String code = PROVINCES[u % LOADED][0];
            String commune = String.valueOf(FIRST_COMMUNE + (u / LOADED) % 100);
            String username = "bench-staff-" + code + "-" + u;
            BenchStack.user(username, "station-staff", code, List.of(commune));
            List<Long> villages = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (Connection c = BenchStack.root(port, schema(code)); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT v.id FROM admin_unit v JOIN admin_unit c ON c.id ="
                        + " v.parent_id WHERE c.code = '" + commune + "'")) {
                    while (rs.next()) {
                        villages.add(rs.getLong(1));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT p.id, p.full_name_folded FROM person p WHERE"
                        + " p.village_id IN (" + String.join(",", villages.stream().map(String::valueOf).toList())
                        + ") AND NOT p.voided ORDER BY RAND(" + u + ") LIMIT 500")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        names.add(rs.getString(2));
                    }
                }
            }
            staff.add(new Staff(u, username, code, villages, ids, names));
        }
        return staff;
    }

    /** One user's loop until the deadline: register, search, read, baseline; a fresh token each minute. */
    private static void work(Staff s, long deadline, Map<String, List<Long>> latencies, AtomicLong errors,
                             AtomicLong tokens, List<String> firstErrors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String token = null;
        long tokenAt = 0;
        int registered = 0;
        while (System.nanoTime() < deadline) {
            try {
                if (token == null || BenchStack.ms(tokenAt) > 60_000) {
                    token = BenchStack.token(s.username());
                    tokenAt = System.nanoTime();
                    tokens.incrementAndGet();
                }
                int year = 1950 + random.nextInt(50);
                String body = Json.createObjectBuilder()
                        .add("fullName", "Người Đăng Ký " + s.index() + " " + registered)
                        .add("sex", "MALE").add("birthDate", year + "-0" + (1 + random.nextInt(9)) + "-1"
                                + random.nextInt(10))
                        .add("personalId", String.format("0380%02d%02d%04d", year % 100, s.index() % 100,
                                registered % 10_000))
                        .add("ethnicity", "Kinh")
                        .add("villageId", s.villages().get(random.nextInt(s.villages().size()))).build().toString();
                registered++;
                timed("register", latencies, errors, firstErrors, s,
                        token, "POST", "/api/persons", body);
                timed("search", latencies, errors, firstErrors, s, token, "GET", "/api/persons?max=25&q="
                        + enc(s.names().get(random.nextInt(s.names().size()))), null);
                timed("read", latencies, errors, firstErrors, s, token, "GET", "/api/persons/"
                        + s.ids().get(random.nextInt(s.ids().size())), null);
                timed("me", latencies, errors, firstErrors, s, token, "GET", "/api/me", null);
            } catch (IOException | InterruptedException | RuntimeException e) {
                errors.incrementAndGet();
                note(firstErrors, s.username() + ": " + e);
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
    }

    private static void timed(String operation, Map<String, List<Long>> latencies, AtomicLong errors,
                              List<String> firstErrors, Staff s, String token, String method, String path,
                              String body) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = BenchStack.call(method, path, token, "application/json", body);
        long ms = BenchStack.ms(t0);
        if (r.statusCode() / 100 != 2) {
            errors.incrementAndGet();
            note(firstErrors, s.username() + " " + method + " " + path + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
            return;
        }
        latencies.get(operation).add(ms);
    }

    private static void note(List<String> firstErrors, String error) {
        if (firstErrors.size() < 10) {
            firstErrors.add(error);
        }
    }

    private static long pct(List<Long> values, int p) {
        return values.isEmpty() ? -1 : BenchStack.pct(values, p);
    }

    private static void row(String what, List<Long> ms) {
        System.out.printf("%-52s p50 %5d ms  p95 %5d ms%n", what, BenchStack.pct(ms, 50), BenchStack.pct(ms, 95));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, Long> counts(int port) throws Exception {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("person", "immunization", "household", "household_member", "visit",
                "village_quota", "duplicate_candidate", "admin_unit")) {
            long sum = 0;
            for (int i = 0; i < LOADED; i++) {
                try (Connection c = BenchStack.root(port, schema(PROVINCES[i][0])); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    sum += rs.getLong(1);
                }
            }
            counts.put(table, sum);
        }
        return counts;
    }

    /** Data and index bytes per schema ({@code information_schema.tables}, after ANALYZE): [data, index]. */
    private static Map<String, long[]> sizes(int port) throws Exception {
        Map<String, long[]> sizes = new TreeMap<>();
        try (Connection c = BenchStack.root(port, "information_schema"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_schema, SUM(data_length), SUM(index_length) FROM"
                     + " information_schema.tables WHERE table_schema LIKE 'hssk%' GROUP BY table_schema")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return sizes;
    }

    private static void printSizes(String what, Map<String, long[]> sizes) {
        long loaded = 0;
        long loadedIndex = 0;
        long empty = 0;
        long other = 0;
        List<String> loadedSchemas = new ArrayList<>();
        for (int i = 0; i < LOADED; i++) {
            loadedSchemas.add(schema(PROVINCES[i][0]));
        }
        for (Map.Entry<String, long[]> e : sizes.entrySet()) {
            long bytes = e.getValue()[0] + e.getValue()[1];
            if (loadedSchemas.contains(e.getKey())) {
                loaded += bytes;
                loadedIndex += e.getValue()[1];
            } else if (e.getKey().startsWith("hssk_t")) {
                empty += bytes;
            } else {
                other += bytes;
            }
        }
        int empties = PROVINCES.length - LOADED;
        System.out.printf("%s: %d loaded schemas %,d MB (indexes %,d MB; %,d MB a province, %,.0f MB per"
                + " million people); %d empty schemas %,d MB (%,.1f MB each); other schemas %,d MB%n", what, LOADED,
                loaded >> 20, loadedIndex >> 20, (loaded / LOADED) >> 20, loaded / (double) (1 << 20) / LOADED
                        / PEOPLE * 1_000_000, empties, empty >> 20, empties == 0 ? 0 : empty / (double) (1 << 20)
                        / empties, other >> 20);
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static long cpuMs(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(-1L);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long totalMemoryMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** The heap still used after a full collection ({@code jcmd GC.run}): what the server keeps. */
    private static long liveHeapKb(BenchStack.HeapSampler heap) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(heap.pid()), "GC.run").start().waitFor();
        return heap.sample();
    }

    private static long mariadbPid(int port) {
        return process(c -> c.contains("mariadbd") && c.contains("--port=" + port), "MariaDB");
    }

    private static long keycloakPid(int port) {
        return process(c -> c.contains("-Dkc.config.built") && c.contains("--http-port=" + port)
                || c.contains("-Dkc.config.built") && port == 8180, "Keycloak");
    }

    private static long process(java.util.function.Predicate<String> commandLine, String what) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(commandLine::test).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + what + " process found"));
    }
}
