package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports as background jobs through the real API, batch runtime, tokens and database: a preview job gives what the
 * synchronous preview gives and its apply writes it; a job cancelled halfway pauses with what it committed and
 * resumes without a duplicate or a lost row; two applies of one commune never run at once; a job is seen only by
 * whoever started it and the province's administrators, never by another commune or province; a job of province 92
 * writes only into 92. Communes 17911/17912 (province 38) and 31191 (92) are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportJobsIT {

    private static final String COMMUNE_A = "17911";
    private static final String COMMUNE_B = "17912";
    private static final String COMMUNE_C = "17913";
    private static final String COMMUNE_92 = "31191";
    private static final String STAFF_A = "ij-staff-17911";
    private static final String STAFF_B = "ij-staff-17912";
    private static final String STAFF_C = "ij-staff-17913";
    private static final String STAFF_92 = "ij-staff-31191";
    private static final String HEADER = "so_dinh_danh,ho_ten,gioi_tinh,ngay_sinh,dan_toc,ma_xa,thon,ma_ho,"
            + "quan_he_chu_ho\n";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime() / 13,
            300_000L));
    private static boolean usersMade;
    private long villageC;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long a = Units.ensure(th, COMMUNE_A, "Xã Việc A", "COMMUNE", "xa", 1);
        long b = Units.ensure(th, COMMUNE_B, "Xã Việc B", "COMMUNE", "xa", 1);
        Units.ensure(th, COMMUNE_A + "-01", "Thôn Hòa Đông", "VILLAGE", "thon", a);
        Units.ensure(th, COMMUNE_A + "-02", "Thôn Bến", "VILLAGE", "thon", a);
        Units.ensure(th, COMMUNE_B + "-01", "Thôn Ngoài", "VILLAGE", "thon", b);
        long c3 = Units.ensure(th, COMMUNE_C, "Xã Việc C", "COMMUNE", "xa", 1);
        villageC = Units.ensure(th, COMMUNE_C + "-01", "Thôn Trùng", "VILLAGE", "thon", c3);
        String ct = Keycloak.token("ct-admin");
        long c = Units.ensure(ct, COMMUNE_92, "Phường Việc", "COMMUNE", "phuong", 1);
        Units.ensure(ct, COMMUNE_92 + "-01", "Khu vực Một", "VILLAGE", "khu_vuc", c);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_C, "station-staff", "38", List.of(COMMUNE_C));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of(COMMUNE_92));
            usersMade = true;
        }
    }

    @Test
    void aPreviewJobGivesWhatTheSynchronousPreviewGivesAndItsApplyWritesIt() throws SQLException {
        String staff = Keycloak.token(STAFF_A);
        String csv = register(2_500, COMMUNE_A, "Hòa Đông", 7);
        JsonObject sync = Http.send("/api/imports/persons?mode=preview", staff, "text/csv", csv,
                "application/json").json();

        Http.Answer started = start(staff, "preview", csv);
        assertEquals(202, started.status(), started::toString);
        JsonObject queued = started.json();
        assertEquals("preview", queued.getString("mode"));
        assertEquals(STAFF_A, queued.getString("startedBy"));
        long preview = queued.getJsonNumber("id").longValue();
        JsonObject done = await(staff, preview);
        assertEquals("done", done.getString("state"), done::toString);
        assertEquals(sync.getInt("total"), done.getInt("rowsRead"));
        assertEquals(sync.getInt("newRows"), done.getInt("rowsNew"), done::toString);
        assertEquals(sync.getInt("errorRows"), done.getInt("rowsError"));
        assertEquals(sync.getInt("duplicateRows"), done.getInt("rowsDuplicate"));
        assertEquals(100, done.getInt("percent"));
        assertEquals(0, persons(COMMUNE_A, "preview " + preview), "a preview writes nothing");

        JsonObject report = Http.get("/api/imports/" + preview + "/report", staff).json();
        assertEquals(sync.getInt("errorRows"), report.getInt("errorRows"));
        JsonObject firstRow = report.getJsonArray("rows").getJsonObject(0);
        assertEquals("ERROR", firstRow.getString("outcome"), "refused rows come first: " + report);
        assertEquals(sync.getJsonArray("rows").getJsonObject(0).getInt("line"), firstRow.getInt("line"));
        Http.Answer csvReport = Http.send("/api/imports/" + preview + "/report", staff, null, null, "text/csv", "vi");
        assertEquals(200, csvReport.status(), csvReport::toString);
        assertTrue(csvReport.body().startsWith("line,record,personal_id,full_name,outcome"), csvReport.body());
        assertTrue(csvReport.body().contains("Số định danh"), "said in Vietnamese: " + csvReport.body());

        Http.Answer apply = Http.post("/api/imports/" + preview + "/apply", staff, jakarta.json.Json
                .createObjectBuilder().build());
        assertEquals(202, apply.status(), apply::toString);
        long applyId = apply.json().getJsonNumber("id").longValue();
        JsonObject applied = await(staff, applyId);
        assertEquals("done", applied.getString("state"), applied::toString);
        assertEquals(sync.getInt("newRows"), applied.getInt("rowsNew"), applied::toString);
        assertEquals(applied.getInt("rowsNew"), persons(COMMUNE_A, "tag " + tagOf(csv)),
                "every valid row is a person, once");
        assertEquals(applied.getInt("rowsNew"), audited(tagOf(csv)), "each creation is audited");
        assertTrue(households(tagOf(csv)) > 0, "ma_ho made households");
        try (Connection c = Tenants.root()) {
            String units = " JOIN hssk_t38.admin_unit v ON v.id = x.village_id JOIN hssk_t38.admin_unit m"
                    + " ON m.id = v.parent_id WHERE m.code = ?";
            assertEquals(count(c, "SELECT COUNT(*) FROM hssk_t38.created_record x" + units, COMMUNE_A),
                    count(c, "SELECT COALESCE(SUM(x.records), 0) FROM hssk_t38.created_record_day x" + units,
                            COMMUNE_A), "the progress summary counts the chunk's created records exactly");
        }
    }

    @Test
    void aCancelledJobPausesWithWhatItCommittedAndResumesWithoutDuplicatesOrLostRows() throws Exception {
        String staff = Keycloak.token(STAFF_B);
        int rows = 60_000;
        String csv = register(rows, COMMUNE_B, "Ngoài", 0);
        String tag = tagOf(csv);
        String other = register(10, COMMUNE_B, "Ngoài", 0);
        // The second apply and the cancel follow the start at once: the job is then queued or in its first chunks.
        long id = start(staff, "apply", csv).json().getJsonNumber("id").longValue();
        Http.Answer busy = start(staff, "apply", other);
        Http.Answer cancel = Http.post("/api/imports/" + id + "/cancel", staff, jakarta.json.Json
                .createObjectBuilder().build());
        assertEquals(409, busy.status(), "two applies of one commune never run at once: " + busy);
        assertEquals("import.busy", busy.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(200, cancel.status(), cancel::toString);
        assertEquals("stopping", cancel.json().getString("state"), "it stops after its current chunk");
        JsonObject paused = await(staff, id);
        assertEquals("paused", paused.getString("state"), paused::toString);
        int committed = paused.getInt("rowsNew");
        assertTrue(committed > 0 && committed < rows, "stopped halfway: " + paused);
        assertEquals(committed, paused.getInt("lastRecord"), "the report says up to which row");
        assertEquals(committed, persons(COMMUNE_B, "tag " + tag), "what it committed stays");

        Http.Answer resumed = Http.post("/api/imports/" + id + "/resume", staff, jakarta.json.Json
                .createObjectBuilder().build());
        assertEquals(202, resumed.status(), resumed::toString);
        JsonObject done = await(staff, id);
        assertEquals("done", done.getString("state"), done::toString);
        assertEquals(rows, done.getInt("rowsRead"), done::toString);
        assertEquals(rows, done.getInt("rowsNew"), done::toString);
        assertEquals(2, done.getInt("runs"));
        assertEquals(rows, persons(COMMUNE_B, "tag " + tag), "no row lost, none twice");
        assertEquals(rows, distinctIds(tag));
    }

    /**
     * A run skips the possible-duplicate look-up in a commune that holds no record but its own, and remembers its own
     * rows instead: so the twin inside one list, a record registered by hand, and a record an earlier job wrote must
     * each still hold a row back as a possible duplicate naming the right record.
     */
    @Test
    void possibleDuplicatesAreFoundInTheListAgainstRecordsByHandAndAgainstEarlierJobs() throws SQLException {
        String staff = Keycloak.token(STAFF_C);
        String tag = tag();
        String one = "Lê Văn Một " + tag;
        String two = "Lê Thị Hai " + tag;
        String first = HEADER + rowC('0', one, "01/01/1980") + rowC('1', two, "02/02/1981")
                + rowC('1', two, "02/02/1981");
        long job1 = start(staff, "apply", first).json().getJsonNumber("id").longValue();
        JsonObject done1 = await(staff, job1);
        assertEquals(2, done1.getInt("rowsNew"), done1::toString);
        assertEquals(1, done1.getInt("rowsDuplicate"), "the twin of line 3: " + done1);
        JsonObject twin = reportRow(staff, job1, 4);
        assertEquals("DUPLICATE", twin.getString("outcome"), twin::toString);
        assertEquals(3, twin.getJsonArray("others").getJsonObject(0).getInt("line"), twin::toString);

        String hand = "Lê Văn Tay " + tag;
        long byHand = People.id(People.register(staff, People.person(hand, "MALE", "1982-03-03",
                People.pid("096", '0', 1982), villageC)));
        long ofJob1 = personId(one);
        String second = HEADER + rowC('0', hand, "03/03/1982") + rowC('0', one, "01/01/1980")
                + rowC('0', "Lê Văn Mới " + tag, "04/04/1983");
        long job2 = start(staff, "apply", second).json().getJsonNumber("id").longValue();
        JsonObject done2 = await(staff, job2);
        assertEquals(1, done2.getInt("rowsNew"), done2::toString);
        assertEquals(2, done2.getInt("rowsDuplicate"), done2::toString);
        assertEquals(byHand, reportRow(staff, job2, 2).getJsonArray("similarPersons").getJsonNumber(0).longValue(),
                "the record registered by hand is named");
        assertEquals(ofJob1, reportRow(staff, job2, 3).getJsonArray("similarPersons").getJsonNumber(0).longValue(),
                "the record of the earlier job is named");
    }

    /**
     * A job pairs its rows a chunk at a time (V80) as the trigger pairs every other insert: a row sharing a BHYT
     * number with a record of an earlier job, two rows of one file sharing one, and afterwards a record by hand sharing
     * a number with the job's rows (the trigger is back in charge once the job's insert is done).
     */
    @Test
    void aJobPairsItsRowsWithRecordsOfTheSameBhytNumberAsTheTriggerWould() throws SQLException {
        String staff = Keycloak.token(STAFF_C);
        String tag = tag();
        String header = "so_dinh_danh,ho_ten,gioi_tinh,ngay_sinh,dan_toc,ma_xa,thon,so_bhxh\n";
        String shared = String.format("%010d", Math.floorMod(System.nanoTime(), 10_000_000_000L));
        String twice = String.format("%010d", Math.floorMod(System.nanoTime() / 7 + 17, 10_000_000_000L));
        String first = header + bhytRow('0', "Phạm Văn Gốc " + tag, "05/05/1970", shared);
        assertEquals(1, await(staff, start(staff, "apply", first).json().getJsonNumber("id").longValue())
                .getInt("rowsNew"));
        String second = header + bhytRow('1', "Phạm Thị Thẻ " + tag, "06/06/1971", shared)
                + bhytRow('0', "Phạm Văn Một " + tag, "07/07/1972", twice)
                + bhytRow('1', "Phạm Thị Hai " + tag, "08/08/1973", twice)
                + bhytRow('0', "Phạm Văn Riêng " + tag, "09/09/1974", "");
        JsonObject done = await(staff, start(staff, "apply", second).json().getJsonNumber("id").longValue());
        assertEquals(4, done.getInt("rowsNew"), done::toString);
        long origin = personId("Phạm Văn Gốc " + tag);
        long card = personId("Phạm Thị Thẻ " + tag);
        long one = personId("Phạm Văn Một " + tag);
        long two = personId("Phạm Thị Hai " + tag);
        long alone = personId("Phạm Văn Riêng " + tag);
        assertEquals(List.of(List.of(Math.min(origin, card), Math.max(origin, card)),
                List.of(Math.min(one, two), Math.max(one, two))), bhytPairs(List.of(origin, card, one, two, alone)),
                "the earlier job's record and its namesake card, the two rows of one card: nothing else");
        long byHand = People.id(People.register(staff, People.person("Phạm Văn Tay " + tag, "MALE", "1975-10-10",
                People.pid("096", '0', 1975), villageC).add("bhytNumber", twice)));
        assertEquals(List.of(List.of(Math.min(one, two), Math.max(one, two)), List.of(one, byHand),
                List.of(two, byHand)), bhytPairs(List.of(one, two, byHand)),
                "a record by hand after the job is paired with both of the job's holders of its number");
    }

    private static String bhytRow(char century, String name, String born, String bhyt) {
        return People.pid("096", century, Integer.parseInt(born.substring(6))) + "," + name + ","
                + (century == '0' ? "Nam" : "Nữ") + "," + born + ",Kinh," + COMMUNE_C + ",Thôn Trùng," + bhyt + "\n";
    }

    /** The BHYT pairs among {@code ids}, as (low, high), in order. */
    private static List<List<Long>> bhytPairs(List<Long> ids) throws SQLException {
        String in = String.join(", ", ids.stream().map(String::valueOf).toList());
        List<List<Long>> pairs = new java.util.ArrayList<>();
        try (Connection c = Tenants.root(); PreparedStatement select = c.prepareStatement(
                "SELECT person_low, person_high FROM hssk_t38.duplicate_candidate WHERE reason = 'BHYT'"
                        + " AND person_low IN (" + in + ") AND person_high IN (" + in + ") ORDER BY 1, 2");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                pairs.add(List.of(rs.getLong(1), rs.getLong(2)));
            }
        }
        return pairs;
    }

    /** A row of commune C's list: a new personal ID of the century digit's sex and the date's year. */
    private static String rowC(char century, String name, String born) {
        return People.pid("096", century, Integer.parseInt(born.substring(6))) + "," + name + ","
                + (century == '0' ? "Nam" : "Nữ") + "," + born + ",Kinh," + COMMUNE_C + ",Thôn Trùng,,\n";
    }

    private static JsonObject reportRow(String token, long job, int line) {
        JsonObject report = Http.get("/api/imports/" + job + "/report", token).json();
        return report.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getInt("line") == line).findFirst()
                .orElseThrow(() -> new AssertionError("no row of line " + line + ": " + report));
    }

    private static long personId(String fullName) throws SQLException {
        try (Connection c = Tenants.root(); PreparedStatement select = c.prepareStatement(
                "SELECT id FROM hssk_t38.person WHERE full_name = ?")) {
            select.setString(1, fullName);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), fullName);
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aJobIsSeenByWhoStartedItAndTheProvinceAdministratorsOnly() {
        String staff = Keycloak.token(STAFF_A);
        long id = start(staff, "preview", register(5, COMMUNE_A, "Bến", 0)).json().getJsonNumber("id").longValue();
        await(staff, id);
        assertEquals(200, Http.get("/api/imports/" + id, staff).status());
        Http.Answer list = Http.get("/api/imports", staff);
        assertTrue(list.jsonArray().stream().anyMatch(j -> j.asJsonObject().getJsonNumber("id").longValue() == id));
        assertEquals(200, Http.get("/api/imports/" + id, Keycloak.token("th-admin")).status(),
                "the province administrator sees every job of the province");
        for (String other : List.of(Keycloak.token(STAFF_B), Keycloak.token(STAFF_92))) {
            for (String path : List.of("", "/report")) {
                Http.Answer hidden = Http.get("/api/imports/" + id + path, other);
                assertEquals(404, hidden.status(), "another commune or province learns nothing: " + hidden);
            }
            assertEquals(404, Http.post("/api/imports/" + id + "/cancel", other, jakarta.json.Json
                    .createObjectBuilder().build()).status());
            assertFalse(Http.get("/api/imports", other).jsonArray().stream()
                    .anyMatch(j -> j.asJsonObject().getString("startedBy").equals(STAFF_A)));
        }
        assertEquals(403, Http.get("/api/imports/" + id, Keycloak.token("national-admin")).status());
    }

    @Test
    void aJobOfProvince92WritesOnlyInto92AndABadFileIsRefusedAtItsField() throws SQLException {
        String staff = Keycloak.token(STAFF_92);
        String csv = register(20, COMMUNE_92, "Khu vực Một", 0).replace("Thôn ", "");
        long id = start(staff, "apply", csv).json().getJsonNumber("id").longValue();
        JsonObject done = await(staff, id);
        assertEquals(20, done.getInt("rowsNew"), done::toString);
        String tag = tagOf(csv);
        try (Connection c = Tenants.root()) {
            assertEquals(20, count(c, "SELECT COUNT(*) FROM hssk_t92.person WHERE full_name LIKE ?", "% " + tag));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM hssk_t38.person WHERE full_name LIKE ?", "% " + tag));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM hssk_t38.import_job WHERE started_by = ?", STAFF_92));
        }
        Http.Answer noVillage = start(staff, "preview", "ho_ten,gioi_tinh,ngay_sinh\nA,Nam,01/01/2000\n");
        assertEquals(400, noVillage.status(), noVillage::toString);
        Http.Answer badMode = start(staff, "later", csv);
        People.assertField(badMode, 400, "mode");
        Http.Answer empty = start(staff, "preview", HEADER);
        People.assertField(empty, 400, "file");
    }

    // ---- helpers

    /**
     * A police-register list of {@code n} residents of one village; every {@code errorEvery}-th row has a bad ID. Its
     * personal IDs have the birth-registration prefix 096, which no other test uses: the hundreds of thousands of
     * records these lists make must not take IDs that other tests draw at random under 038.
     */
    static String register(int n, String commune, String village, int errorEvery) {
        String tag = tag();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= n; i++) {
            int year = 1940 + i % 80;
            boolean male = i % 2 == 0;
            char century = year >= 2000 ? (male ? '2' : '3') : (male ? '0' : '1');
            String pid = errorEvery > 0 && i % errorEvery == 0 ? "12345" : People.pid("096", century, year);
            String household = commune + "-" + tag + "-" + (i / 4);
            String relation = i % 4 == 0 ? "Chủ hộ" : "Con";
            csv.append(pid).append(',').append(male ? "Nguyễn Văn " : "Trần Thị ").append(name(i)).append(' ')
                    .append(tag).append(',').append(male ? "Nam" : "Nữ").append(',')
                    .append(String.format("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, year)).append(",Kinh,")
                    .append(commune).append(",Thôn ").append(village).append(',').append(household).append(',')
                    .append(relation).append('\n');
        }
        return csv.toString();
    }

    private static String name(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i; s.length() < 4; n /= 19) {
            s.append("bcdghklmnpqrstvxyae".charAt(n % 19));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String tag() {
        StringBuilder s = new StringBuilder("Q");
        for (int n = SEQUENCE.incrementAndGet(), i = 0; i < 5; i++, n /= 26) {
            s.append((char) ('a' + n % 26));
        }
        return s.toString();
    }

    private static String tagOf(String csv) {
        String firstRow = csv.split("\n")[1];
        String name = firstRow.split(",")[1];
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    static Http.Answer start(String token, String mode, String csv) {
        return Http.send("/api/imports?kind=persons&mode=" + mode + "&fileName=list.csv", token, "text/csv", csv,
                "application/json");
    }

    /** Polls the job until it is no longer queued, running or stopping (at most three minutes). */
    static JsonObject await(String token, long id) {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonObject job = Http.get("/api/imports/" + id, token).json();
            if (!List.of("queued", "running", "stopping").contains(job.getString("state"))
                    || Instant.now().isAfter(until)) {
                return job;
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int persons(String commune, String what) throws SQLException {
        String tag = what.startsWith("tag ") ? what.substring(4) : null;
        try (Connection c = Tenants.root()) {
            return tag == null ? 0 : count(c, "SELECT COUNT(*) FROM hssk_t38.person p JOIN hssk_t38.admin_unit v"
                    + " ON v.id = p.village_id JOIN hssk_t38.admin_unit m ON m.id = v.parent_id WHERE m.code = ?"
                    + " AND p.full_name LIKE ?", commune, "% " + tag);
        }
    }

    private static int distinctIds(String tag) throws SQLException {
        try (Connection c = Tenants.root()) {
            return count(c, "SELECT COUNT(DISTINCT personal_id) FROM hssk_t38.person WHERE full_name LIKE ?",
                    "% " + tag);
        }
    }

    private static int audited(String tag) throws SQLException {
        try (Connection c = Tenants.root()) {
            return count(c, "SELECT COUNT(*) FROM hssk_t38.audit_event a JOIN hssk_t38.person p ON p.id = a.entity_id"
                    + " WHERE a.entity_type = 'Person' AND a.action = 'CREATE' AND a.context = 'import'"
                    + " AND p.full_name LIKE ?", "% " + tag);
        }
    }

    private static int households(String tag) throws SQLException {
        try (Connection c = Tenants.root()) {
            return count(c, "SELECT COUNT(*) FROM hssk_t38.household WHERE code LIKE ?", "%-" + tag + "-%");
        }
    }

    private static int count(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
