package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.assertField;
import static vn.hssk.it.People.id;
import static vn.hssk.it.People.person;
import static vn.hssk.it.People.pid;
import static vn.hssk.it.People.register;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The personal-ID oracle closed (issue 12) and the identity rules through the real API, import, tokens and database:
 * a commune user who registers or imports an ID held by a record they may not act on (another commune's resident, a
 * voided record, a concurrent write) gets one neutral answer, identical whatever and wherever the holder is, and the
 * case lands on the province's review list, which only the province administrator reads and resolves; another
 * province sees nothing of it. Communes 17961/17962 and their villages are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonalIdReviewIT {

    private static final String COMMUNE_A = "17961";
    private static final String COMMUNE_B = "17962";
    private static final String COMMUNE_B_NAME = "Xã Rà Soát Bên Kia";
    private static final String STAFF_A = "rv-staff-17961";
    private static final String CHAIR_A = "rv-chair-17961";
    private static final String STAFF_B = "rv-staff-17962";
    private static final String REVIEWS = "/api/personal-id-reviews";
    private static final String IMPORT = "/api/imports/persons";
    private static final String HEADER = "Họ và tên,Giới tính,Ngày sinh,Số định danh,Mã thôn\n";
    private static final String NEUTRAL_VI = "Không thể dùng số định danh này cho hồ sơ tại đây; trường hợp đã được"
            + " chuyển Sở Y tế xem xét.";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 300_000L));

    private static boolean usersMade;
    private static long villageA;
    private static long villageB;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = Units.ensure(th, COMMUNE_A, "Xã Rà Soát", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, COMMUNE_B_NAME, "COMMUNE", "xa", 1);
        villageA = Units.ensure(th, COMMUNE_A + "-01", "Thôn Soát Một", "VILLAGE", "thon", communeA);
        villageB = Units.ensure(th, COMMUNE_B + "-01", "Thôn Kia", "VILLAGE", "thon", communeB);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            usersMade = true;
        }
    }

    @Test
    void anIdHeldInAnotherCommuneOrByAVoidedRecordGetsOneNeutralAnswerFromTheApiAndTheImport() {
        String staffA = Keycloak.token(STAFF_A);
        String elsewhere = pid("038", '0', 1971);
        String holderName = "Bùi Văn Chủ " + tag();
        long holder = id(register(Keycloak.token(STAFF_B), person(holderName, "MALE", "1971-03-03", elsewhere,
                villageB)));
        String voidedPid = pid("038", '0', 1971);
        long voided = id(register(staffA, person("Bùi Văn Hủy " + tag(), "MALE", "1971-03-03", voidedPid,
                villageA)));
        JsonObject current = Http.get("/api/persons/" + voided, staffA).json();
        assertEquals(200, Http.post("/api/persons/" + voided + "/void", staffA, Json.createObjectBuilder()
                .add("reason", "Nhập nhầm").add("version", current.getInt("version")).build()).status());

        Http.Answer heldElsewhere = Http.post("/api/persons", staffA, person("Bùi Văn Thử", "MALE", "1971-03-03",
                elsewhere, villageA).build());
        Http.Answer heldByVoided = Http.post("/api/persons", staffA, person("Bùi Văn Thử", "MALE", "1971-03-03",
                voidedPid, villageA).build());
        assertField(heldElsewhere, 409, "personalId");
        assertEquals("personalId.unavailable", heldElsewhere.error("personalId").getString("code"));
        assertEquals(heldElsewhere.body(), heldByVoided.body(), "another commune's resident and a voided record "
                + "answer exactly the same");
        for (Http.Answer a : List.of(heldElsewhere, heldByVoided)) {
            assertFalse(a.body().contains(COMMUNE_B) || a.body().contains(COMMUNE_B_NAME)
                    || a.body().contains(holderName) || a.body().contains("commune") || a.body().contains("voided")
                    || a.error("personalId").getString("message").matches(".*\\d.*"), a.body());
        }

        Http.Answer vi = Http.post("/api/persons", staffA, person("Bùi Văn Thử", "MALE", "1971-03-03", elsewhere,
                villageA).build(), "vi");
        assertField(vi, 409, "personalId");
        assertEquals(NEUTRAL_VI, vi.error("personalId").getString("message"));
        assertEquals(NEUTRAL_VI, vi.json().getString("detail"));
        assertEquals(vi.body(), Http.post("/api/persons", staffA, person("Bùi Văn Thử", "MALE", "1971-03-03",
                voidedPid, villageA).build(), "vi").body());

        String csv = HEADER + "Bùi Văn Nhập,Nam,03/03/1971," + elsewhere + "," + COMMUNE_A + "-01\n"
                + "Bùi Văn Nhập Hai,Nam,03/03/1971," + voidedPid + "," + COMMUNE_A + "-01\n";
        JsonObject report = Http.send(IMPORT + "?mode=preview", staffA, "text/csv", csv, "application/json").json();
        JsonObject expected = heldElsewhere.error("personalId");
        for (int line : new int[] {2, 3}) {
            JsonObject row = row(report, line);
            assertEquals("ERROR", row.getString("outcome"), row::toString);
            JsonArray errors = row.getJsonArray("errors");
            assertEquals(1, errors.size(), row::toString);
            assertEquals(expected.getString("field"), errors.getJsonObject(0).getString("field"));
            assertEquals(expected.getString("code"), errors.getJsonObject(0).getString("code"));
            assertEquals(expected.getString("message"), errors.getJsonObject(0).getString("message"),
                    "the import's row says what the API says");
            assertTrue(!row.containsKey("personId") || row.isNull("personId"), row::toString);
        }
        assertFalse(report.toString().contains(COMMUNE_B_NAME) || report.toString().contains(holderName),
                report::toString);
        JsonObject reportVi = Http.send(IMPORT + "?mode=preview", staffA, "text/csv", csv, "application/json", "vi")
                .json();
        assertEquals(NEUTRAL_VI, row(reportVi, 2).getJsonArray("errors").getJsonObject(0).getString("message"));

        JsonObject byApiAndImport = only(cases(Keycloak.token("th-admin"), "OPEN"), elsewhere);
        assertEquals("HELD_ELSEWHERE", byApiAndImport.getString("kind"));
        assertEquals(holder, byApiAndImport.getJsonNumber("recordId").longValue());
        assertEquals(villageA, byApiAndImport.getJsonNumber("villageId").longValue());
        assertEquals(4, byApiAndImport.getInt("attempts"), "two API attempts (English, Vietnamese) and two previews"
                + " of the import: one open case, counted");
        assertEquals("IMPORT", byApiAndImport.getString("source"));
        assertEquals(STAFF_A, byApiAndImport.getString("lastBy"));
        JsonObject byVoided = only(cases(Keycloak.token("th-admin"), "OPEN"), voidedPid);
        assertEquals(voided, byVoided.getJsonNumber("recordId").longValue());
        assertTrue(byVoided.getBoolean("recordVoided"));
    }

    @Test
    void aHolderInTheCallersOwnCommuneIsStillNamedSoTheyCanOpenIt() {
        String staffA = Keycloak.token(STAFF_A);
        String pid = pid("038", '1', 1983);
        String name = "Đinh Thị Có " + tag();
        long holder = id(register(staffA, person(name, "FEMALE", "1983-08-08", pid, villageA)));
        Http.Answer taken = Http.post("/api/persons", staffA, person("Đinh Thị Khác", "FEMALE", "1983-08-08", pid,
                villageA).build(), "vi");
        assertField(taken, 409, "personalId");
        assertEquals("personalId.taken", taken.error("personalId").getString("code"));
        assertEquals("Số định danh cá nhân " + pid + " đã thuộc về hồ sơ số " + holder + " (" + name
                + ") trong xã của bạn; hãy mở hồ sơ đó", taken.error("personalId").getString("message"));
        assertEquals(0, matching(cases(Keycloak.token("th-admin"), null), pid).size(),
                "a holder the user may act on is no case for the province");
    }

    @Test
    void concurrentRegistrationsFromTwoCommunesGiveTheLosingCommuneOnlyTheNeutralAnswer() throws Exception {
        String staffA = Keycloak.token(STAFF_A);
        String staffB = Keycloak.token(STAFF_B);
        String pid = pid("038", '1', 1994);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                boolean fromA = i % 2 == 0;
                String name = "Lưu Thị Đua " + i;
                answers.add(pool.submit(() -> Http.post("/api/persons", fromA ? staffA : staffB,
                        person(name, "FEMALE", "1994-04-04", pid, fromA ? villageA : villageB).build())));
            }
            int created = 0;
            Boolean winnerInA = null;
            List<Http.Answer> losers = new ArrayList<>();
            List<Boolean> loserInA = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Http.Answer a = answers.get(i).get();
                if (a.status() == 201) {
                    created++;
                    winnerInA = i % 2 == 0;
                } else {
                    assertField(a, 409, "personalId");
                    losers.add(a);
                    loserInA.add(i % 2 == 0);
                }
            }
            assertEquals(1, created);
            assertNotNull(winnerInA);
            for (int i = 0; i < losers.size(); i++) {
                String code = losers.get(i).error("personalId").getString("code");
                if (loserInA.get(i).equals(winnerInA)) {
                    assertTrue(code.equals("personalId.taken") || code.equals("personalId.unavailable"), code);
                } else {
                    assertEquals("personalId.unavailable", code, "the other commune, by check or by the database's"
                            + " unique key, learns nothing: " + losers.get(i));
                    assertFalse(losers.get(i).body().contains("Lưu Thị Đua"), losers.get(i)::toString);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theProvinceAdministratorResolvesACaseWithANoteAndTheReadOfTheHolderIsAudited() {
        String pid = pid("038", '0', 1966);
        long holder = id(register(Keycloak.token(STAFF_B), person("Tô Văn Giữ " + tag(), "MALE", "1966-06-06",
                pid, villageB)));
        assertField(Http.post("/api/persons", Keycloak.token(STAFF_A), person("Tô Văn Nhận", "MALE", "1966-06-06",
                pid, villageA).build()), 409, "personalId");
        String admin = Keycloak.token("th-admin");
        Page open = page(REVIEWS + "?status=OPEN&max=200", admin);
        assertTrue(open.total() >= 1, "X-Total-Count counts the open cases");
        JsonObject c = only(open.cases(), pid);
        long caseId = c.getJsonNumber("id").longValue();
        assertEquals("Tô Văn Nhận", c.getString("fullName"));
        assertEquals("1966-06-06", c.getString("birthDate"));
        assertEquals("MALE", c.getString("sex"));
        assertEquals("API", c.getString("source"));
        assertEquals(1, c.getInt("attempts"));
        assertEquals(COMMUNE_B_NAME, c.getString("recordCommune"), "the province sees where the holder lives");

        String resolution = REVIEWS + "/" + caseId + "/resolution";
        assertField(Http.post(resolution, admin, Json.createObjectBuilder().add("outcome", "RESOLVED")
                .add("note", " ").build()), 400, "note");
        assertField(Http.post(resolution, admin, Json.createObjectBuilder().add("outcome", "MAYBE")
                .add("note", "x").build()), 400, "outcome");
        Http.Answer noNoteVi = Http.post(resolution, admin, Json.createObjectBuilder().add("outcome", "RESOLVED")
                .build(), "vi");
        assertField(noNoteVi, 400, "note");
        assertEquals("required", noNoteVi.error("note").getString("code"));
        Http.Answer resolved = Http.post(resolution, admin, Json.createObjectBuilder().add("outcome", "RESOLVED")
                .add("note", "Đã xác minh với công an xã: người ở xã " + COMMUNE_B_NAME).build());
        assertEquals(200, resolved.status(), resolved::toString);
        assertEquals("RESOLVED", resolved.json().getString("status"));
        assertEquals("th-admin", resolved.json().getString("resolvedBy"));
        assertEquals(409, Http.post(resolution, admin, Json.createObjectBuilder().add("outcome", "REJECTED")
                .add("note", "again").build()).status(), "a closed case stays closed");
        assertEquals(0, matching(cases(admin, "OPEN"), pid).size());
        assertEquals(1, matching(cases(admin, "RESOLVED"), pid).size());

        JsonArray trail = Http.get("/api/audit?person=" + holder, admin).jsonArray();
        boolean readForReview = false;
        for (int i = 0; i < trail.size(); i++) {
            JsonObject e = trail.getJsonObject(i);
            readForReview |= "READ".equals(e.getString("action")) && "th-admin".equals(e.getString("username"))
                    && e.getString("context", "").startsWith("personal-id review " + caseId);
        }
        assertTrue(readForReview, "showing the holder to the province is an audited read: " + trail);

        assertField(Http.post("/api/persons", Keycloak.token(STAFF_A), person("Tô Văn Nhận", "MALE", "1966-06-06",
                pid, villageA).build()), 409, "personalId");
        assertEquals(1, matching(cases(admin, "OPEN"), pid).size(), "a new attempt opens a new case");
    }

    @Test
    void communeRolesAreRefusedTheListAndAnotherProvinceSeesNoneOfIt() {
        String pid = pid("038", '1', 1977);
        register(Keycloak.token(STAFF_B), person("Mai Thị Kín " + tag(), "FEMALE", "1977-07-07", pid, villageB));
        assertField(Http.post("/api/persons", Keycloak.token(STAFF_A), person("Mai Thị Hỏi", "FEMALE",
                "1977-07-07", pid, villageA).build()), 409, "personalId");
        assertEquals(1, matching(cases(Keycloak.token("th-admin"), "OPEN"), pid).size());

        for (String user : List.of(STAFF_A, CHAIR_A, STAFF_B)) {
            String token = Keycloak.token(user);
            assertEquals(403, Http.get(REVIEWS, token).status(), user);
            assertEquals(403, Http.post(REVIEWS + "/1/resolution", token, Json.createObjectBuilder()
                    .add("outcome", "RESOLVED").add("note", "x").build()).status(), user);
        }
        assertEquals(403, Http.get(REVIEWS, Keycloak.token("national-admin")).status());
        String ct = Keycloak.token("ct-admin");
        assertEquals(0, matching(cases(ct, null), pid).size(), "Cần Thơ sees only its own cases");
        assertEquals(1, matching(cases(Keycloak.token("th-admin"), "OPEN"), pid).size(),
                "Thanh Hóa's case stays Thanh Hóa's");
    }

    @Test
    void anUnknownBirthProvinceIsSavedWithAWarningInTheCallersLanguageAndReviewed() {
        String pid = pid("999", '0', 1985);
        Http.Answer created = Http.post("/api/persons", Keycloak.token(STAFF_A), person("Lạc Văn Tỉnh " + tag(),
                "MALE", "1985-05-05", pid, villageA).build(), "vi");
        assertEquals(201, created.status(), created::toString);
        JsonArray warnings = created.json().getJsonArray("warnings");
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals("personalId.province", warnings.getJsonObject(0).getString("code"));
        assertEquals("Mã tỉnh 999 của số định danh không có trong danh sách nơi đăng ký khai sinh; hãy kiểm tra lại",
                warnings.getJsonObject(0).getString("message"));
        JsonObject c = only(cases(Keycloak.token("th-admin"), "OPEN"), pid);
        assertEquals("UNKNOWN_PREFIX", c.getString("kind"));
        assertEquals(id(created.json()), c.getJsonNumber("recordId").longValue());

        Http.Answer known = Http.post("/api/persons", Keycloak.token(STAFF_A), person("Lạc Văn Biết " + tag(),
                "MALE", "1985-05-05", pid("038", '0', 1985), villageA).build());
        assertEquals(0, known.json().getJsonArray("warnings").size(), known::toString);
    }

    @Test
    void theReviewsNumberAndAFutureBirthAreRefusedForEveryReasonByTheApiAndTheImportAlike() {
        String staffA = Keycloak.token(STAFF_A);
        Http.Answer api = Http.post("/api/persons", staffA, person("Hà Văn Sau", "MALE", "2027-05-01",
                "999123456789", villageA).build());
        assertEquals(400, api.status(), api::toString);
        List<String> apiErrors = codes(api.json().getJsonArray("errors"));
        assertEquals(List.of("birthDate:future", "personalId:personalId.sex", "personalId:personalId.year"),
                apiErrors);

        String csv = HEADER + "Hà Văn Sau,Nam,01/05/2027,999123456789," + COMMUNE_A + "-01\n"
                + "Hà Văn Ngắn,Nam,01/05/1990,12345," + COMMUNE_A + "-01\n";
        JsonObject report = Http.send(IMPORT + "?mode=preview", staffA, "text/csv", csv, "application/json").json();
        assertEquals(apiErrors, codes(row(report, 2).getJsonArray("errors")), "the import applies the same rules");
        assertEquals(List.of("personalId:personalId.length"), codes(row(report, 3).getJsonArray("errors")),
                "12345 is refused at its field");

        Http.Answer badDate = Http.post("/api/persons", staffA, person("Hà Văn Ngày", "MALE", "31/02/1990",
                pid("038", '0', 1990), villageA).build(), "vi");
        assertField(badDate, 400, "birthDate");
        assertEquals("date.format", badDate.error("birthDate").getString("code"));
        assertEquals("Ngày sinh phải là ngày theo dạng dd/MM/yyyy (hoặc yyyy-MM-dd), không phải “31/02/1990”",
                badDate.error("birthDate").getString("message"));
        Http.Answer dmy = Http.post("/api/persons", staffA, person("Hà Văn Ngày " + tag(), "MALE", "28/02/1990",
                pid("038", '0', 1990), villageA).build());
        assertEquals(201, dmy.status(), dmy::toString);
        assertEquals("1990-02-28", dmy.json().getString("birthDate"));
        Http.Answer badQuery = Http.send("/api/persons?bornFrom=yesterday", staffA, null, null, "application/json",
                "vi");
        assertField(badQuery, 400, "bornFrom");
        assertEquals("date.format", badQuery.error("bornFrom").getString("code"));
        assertTrue(badQuery.error("bornFrom").getString("message").contains("dd/MM/yyyy"), badQuery::toString);
    }

    private static List<String> codes(JsonArray errors) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            JsonObject e = errors.getJsonObject(i);
            list.add(e.getString("field") + ":" + e.getString("code", null));
        }
        return list;
    }

    private static JsonArray cases(String token, String status) {
        return page(REVIEWS + "?max=200" + (status == null ? "" : "&status=" + status), token).cases();
    }

    private static List<JsonObject> matching(JsonArray cases, String pid) {
        List<JsonObject> found = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (pid.equals(cases.getJsonObject(i).getString("personalId"))) {
                found.add(cases.getJsonObject(i));
            }
        }
        return found;
    }

    private static JsonObject only(JsonArray cases, String pid) {
        List<JsonObject> found = matching(cases, pid);
        assertEquals(1, found.size(), () -> "cases of " + pid + " in " + cases);
        return found.get(0);
    }

    private static JsonObject row(JsonObject report, int line) {
        JsonArray rows = report.getJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getJsonObject(i).getInt("line") == line) {
                return rows.getJsonObject(i);
            }
        }
        throw new AssertionError("no row for line " + line + " in " + report);
    }

    record Page(long total, JsonArray cases) {
    }

    private static Page page(String path, String token) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.APP + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            return new Page(Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow()),
                    Json.createReader(new StringReader(r.body())).readArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tag() {
        int n = SEQUENCE.incrementAndGet();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }
}
