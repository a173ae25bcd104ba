package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.assertField;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * Plans, targets, village quotas and progress through the real API, tokens and database: the seed 002 quotas with
 * their validation and audit, import and copy; progress that equals a direct SQL count over created_record after
 * creates, moves and voids; the commune scope and the other province; targets with computed progress and no
 * overlapping periods; plans copied to a year; the commune report files. Communes 22001–22003 are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlansIT {

    private static final String COMMUNE = "22001";
    private static final String OTHER = "22002";
    private static final String COUNTED = "22003";
    private static final String CHAIR = "pl-chair-22001";
    private static final String OTHER_CHAIR = "pl-chair-22002";
    private static final String STAFF = "pl-staff-22003";
    private static final String[] SEED_VILLAGES = {"Huệ Nghiêm", "Hòa Đông", "Kênh Lâm", "Thủ Phú", "Phú Xá"};
    private static final int[] SEED_QUOTAS = {1180, 1001, 884, 2381, 1773};
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 400_000L));

    private static boolean usersMade;
    private static long[] villages = new long[5];
    private static long otherVillage;
    private static long counted1;
    private static long counted2;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long province = provinceId(th);
        long commune = Units.ensure(th, COMMUNE, "Xã Kế Hoạch", "COMMUNE", "xa", province);
        for (int i = 0; i < 5; i++) {
            villages[i] = Units.ensure(th, COMMUNE + "-0" + (i + 1), "Thôn " + SEED_VILLAGES[i], "VILLAGE", "thon", commune);
        }
        long other = Units.ensure(th, OTHER, "Xã Khác", "COMMUNE", "xa", province);
        otherVillage = Units.ensure(th, OTHER + "-01", "Thôn Khác", "VILLAGE", "thon", other);
        long counted = Units.ensure(th, COUNTED, "Xã Đếm", "COMMUNE", "xa", province);
        counted1 = Units.ensure(th, COUNTED + "-01", "Thôn Một", "VILLAGE", "thon", counted);
        counted2 = Units.ensure(th, COUNTED + "-02", "Thôn Hai", "VILLAGE", "thon", counted);
        if (!usersMade) {
            Keycloak.user(CHAIR, "commune-chair", "38", List.of(COMMUNE));
            Keycloak.user(OTHER_CHAIR, "commune-chair", "38", List.of(OTHER));
            Keycloak.user(STAFF, "station-staff", "38", List.of(COUNTED));
            usersMade = true;
        }
    }

    @Test
    void theProvinceAdministratorEntersTheSeedQuotasAndEveryChangeIsAudited() {
        String th = Keycloak.token("th-admin");
        Http.Answer saved = Http.put("/api/quotas", th, quotas(COMMUNE, 2024, SEED_QUOTAS, SEED_QUOTAS, false));
        assertEquals(200, saved.status(), saved::toString);
        JsonObject grid = Http.get("/api/quotas?commune=" + COMMUNE + "&year=2024", Keycloak.token(CHAIR)).json();
        assertEquals(5, grid.getJsonArray("lines").size());
        int total = 0;
        for (JsonValue v : grid.getJsonArray("lines")) {
            total += v.asJsonObject().getInt("quota");
        }
        assertEquals(7219, total, "seed 002's total");
        assertEquals("Thôn Huệ Nghiêm", grid.getJsonArray("lines").getJsonObject(0).getString("villageName"));

        int[] changed = SEED_QUOTAS.clone();
        changed[3] = 2000;
        assertEquals(200, Http.put("/api/quotas", th, quotas(COMMUNE, 2024, SEED_QUOTAS, changed, false)).status());
        JsonArray history = Http.get("/api/quotas/history?commune=" + COMMUNE + "&year=2024", th).jsonArray();
        JsonObject last = history.getJsonObject(0);
        assertEquals("th-admin", last.getString("username"));
        assertEquals("UPDATE", last.getString("action"));
        assertEquals("2381", last.getJsonObject("changes").getJsonObject("quota").getString("before"));
        assertEquals("2000", last.getJsonObject("changes").getJsonObject("quota").getString("after"));
        assertTrue(last.getString("label").contains(COMMUNE + "-04"), last::toString);
    }

    @Test
    void quotasAreNeverNegativeAndAbovePopulationOnlyWhenConfirmed() {
        String th = Keycloak.token("th-admin");
        int[] population = {100, 100, 100, 100, 100};
        int[] above = {100, 150, 100, 100, 100};
        assertField(Http.put("/api/quotas", th, quotas(COMMUNE, 2031, population, above, false)), 400,
                "entries[1].quota");
        int[] negative = {100, -1, 100, 100, 100};
        assertField(Http.put("/api/quotas", th, quotas(COMMUNE, 2031, population, negative, true)), 400,
                "entries[1].quota");
        assertEquals(0, Http.get("/api/quotas?commune=" + COMMUNE + "&year=2031", th).json().getJsonArray("lines")
                .getValuesAs(JsonObject.class).stream().filter(l -> l.containsKey("quota") && !l.isNull("quota"))
                .count(), "a refused grid writes nothing");
        Http.Answer confirmed = Http.put("/api/quotas", th, quotas(COMMUNE, 2031, population, above, true));
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals(150, confirmed.json().getJsonArray("lines").getJsonObject(1).getInt("quota"));
        Http.Answer foreign = Http.put("/api/quotas", th, Json.createObjectBuilder().add("commune", COMMUNE)
                .add("year", 2031).add("entries", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("villageId", otherVillage).add("population", 10).add("quota", 5))).build());
        assertField(foreign, 400, "entries[0].villageId");
    }

    @Test
    void quotasAreImportedFromCsvAndCopiedFromLastYear() {
        String th = Keycloak.token("th-admin");
        String csv = "STT;Thôn;Nhân khẩu;Chỉ tiêu lập hồ sơ sức khỏe\n"
                + "1;Huệ Nghiêm;1.180;1.180\n2;Hòa Đông;1.001;1.001\n3;Kênh Lâm;884;884\n"
                + "4;" + COMMUNE + "-04;2.381;2.381\n5;Phú Xá;1.773;1.773\n;Tổng cộng;7.219;7.219\n";
        Http.Answer imported = Http.send("/api/quotas/import?commune=" + COMMUNE + "&year=2032", th, "text/csv",
                csv, "application/json");
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(2381, imported.json().getJsonArray("lines").getJsonObject(3).getInt("quota"));
        assertEquals(1773, imported.json().getJsonArray("lines").getJsonObject(4).getInt("population"));

        Http.Answer bad = Http.send("/api/quotas/import?commune=" + COMMUNE + "&year=2033", th, "text/csv",
                "Thôn;Nhân khẩu;Chỉ tiêu\nKhông Có;10;5\n", "application/json");
        assertField(bad, 400, "file");

        Http.Answer copied = Http.post("/api/quotas/copy", th, Json.createObjectBuilder().add("commune", COMMUNE)
                .add("fromYear", 2032).add("toYear", 2033).build());
        assertEquals(200, copied.status(), copied::toString);
        assertEquals(1180, copied.json().getJsonArray("lines").getJsonObject(0).getInt("quota"));
        assertEquals(2033, copied.json().getInt("year"));
    }

    /**
     * The rule of the issue: after creates, records that do not count, moves between villages, voids, a merge and its
     * undo, the progress and the dashboard equal a direct count over created_record.
     */
    @Test
    void progressEqualsADirectCountAfterCreatesMovesVoidsAndMerges() throws SQLException {
        String staff = Keycloak.token(STAFF);
        String th = Keycloak.token("th-admin");
        int year = LocalDate.now().getYear();
        Http.put("/api/quotas", th, Json.createObjectBuilder().add("commune", COUNTED).add("year", year)
                .add("entries", Json.createArrayBuilder()
                        .add(entry(counted1, 500, 400)).add(entry(counted2, 300, 300))).build());
        assertMatchesDirectCount(th);

        long[] ids = new long[6];
        for (int i = 0; i < 6; i++) {
            ids[i] = register(staff, "Người Đếm " + letters(SEQUENCE.incrementAndGet()), i % 2 == 0 ? counted1
                    : counted2, true);
            assertMatchesDirectCount(th);
        }
        register(staff, "Người Thiếu Dân Tộc " + letters(SEQUENCE.incrementAndGet()), counted1, false);
        assertMatchesDirectCount(th);

        JsonObject moved = Http.get("/api/persons/" + ids[0], staff).json();
        Http.Answer move = Http.put("/api/persons/" + ids[0], staff, Json.createObjectBuilder()
                .add("fullName", moved.getString("fullName")).add("sex", moved.getString("sex"))
                .add("birthDate", moved.getString("birthDate")).add("personalId", moved.getString("personalId"))
                .add("ethnicity", "Kinh").add("villageId", counted2).add("version", moved.getInt("version")).build());
        assertEquals(200, move.status(), move::toString);
        assertMatchesDirectCount(th);

        Http.Answer voided = Http.post("/api/persons/" + ids[1] + "/void", staff,
                Json.createObjectBuilder().add("reason", "nhập trùng").build());
        assertEquals(200, voided.status(), voided::toString);
        assertMatchesDirectCount(th);

        JsonObject survivor = Http.get("/api/persons/" + ids[2], staff).json();
        JsonObject duplicate = Http.get("/api/persons/" + ids[3], staff).json();
        Http.Answer merged = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", ids[2]).add("mergedId", ids[3]).add("survivorVersion", survivor.getInt("version"))
                .add("mergedVersion", duplicate.getInt("version")).add("reason", "cùng một người").build());
        assertEquals(201, merged.status(), merged::toString);
        assertMatchesDirectCount(th);
        Http.Answer undone = Http.post("/api/duplicates/merges/" + merged.json().getJsonNumber("id").longValue()
                + "/undo", staff, Json.createObjectBuilder().build());
        assertEquals(200, undone.status(), undone::toString);
        assertMatchesDirectCount(th);

        JsonObject dashboard = Http.get("/api/progress/dashboard?commune=" + COUNTED, Keycloak.token(STAFF)).json();
        long[] direct = {directCount(counted1), directCount(counted2)};
        assertEquals(direct[0] + direct[1], dashboard.getJsonObject("total").getJsonNumber("created").longValue());
        assertEquals(direct[0] + direct[1], dashboard.getJsonObject("total").getJsonNumber("createdThisWeek")
                .longValue(), "all were created this week");
        JsonArray weekly = dashboard.getJsonObject("total").getJsonArray("weekly");
        assertEquals(direct[0] + direct[1], weekly.getJsonNumber(weekly.size() - 1).longValue());
        assertFalse(dashboard.getJsonObject("total").isNull("forecast"), "a pace gives a forecast");
        assertEquals(700, dashboard.getJsonObject("total").getJsonNumber("quota").longValue());
    }

    @Test
    void aCommuneChairSeesOnlyTheirCommuneAndChangesNothing() {
        String th = Keycloak.token("th-admin");
        Http.put("/api/quotas", th, quotas(COMMUNE, 2024, SEED_QUOTAS, SEED_QUOTAS, false));
        String chair = Keycloak.token(CHAIR);
        String other = Keycloak.token(OTHER_CHAIR);
        assertEquals(200, Http.get("/api/progress?unit=" + COMMUNE + "&period=2024", chair).status());
        assertEquals(200, Http.get("/api/progress/dashboard?commune=" + COMMUNE + "&period=2024", chair).status());
        assertEquals(404, Http.get("/api/quotas?commune=" + COMMUNE + "&year=2024", other).status());
        assertEquals(404, Http.get("/api/progress?unit=" + COMMUNE, other).status());
        assertEquals(404, Http.get("/api/progress?unit=" + COMMUNE + "-01", other).status());
        assertEquals(404, Http.get("/api/progress/dashboard?commune=" + COMMUNE, other).status());
        assertEquals(404, Http.get("/api/progress/report?commune=" + COMMUNE + "&format=pdf", other).status());
        assertEquals(400, Http.get("/api/progress", chair).status(), "a chair names one of their communes");
        assertEquals(403, Http.get("/api/progress/overview", chair).status());
        assertEquals(403, Http.put("/api/quotas", chair, quotas(COMMUNE, 2024, SEED_QUOTAS, SEED_QUOTAS, false))
                .status());
        assertEquals(403, Http.post("/api/targets", chair, target(1, COMMUNE, "2030-01-01", "2030-12-31", "1",
                "2")).status());

        String ct = Keycloak.token("ct-admin");
        assertEquals(404, Http.get("/api/quotas?commune=" + COMMUNE + "&year=2024", ct).status(),
                "the other province has no such commune");
        assertEquals(404, Http.get("/api/progress?unit=" + COMMUNE, ct).status());
        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/quotas?commune=" + COMMUNE + "&year=2024", national).status());
        assertEquals(403, Http.get("/api/progress?unit=" + COMMUNE, national).status());
        assertEquals(403, Http.get("/api/targets", national).status());
        assertEquals(403, Http.get("/api/plans", national).status());
        assertEquals(403, Http.get("/api/progress/national", th).status());
    }

    @Test
    void targetsShowComputedProgressAndNeverOverlap() {
        String ct = Keycloak.token("ct-admin");
        long coverage = indicator(ct, "RECORD_COVERAGE");
        Http.Answer created = Http.post("/api/targets", ct, target(coverage, "92", "2041-01-01", "2043-12-31", "12",
                "82"));
        assertEquals(201, created.status(), created::toString);
        JsonObject t = created.json();
        assertEquals(12, t.getJsonNumber("baseline").intValue());
        assertEquals(82, t.getJsonNumber("targetValue").intValue());
        assertField(Http.post("/api/targets", ct, target(coverage, "92", "2043-06-01", "2044-12-31", "20", "90")),
                409, "periodFrom");
        assertField(Http.post("/api/targets", ct, target(coverage, "92", "2045-01-01", "2045-12-31", "20", "120")),
                400, "targetValue");
        assertField(Http.post("/api/targets", ct, target(coverage, "92", "2046-01-01", "2045-12-31", "20", "30")),
                400, "periodTo");
        Http.Answer after = Http.post("/api/targets", ct, target(coverage, "92", "2044-01-01", "2044-12-31", "82",
                "90"));
        assertEquals(201, after.status(), "adjacent periods do not overlap: " + after);

        String th = Keycloak.token("th-admin");
        long count = indicator(th, "CREATED_RECORDS");
        Http.Answer commune = Http.post("/api/targets", th, target(count, COMMUNE, "2024-01-01", "2099-12-31", "0",
                "7219"));
        assertEquals(201, commune.status(), commune::toString);
        assertNotNull(commune.json().getJsonNumber("current"), "progress is computed: " + commune);
        List<Long> visibleToChair = Http.get("/api/targets", Keycloak.token(CHAIR)).jsonArray()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("id").longValue()).toList();
        assertTrue(visibleToChair.contains(commune.json().getJsonNumber("id").longValue()));
        assertEquals(List.of(), Http.get("/api/targets", Keycloak.token(OTHER_CHAIR)).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(o -> o.getString("unitCode").startsWith(COMMUNE))
                .toList());
        long id = commune.json().getJsonNumber("id").longValue();
        assertEquals(404, Http.get("/api/targets/" + id, Keycloak.token(OTHER_CHAIR)).status());
        Http.Answer fromCanTho = Http.get("/api/targets/" + id, ct);
        assertTrue(fromCanTho.status() == 404 || !COMMUNE.equals(fromCanTho.json().getString("unitCode")),
                "the other province reads its own target of that number, never this one: " + fromCanTho);

        Http.Answer revised = Http.put("/api/targets/" + id, th, target(count, COMMUNE, "2024-01-01", "2099-12-31",
                "0", "8000"));
        assertEquals(200, revised.status(), revised::toString);
        JsonObject change = Http.get("/api/targets/" + id + "/history", th).jsonArray().getJsonObject(0);
        assertEquals("7219", change.getJsonObject("changes").getJsonObject("targetValue").getString("before"));

        Http.Answer added = Http.post("/api/targets/indicators", th, Json.createObjectBuilder()
                .add("code", "VAX_DPT_" + SEQUENCE.incrementAndGet()).add("nameVi", "Tỷ lệ tiêm DPT")
                .add("nameEn", "DPT coverage").add("unitKind", "PERCENT").add("computation", "VACCINATION_COVERAGE")
                .add("parameter", "DPT").build());
        assertEquals(201, added.status(), added::toString);
        assertField(Http.post("/api/targets/indicators", th, Json.createObjectBuilder().add("code", "MAGIC")
                .add("nameVi", "Phép màu").add("unitKind", "COUNT").add("computation", "MAGIC").build()), 400,
                "computation");

        JsonArray totals = Http.get("/api/progress/national", Keycloak.token("national-admin")).jsonArray();
        JsonObject canTho = totals.getValuesAs(JsonObject.class).stream()
                .filter(o -> "92".equals(o.getString("tenantCode"))).findFirst().orElseThrow();
        assertTrue(canTho.getJsonArray("targets").getValuesAs(JsonObject.class).stream()
                .anyMatch(g -> "RECORD_COVERAGE".equals(g.getString("indicatorCode"))
                        && g.getJsonNumber("targetValue").intValue() == 82), canTho::toString);
        assertFalse(canTho.toString().contains("fullName"));
    }

    @Test
    void aPlanWithTasksIsCopiedToANewYearAndOverdueTasksStandOut() {
        String th = Keycloak.token("th-admin");
        JsonObject plan = Json.createObjectBuilder().add("unitCode", COMMUNE)
                .add("title", "Kế hoạch triển khai hồ sơ sức khỏe điện tử năm 2024")
                .add("docNumber", "182/KH-UBND").add("issuedOn", "2024-06-20")
                .add("purpose", "Mỗi người dân có 01 hồ sơ sức khỏe điện tử")
                .add("periodFrom", "2024-07-01").add("periodTo", "2024-12-31")
                .add("legalBasis", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("docNumber", "2955/QĐ-BYT").add("issuedOn", "2022-10-28")))
                .add("phases", Json.createArrayBuilder()
                        .add(phase("Giai đoạn 1", "2024-07-01", "2024-08-31"))
                        .add(phase("Giai đoạn 2", "2024-08-01", "2024-11-30")))
                .add("tasks", Json.createArrayBuilder()
                        .add(task(1, "Cập nhật phần A", "Tổ nhập liệu", "2024-08-31", "DONE"))
                        .add(task(2, "Cập nhật phần B", "Trạm Y tế", "2024-11-30", "IN_PROGRESS")))
                .build();
        Http.Answer created = Http.post("/api/plans", th, plan);
        assertEquals(201, created.status(), created::toString);
        JsonObject p = created.json();
        assertEquals(1, p.getInt("overdue"), "the open task past its deadline");
        assertTrue(p.getJsonArray("tasks").getJsonObject(1).getBoolean("overdue"));
        assertFalse(p.getJsonArray("tasks").getJsonObject(0).getBoolean("overdue"));
        long id = p.getJsonNumber("id").longValue();

        Http.Answer copy = Http.post("/api/plans/" + id + "/copy", th, Json.createObjectBuilder().add("year", 2099)
                .add("title", "Kế hoạch năm 2099").build());
        assertEquals(201, copy.status(), copy::toString);
        JsonObject c = copy.json();
        assertEquals("2099-07-01", c.getString("periodFrom"));
        assertEquals("2099-08-31", c.getJsonArray("phases").getJsonObject(0).getString("endsOn"));
        assertEquals("2099-11-30", c.getJsonArray("tasks").getJsonObject(1).getString("deadline"));
        assertEquals("NOT_STARTED", c.getJsonArray("tasks").getJsonObject(0).getString("status"));
        assertEquals(0, c.getInt("overdue"));
        assertEquals(id, c.getJsonNumber("copiedFrom").longValue());

        long taskId = p.getJsonArray("tasks").getJsonObject(1).getJsonNumber("id").longValue();
        Http.Answer done = Http.post("/api/plans/" + id + "/tasks/" + taskId + "/status", th,
                Json.createObjectBuilder().add("status", "DONE").build());
        assertEquals(200, done.status(), done::toString);
        assertEquals(0, done.json().getInt("overdue"));

        assertField(Http.post("/api/plans", th, Json.createObjectBuilder().add("title", "Sai")
                .add("periodFrom", "2024-01-01").add("periodTo", "2024-12-31").add("tasks", Json.createArrayBuilder()
                        .add(task(null, "Không có hạn", "Sở Y tế", null, null))).build()), 400, "tasks[0].deadline");
        assertEquals(200, Http.get("/api/plans/" + id, Keycloak.token(CHAIR)).status());
        assertEquals(404, Http.get("/api/plans/" + id, Keycloak.token(OTHER_CHAIR)).status());
        assertEquals(404, Http.get("/api/plans/" + id, Keycloak.token("ct-admin")).status());
        assertEquals(403, Http.post("/api/plans/" + id + "/copy", Keycloak.token(CHAIR), Json.createObjectBuilder()
                .add("year", 2098).build()).status());
    }

    @Test
    void theChairDownloadsTheReportAsXlsxAndPdf() throws Exception {
        String th = Keycloak.token("th-admin");
        int year = LocalDate.now().getYear();
        Http.put("/api/quotas", th, quotas(COMMUNE, year, SEED_QUOTAS, SEED_QUOTAS, false));
        String chair = Keycloak.token(CHAIR);
        byte[] xlsx = download("/api/progress/report?commune=" + COMMUNE + "&format=xlsx", chair,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        byte[] pdf = download("/api/progress/report?commune=" + COMMUNE + "&format=pdf&period=" + year + "-W01",
                chair, "application/pdf");
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(pdf, 4));
        assertField(Http.get("/api/progress/report?commune=" + COMMUNE + "&format=doc", chair), 400, "format");
        assertField(Http.get("/api/progress?unit=" + COMMUNE + "&period=2024-13", chair), 400, "period");
    }

    private static byte[] download(String url, String token, String type) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Http.APP + url))
                .header("Authorization", "Bearer " + token).header("Accept", type + ", application/json").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        return r.body();
    }

    private void assertMatchesDirectCount(String token) throws SQLException {
        JsonObject progress = Http.get("/api/progress?unit=" + COUNTED, token).json();
        long sum = 0;
        for (JsonValue v : progress.getJsonArray("children")) {
            JsonObject village = v.asJsonObject();
            long direct = directCount(village.getJsonNumber("unitId").longValue());
            assertEquals(direct, village.getJsonNumber("created").longValue(), village::toString);
            assertEquals(direct, summaryCount(village.getJsonNumber("unitId").longValue()),
                    "the per-day summary its triggers keep");
            sum += direct;
        }
        assertEquals(sum, progress.getJsonNumber("created").longValue());
        JsonObject province = Http.get("/api/progress", token).json();
        JsonObject commune = province.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .filter(c -> COUNTED.equals(c.getString("code"))).findFirst().orElseThrow();
        assertEquals(sum, commune.getJsonNumber("created").longValue());
    }

    private static long directCount(long villageId) throws SQLException {
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM hssk_t38.created_record WHERE village_id = ?")) {
            ps.setLong(1, villageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long summaryCount(long villageId) throws SQLException {
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COALESCE(SUM(records), 0) FROM hssk_t38.created_record_day WHERE village_id = ?")) {
            ps.setLong(1, villageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long register(String token, String name, long village, boolean complete) {
        int n = SEQUENCE.incrementAndGet();
        JsonObjectBuilder b = Json.createObjectBuilder().add("fullName", name).add("sex", "MALE")
                .add("birthDate", "1980-01-01").add("villageId", village)
                .add("personalId", "038080" + String.format("%06d", n % 1_000_000));
        if (complete) {
            b.add("ethnicity", "Kinh");
        }
        Http.Answer created = Http.post("/api/persons", token, b.build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static JsonObject quotas(String commune, int year, int[] population, int[] quota, boolean confirm) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (int i = 0; i < quota.length; i++) {
            entries.add(entry(villages[i], population[i], quota[i]));
        }
        return Json.createObjectBuilder().add("commune", commune).add("year", year)
                .add("confirmAbovePopulation", confirm).add("entries", entries).build();
    }

    private static JsonObjectBuilder entry(long village, int population, int quota) {
        return Json.createObjectBuilder().add("villageId", village).add("population", population).add("quota", quota);
    }

    private static JsonObject target(long indicator, String unit, String from, String to, String baseline,
                                     String target) {
        return Json.createObjectBuilder().add("indicatorId", indicator).add("unitCode", unit).add("periodFrom", from)
                .add("periodTo", to).add("baseline", new java.math.BigDecimal(baseline))
                .add("targetValue", new java.math.BigDecimal(target)).build();
    }

    private static JsonObjectBuilder phase(String name, String from, String to) {
        return Json.createObjectBuilder().add("name", name).add("startsOn", from).add("endsOn", to);
    }

    private static JsonObjectBuilder task(Integer phase, String name, String lead, String deadline, String status) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("leadUnit", lead);
        if (phase != null) {
            b.add("phase", phase);
        }
        if (deadline != null) {
            b.add("deadline", deadline);
        }
        if (status != null) {
            b.add("status", status);
        }
        return b;
    }

    private static long indicator(String token, String code) {
        return Http.get("/api/targets/indicators", token).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(i -> code.equals(i.getString("code"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static long provinceId(String token) {
        return Http.get("/api/units?level=PROVINCE", token).jsonArray().getJsonObject(0).getJsonNumber("id")
                .longValue();
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }


}
