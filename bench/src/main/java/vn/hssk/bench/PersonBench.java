package vn.hssk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * A province of one million residents in 100 communes of 10 villages, the station staff's commune (Quảng Đại, 16279)
 * a large one of 100,000. The whole list goes in as the province administrator would load the police register: one
 * CSV of a million rows uploaded as an import job, previewed, then applied, with the rows/s of each run measured on
 * the server (from the job's start to its end) and the server's peak heap, against a raw {@code LOAD DATA} of the
 * same file into a bare table in the same run. Then, on the million persons the job wrote, search (by personal ID,
 * by the name without diacritics, by the given name, by the family name, no words) for a commune's station staff
 * (100,000 people) and the province administrator (one million), the record view, and the first page of possible
 * duplicates; an authenticated no-op call ({@code GET /api/me}) is the baseline of every latency.
 */
final class PersonBench {

    private static final int COMMUNES = 100;
    private static final int VILLAGES = 10;
    private static final int TOTAL = Integer.getInteger("bench.persons", 1_000_000);
    private static final int IMPORTED = Integer.getInteger("bench.staffCommune", 100_000);
    private static final int CALLS = 100;
    /** Residents of the staff's commune given a second record, for the list of possible duplicates. */
    private static final int DUPLICATES = 2_000;
    private static final String STAFF_COMMUNE = "16279";
    private static final String STAFF = "th-quangdai-staff";
    private static final String ADMIN = "th-admin";
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Trịnh", "Mai", "Lương", "Cao", "Đinh", "Tạ");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "Thanh",
            "Quang", "Hồng", "Xuân", "Kim");
    private static final List<String> GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh",
            "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Hiếu", "Trung", "Lâm", "Toàn", "Anh",
            "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Phương", "Thảo",
            "Trang", "Yến", "Huyền", "Loan", "Vân", "Hằng", "Tâm", "Thủy", "Oanh", "Quyên", "Duyên", "Giang",
            "Khoa", "Lộc", "Nhân", "Tín");

    private PersonBench() {
    }

    /** One generated resident; the i-th is always the same person. */
    private record Resident(String name, String folded, String sex, LocalDate born, String pid, String bhyt,
                            String phone, String villageCode) {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        Files.createDirectories(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            BenchStack.onboard(BenchStack.token("national-admin"), "38", "Thanh Hóa", "th-admin");
            String admin = BenchStack.token("th-admin");
            BenchStack.check(BenchStack.call("POST", "/api/units/import?mode=apply", admin, "text/csv", codeList()),
                    "units");

            Path importFile = config.workDir().resolve("persons-import.csv");
            long t0 = System.nanoTime();
            writeFile(importFile);
            long generateMs = BenchStack.ms(t0);

            long rawMs = loadRaw(config.dbPort(), importFile);
            BenchStack.HeapSampler heap = new BenchStack.HeapSampler(BenchStack.wildflyPid());
            long heapBeforeKb = heap.sample();
            heap.start();
            t0 = System.nanoTime();
            JsonObject queued = BenchStack.json(BenchStack.check(upload(admin, importFile), "upload").body());
            long uploadMs = BenchStack.ms(t0);
            recording(heap.pid(), "start", "preview");
            JsonObject preview = await(queued.getJsonNumber("id").longValue());
            recording(heap.pid(), "stop", "preview");
            long previewHeapKb = heap.peakKb();
            HttpResponse<String> applying = BenchStack.call("POST", "/api/imports/" + preview.getJsonNumber("id")
                    + "/apply", BenchStack.token(ADMIN), "application/json", "{}");
            recording(heap.pid(), "start", "apply");
            JsonObject apply = await(BenchStack.json(BenchStack.check(applying, "apply").body())
                    .getJsonNumber("id").longValue());
            recording(heap.pid(), "stop", "apply");
            heap.stop();
            long persons = count(config.dbPort());
            long[] copied = copyIndexed(config.dbPort());
            analyze(config.dbPort());

            Random random = new Random(7);
            List<Long> me = BenchStack.time(STAFF, 5, CALLS, i -> "/api/me");
            List<Long> byId = BenchStack.time(STAFF, 5, CALLS,
                    i -> "/api/persons?max=25&q=" + resident(staffIndex(random)).pid());
            List<Long> byName = BenchStack.time(STAFF, 5, CALLS, i -> "/api/persons?max=25&q="
                    + enc(resident(staffIndex(random)).folded()));
            List<Long> byGiven = BenchStack.time(STAFF, 5, CALLS, i -> "/api/persons?max=25&q="
                    + enc(fold(GIVEN.get(random.nextInt(GIVEN.size())))));
            List<Long> byFamily = BenchStack.time(STAFF, 5, CALLS, i -> "/api/persons?max=25&q="
                    + enc(fold(FAMILY.get(random.nextInt(FAMILY.size())) + " " + MIDDLE.get(random.nextInt(3)))));
            List<Long> noWords = BenchStack.time(STAFF, 5, CALLS, i -> "/api/persons?max=25");
            List<Long> provinceById = BenchStack.time(ADMIN, 5, CALLS, i -> "/api/persons?max=25&q="
                    + resident(random.nextInt(TOTAL)).pid());
            List<Long> provinceByName = BenchStack.time(ADMIN, 5, CALLS, i -> "/api/persons?max=25&q="
                    + enc(resident(random.nextInt(TOTAL)).folded()));
            List<Long> provinceByGiven = BenchStack.time(ADMIN, 5, CALLS, i -> "/api/persons?max=25&q="
                    + enc(fold(GIVEN.get(random.nextInt(GIVEN.size())))));
            List<Long> ids = personIds(config.dbPort(), STAFF_COMMUNE, CALLS, random);
            List<Long> view = BenchStack.time(STAFF, 5, CALLS, i -> "/api/persons/" + ids.get(i));
            t0 = System.nanoTime();
            int planted = plantDuplicates(config.dbPort(), STAFF_COMMUNE, DUPLICATES);
            long plantMs = BenchStack.ms(t0);
            long candidates = candidates(config.dbPort());
            List<Long> duplicates = BenchStack.time(STAFF, 5, CALLS, i -> "/api/duplicates?max=25");
            List<Long> provinceDuplicates = BenchStack.time(ADMIN, 5, CALLS, i -> "/api/duplicates?max=25");

            System.out.println();
            System.out.printf("== hssk persons benchmark: %,d residents in %d communes of %d villages, %d cores ==%n",
                    persons, COMMUNES, VILLAGES, Runtime.getRuntime().availableProcessors());
            System.out.printf("generated the file (%,d rows, %,d MB) in %,d ms%n", TOTAL,
                    Files.size(importFile) / (1024 * 1024), generateMs);
            System.out.printf("upload as an import job (stored in the province's schema): %,d ms%n", uploadMs);
            double previewRate = rate(preview);
            double applyRate = rate(apply);
            System.out.printf("preview job: %,d rows in %,d ms = %,.0f rows/s (%d new, %d possible duplicates, %d"
                    + " errors)%n", preview.getInt("rowsRead"), runMs(preview), previewRate, preview.getInt("rowsNew"),
                    preview.getInt("rowsDuplicate"), preview.getInt("rowsError"));
            System.out.printf("apply job:   %,d rows in %,d ms = %,.0f rows/s (%d new), state %s%n",
                    apply.getInt("rowsRead"), runMs(apply), applyRate, apply.getInt("rowsNew"),
                    apply.getString("state"));
            double rawRate = TOTAL * 1000.0 / rawMs;
            System.out.printf("baseline: LOAD DATA of the same file into a bare table: %,d ms = %,.0f rows/s;"
                    + " LOAD DATA/preview = %.1f, LOAD DATA/apply = %.1f%n", rawMs, rawRate, rawRate / previewRate,
                    rawRate / applyRate);
            long indexedMs = copied[0] + copied[1];
            System.out.printf("second baseline: what the apply wrote, copied by the database itself into empty tables"
                    + " with the same indexes (INSERT ... SELECT; no trigger, foreign key, client or check): %,d"
                    + " persons in %,d ms, their audit rows in %,d ms, together %,.0f rows/s; copy/apply = %.1f%n",
                    persons, copied[0], copied[1], persons * 1000.0 / indexedMs,
                    persons * 1000.0 / indexedMs / applyRate);
            System.out.printf("server heap (used, all generations) before %,d MB, peak in the preview %,d MB, peak in"
                    + " preview and apply %,d MB%n", heapBeforeKb / 1024, previewHeapKb / 1024, heap.peakKb() / 1024);
            row("baseline GET /api/me", me);
            row(String.format("staff (%,d people): search by personal ID", IMPORTED), byId);
            row("staff: search by full name, no diacritics", byName);
            row("staff: search by given name only", byGiven);
            row("staff: search by family + middle name", byFamily);
            row("staff: first page, no words", noWords);
            row(String.format("province (%,d people): search by personal ID", persons), provinceById);
            row("province: search by full name, no diacritics", provinceByName);
            row("province: search by given name only", provinceByGiven);
            row("staff: record view GET /api/persons/{id}", view);
            System.out.printf("planted %,d second records of residents of the staff's commune (one INSERT, pairs found"
                    + " by the triggers) in %,d ms; %,d candidate pairs in the province%n", planted, plantMs,
                    candidates);
            row(String.format("staff: first page of possible duplicates (%,d people)", IMPORTED), duplicates);
            row("province: first page of possible duplicates", provinceDuplicates);
        } finally {
            wildfly.stop();
            keycloak.stop();
            db.stop();
        }
    }

    private static void row(String what, List<Long> ms) {
        System.out.printf("%-48s p50 %4d ms  p95 %4d ms%n", what, BenchStack.pct(ms, 50), BenchStack.pct(ms, 95));
    }

    /** Index of a resident of the staff's commune: the imported ones. */
    private static int staffIndex(Random random) {
        return random.nextInt(IMPORTED);
    }

    private static Resident resident(int i) {
        Random r = new Random(1_000_003L * i + 17);
        boolean male = r.nextBoolean();
        String given = GIVEN.get(r.nextInt(GIVEN.size()));
        String middle = male ? (r.nextInt(3) == 0 ? "Văn" : MIDDLE.get(r.nextInt(MIDDLE.size()))) : "Thị";
        String name = FAMILY.get(r.nextInt(FAMILY.size())) + " " + middle + " " + given;
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(95 * 365));
        int century = (born.getYear() / 100 - 19) * 2 + (male ? 0 : 1);
        String pid = "038" + century + String.format("%02d%06d", born.getYear() % 100, i % 1_000_000);
        String bhyt = String.format("38%08d", i);
        String phone = r.nextInt(2) == 0 ? null : String.format("09%08d", r.nextInt(100_000_000));
        int commune = i < IMPORTED ? 0 : 1 + i % (COMMUNES - 1);
        String village = communeCode(commune) + "-" + String.format("%02d", 1 + (i / 7) % VILLAGES);
        return new Resident(name, fold(name), male ? "MALE" : "FEMALE", born, pid, bhyt, phone, village);
    }

    private static String communeCode(int commune) {
        return commune == 0 ? STAFF_COMMUNE : String.valueOf(30_000 + commune);
    }

    private static String codeList() {
        StringBuilder csv = new StringBuilder("code,name,type,parent_code\n");
        for (int c = 0; c < COMMUNES; c++) {
            String commune = communeCode(c);
            csv.append(commune).append(",Xã Đo Đạc ").append(c).append(",xã,38\n");
            for (int v = 1; v <= VILLAGES; v++) {
                csv.append(commune).append('-').append(String.format("%02d", v)).append(",Thôn ").append(v)
                        .append(" xã ").append(c).append(",thôn,").append(commune).append('\n');
            }
        }
        return csv.toString();
    }

    /** All residents in one CSV with Vietnamese headers; the first {@link #IMPORTED} live in the staff's commune. */
    private static void writeFile(Path importFile) throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(importFile, StandardCharsets.UTF_8)) {
            csv.write("Họ tên,Giới tính,Ngày sinh,Số định danh,Mã số BHXH,Điện thoại,Mã thôn,Dân tộc\n");
            for (int i = 0; i < TOTAL; i++) {
                Resident p = resident(i);
                csv.write(p.name() + "," + (p.sex().equals("MALE") ? "Nam" : "Nữ") + ","
                        + p.born().getDayOfMonth() + "/" + p.born().getMonthValue() + "/" + p.born().getYear()
                        + "," + p.pid() + "," + p.bhyt() + "," + (p.phone() == null ? "" : p.phone()) + ","
                        + p.villageCode() + ",Kinh\n");
            }
        }
    }

    private static long loadRaw(int port, Path file) throws Exception {
        try (Connection c = root(port); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS hssk_bench");
            st.execute("DROP TABLE IF EXISTS hssk_bench.person_raw");
            st.execute("CREATE TABLE hssk_bench.person_raw (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " full_name VARCHAR(200), sex VARCHAR(6), birth_date VARCHAR(10), personal_id CHAR(12),"
                    + " bhyt_number CHAR(10), phone VARCHAR(20), village_code VARCHAR(20), ethnicity VARCHAR(100))"
                    + " DEFAULT CHARSET = utf8mb4");
            long t0 = System.nanoTime();
            st.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE hssk_bench.person_raw"
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES"
                    + " (full_name, sex, birth_date, personal_id, bhyt_number, phone, village_code, ethnicity)");
            return BenchStack.ms(t0);
        }
    }

    /**
     * What the database alone takes to write what the apply wrote, already formed: its persons into a table with the
     * indexes of {@code person} (its twelve secondary indexes), then their audit rows into a table with those of
     * {@code audit_event}; one {@code INSERT ... SELECT} each, no trigger, no foreign key, no client, no check. The
     * floor under any apply of this schema on this machine. Answers the two times in ms.
     */
    private static long[] copyIndexed(int port) throws Exception {
        String persons = "full_name, full_name_folded, sex, birth_date, personal_id, provisional_key, bhyt_number,"
                + " ethnicity, religion, occupation, phone, village_id, address, household_id, relation_to_head,"
                + " voided, version, created_at, created_by, completed_at, import_job_id";
        String audits = "occurred_at, username, roles, tenant, action, entity_type, entity_id, changes, context,"
                + " client_address";
        try (Connection c = root(port); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS hssk_bench");
            st.execute("DROP TABLE IF EXISTS hssk_bench.person_indexed, hssk_bench.audit_indexed");
            st.execute("CREATE TABLE hssk_bench.person_indexed LIKE hssk_t38.person");
            st.execute("CREATE TABLE hssk_bench.audit_indexed LIKE hssk_t38.audit_event");
            long t0 = System.nanoTime();
            st.execute("INSERT INTO hssk_bench.person_indexed (" + persons + ") SELECT " + persons
                    + " FROM hssk_t38.person");
            long personMs = BenchStack.ms(t0);
            t0 = System.nanoTime();
            st.execute("INSERT INTO hssk_bench.audit_indexed (" + audits + ") SELECT " + audits
                    + " FROM hssk_t38.audit_event WHERE entity_type = 'PERSON' AND action = 'CREATE'");
            long auditMs = BenchStack.ms(t0);
            st.execute("DROP TABLE hssk_bench.person_indexed, hssk_bench.audit_indexed");
            return new long[] {personMs, auditMs};
        }
    }

    private static void analyze(int port) throws Exception {
        try (Connection c = root(port); Statement st = c.createStatement()) {
            // The statistics InnoDB recalculates by itself a while after a tenth of a table changed, at once.
            st.execute("ANALYZE TABLE hssk_t38.person, hssk_t38.household, hssk_t38.household_member");
        }
    }

    private static int plantDuplicates(int port, String commune, int n) throws Exception {
        try (Connection c = root(port)) {
            return BenchStack.plantDuplicates(c, "hssk_t38", commune, n);
        }
    }

    private static long candidates(int port) throws Exception {
        try (Connection c = root(port); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM hssk_t38.duplicate_candidate")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(int port) throws Exception {
        try (Connection c = root(port); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM hssk_t38.person")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> personIds(int port, String commune, int n, Random random) throws Exception {
        List<Long> all = new ArrayList<>();
        try (Connection c = root(port); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT p.id FROM hssk_t38.person p JOIN hssk_t38.admin_unit v"
                     + " ON v.id = p.village_id JOIN hssk_t38.admin_unit c ON c.id = v.parent_id WHERE c.code = '"
                     + commune + "' LIMIT 5000")) {
            while (rs.next()) {
                all.add(rs.getLong(1));
            }
        }
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            picked.add(all.get(random.nextInt(all.size())));
        }
        return picked;
    }

    private static Connection root(int port) throws Exception {
        return DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/?allowLocalInfile=true", "root",
                "");
    }

    private static HttpResponse<String> upload(String token, Path file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        BenchStack.APP + "/api/imports?kind=persons&mode=preview&format=csv&fileName=bench.csv"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return BenchStack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls import job {@code id} until it ends (a fresh token each minute). */
    private static JsonObject await(long id) throws Exception {
        String token = BenchStack.token(ADMIN);
        long tokenAt = System.nanoTime();
        while (true) {
            if (BenchStack.ms(tokenAt) > 60_000) {
                token = BenchStack.token(ADMIN);
                tokenAt = System.nanoTime();
            }
            JsonObject job = BenchStack.json(BenchStack.check(BenchStack.call("GET", "/api/imports/" + id, token,
                    null, null), "job").body());
            if (!List.of("queued", "running", "stopping").contains(job.getString("state"))) {
                if (!"done".equals(job.getString("state"))) {
                    throw new IllegalStateException("import job " + id + " ended " + job);
                }
                return job;
            }
            Thread.sleep(500);
        }
    }

    /** How long the job's last run took on the server, from its start to its end. */
    private static long runMs(JsonObject job) {
        return Duration.between(Instant.parse(job.getString("runStartedAt")), Instant.parse(
                job.getString("finishedAt"))).toMillis();
    }

    private static double rate(JsonObject job) {
        return job.getInt("rowsRead") * 1000.0 / Math.max(1, runMs(job));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('đ', 'd')
                .replace('Đ', 'D');
        return d.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }


    /**
     * With {@code -Dbench.jfr=<folder>}, records the server with Flight Recorder's profiling settings while a job
     * runs, into {@code <folder>/<name>.jfr} ({@code jfr print --events jdk.ExecutionSample} reads it).
     */
    private static void recording(long pid, String action, String name) throws IOException, InterruptedException {
        String folder = System.getProperty("bench.jfr");
        if (folder == null) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid), "JFR." + action,
                "name=" + name));
        if ("start".equals(action)) {
            command.addAll(List.of("settings=profile", "filename=" + Path.of(folder).toAbsolutePath()
                    .resolve(name + ".jfr")));
        }
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

}
