package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.assertField;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
 * Households through the real API and real tokens: station staff keep the households of their communes (members,
 * moves with history, closing), bad input is refused naming the field, stale edits get 409, and nobody outside the
 * commune, the province or the roles reaches them. Communes 17401/17402 and their villages are this class's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HouseholdsIT {

    private static final String COMMUNE_A = "17401";
    private static final String COMMUNE_B = "17402";
    private static final String STAFF_A = "hh-staff-17401";
    private static final String CHAIR_A = "hh-chair-17401";
    private static final String STAFF_B = "hh-staff-17402";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 10_000L));

    private static boolean usersMade;
    private static long villageA1;
    private static long villageA2;
    private static long villageB1;
    private static long communeA;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        communeA = Units.ensure(th, COMMUNE_A, "Xã Hộ Thử A", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, "Xã Hộ Thử B", "COMMUNE", "xa", 1);
        villageA1 = Units.ensure(th, COMMUNE_A + "-01", "Thôn Đông", "VILLAGE", "thon", communeA);
        villageA2 = Units.ensure(th, COMMUNE_A + "-02", "Thôn Đoài", "VILLAGE", "thon", communeA);
        villageB1 = Units.ensure(th, COMMUNE_B + "-01", "Thôn Bắc", "VILLAGE", "thon", communeB);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            usersMade = true;
        }
    }

    @Test
    void stationStaffKeepAHouseholdAndItsMembers() {
        String staff = Keycloak.token(STAFF_A);
        String code = code();
        Http.Answer created = Http.post("/api/households", staff, household(code, villageA1, "Lê Văn Hòa")
                .add("address", "Số 12, xóm 3").add("phone", "0912 345 678").build());
        assertEquals(201, created.status(), created::toString);
        JsonObject h = created.json();
        long id = h.getJsonNumber("id").longValue();
        assertEquals(code, h.getString("code"));
        assertEquals(villageA1, h.getJsonNumber("villageId").longValue());
        assertEquals(COMMUNE_A, h.getString("communeCode"));
        assertEquals("0912345678", h.getString("phone"));
        assertEquals(0, h.getJsonArray("members").size());

        Http.Answer head = Http.post("/api/households/" + id + "/members", staff, member("Lê Văn Hòa", "MALE",
                "1970-03-04", "HEAD").add("personalId", "038070123456").build());
        assertEquals(201, head.status(), head::toString);
        Http.Answer child = Http.post("/api/households/" + id + "/members", staff,
                member("Lê Thị Mai", "FEMALE", "2001-05-06", "CHILD").build());
        assertEquals(201, child.status(), child::toString);
        long childId = child.json().getJsonNumber("id").longValue();

        Http.Answer corrected = Http.put("/api/households/" + id + "/members/" + childId, staff,
                member("Lê Thị Mai Anh", "FEMALE", "2001-05-07", "CHILD").add("version", 0).build());
        assertEquals(200, corrected.status(), corrected::toString);
        assertEquals("Lê Thị Mai Anh", corrected.json().getString("fullName"));
        Http.Answer staleMember = Http.put("/api/households/" + id + "/members/" + childId, staff,
                member("Lê Thị Mai", "FEMALE", "2001-05-07", "CHILD").add("version", 0).build());
        assertEquals(409, staleMember.status(), staleMember::toString);
        assertEquals("version", staleMember.json().getString("field"));

        Http.Answer left = Http.post("/api/households/" + id + "/members/" + childId + "/leave", staff,
                Json.createObjectBuilder().add("date", "2025-10-01").add("reason", "Lấy chồng, chuyển đi").build());
        assertEquals(200, left.status(), left::toString);
        assertEquals("2025-10-01", left.json().getString("leftOn"));
        Http.Answer leftAgain = Http.post("/api/households/" + id + "/members/" + childId + "/leave", staff,
                Json.createObjectBuilder().add("reason", "again").build());
        assertEquals(409, leftAgain.status(), leftAgain::toString);

        JsonObject read = Http.get("/api/households/" + id, staff).json();
        assertEquals(2, read.getJsonArray("members").size(), "a member who left stays on record");
        assertEquals(1, read.getInt("memberCount"));
        JsonArray listed = Http.get("/api/households?village=" + villageA1 + "&q=" + code, staff).jsonArray();
        assertEquals(1, listed.size(), listed::toString);
        assertEquals(1, listed.getJsonObject(0).getInt("memberCount"));

        Http.Answer edited = Http.put("/api/households/" + id, staff, household(code, villageA1, "Lê Văn Hòa")
                .add("address", "Số 14, xóm 3").add("notes", "Nhà có người cao tuổi").add("version", 0).build());
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Số 14, xóm 3", edited.json().getString("address"));
        assertEquals(1, edited.json().getInt("version"));
        Http.Answer stale = Http.put("/api/households/" + id, staff, household(code, villageA1, "Lê Văn Khác")
                .add("version", 0).build());
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("version", stale.json().getString("field"));
        Http.Answer noVersion = Http.put("/api/households/" + id, staff, household(code, villageA1, "X").build());
        assertEquals(400, noVersion.status(), noVersion::toString);
        assertEquals("version", noVersion.json().getString("field"));

        Http.Answer closed = Http.post("/api/households/" + id + "/close", staff, Json.createObjectBuilder()
                .add("date", "2025-11-01").add("reason", "Cả hộ chuyển vào Nam").add("version", 1).build());
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("2025-11-01", closed.json().getString("closedOn"));
        Http.Answer afterClose = Http.post("/api/households/" + id + "/members", staff,
                member("Lê Văn Mới", "MALE", "2020-01-01", "GRANDCHILD").build());
        assertEquals(409, afterClose.status(), "a closed household is history: " + afterClose);
        assertFalse(Http.get("/api/households?q=" + code, staff).body().contains(code));
        assertTrue(Http.get("/api/households?closed=true&q=" + code, staff).body().contains(code));
        assertEquals(200, Http.get("/api/households/" + id, staff).status(), "closed, never deleted");
    }

    @Test
    void aMoveChangesTheVillageAndKeepsItsHistory() {
        String staff = Keycloak.token(STAFF_A);
        long id = create(staff, code(), villageA1, "Phạm Thị Lan");
        Http.Answer moved = Http.post("/api/households/" + id + "/move", staff, Json.createObjectBuilder()
                .add("villageId", villageA2).add("date", "2025-09-15").add("reason", "Làm nhà mới")
                .add("version", 0).build());
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(villageA2, moved.json().getJsonNumber("villageId").longValue());
        int version = moved.json().getInt("version");

        JsonArray moves = Http.get("/api/households/" + id + "/moves", staff).jsonArray();
        assertEquals(1, moves.size(), moves::toString);
        JsonObject move = moves.getJsonObject(0);
        assertEquals(villageA1, move.getJsonNumber("fromVillageId").longValue());
        assertEquals(villageA2, move.getJsonNumber("toVillageId").longValue());
        assertEquals("2025-09-15", move.getString("date"));
        assertEquals("Làm nhà mới", move.getString("reason"));
        assertEquals(STAFF_A, move.getString("recordedBy"));
        assertTrue(Http.get("/api/households?village=" + villageA2, staff).body().contains("\"id\":" + id));
        assertFalse(Http.get("/api/households?village=" + villageA1, staff).body().contains("\"id\":" + id));

        Http.Answer same = Http.post("/api/households/" + id + "/move", staff, Json.createObjectBuilder()
                .add("villageId", villageA2).add("reason", "x").add("version", version).build());
        assertEquals(400, same.status(), same::toString);
        assertEquals("villageId", same.json().getString("field"));
        Http.Answer noReason = Http.post("/api/households/" + id + "/move", staff, Json.createObjectBuilder()
                .add("villageId", villageA1).add("version", version).build());
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().getString("field"));
        Http.Answer stale = Http.post("/api/households/" + id + "/move", staff, Json.createObjectBuilder()
                .add("villageId", villageA1).add("reason", "x").add("version", version - 1).build());
        assertEquals(409, stale.status(), stale::toString);
        Http.Answer viaEdit = Http.put("/api/households/" + id, staff, household(code(), villageA1, "Phạm Thị Lan")
                .add("version", version).build());
        assertEquals(400, viaEdit.status(), "a village changes by a move only: " + viaEdit);
        assertEquals("villageId", viaEdit.json().getString("field"));
        assertEquals(1, Http.get("/api/households/" + id + "/moves", staff).jsonArray().size());
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        String staff = Keycloak.token(STAFF_A);
        assertField(Http.post("/api/households", staff, household(code(), 987_654_321L, "A").build()), 400,
                "villageId");
        assertField(Http.post("/api/households", staff, household(code(), villageB1, "A").build()), 400,
                "villageId");
        assertField(Http.post("/api/households", staff, household(code(), communeA, "A").build()), 400,
                "villageId");
        assertField(Http.post("/api/households", staff, household("HỘ 01", villageA1, "A").build()), 400, "code");
        assertField(Http.post("/api/households", staff, household("A".repeat(21), villageA1, "A").build()), 400,
                "code");
        assertField(Http.post("/api/households", staff, household(code(), villageA1, " ").build()), 400,
                "headName");
        assertField(Http.post("/api/households", staff, household(code(), villageA1, "A").add("phone", "12345")
                .build()), 400, "phone");
        String code = code();
        create(staff, code, villageA1, "Đỗ Văn Một");
        assertField(Http.post("/api/households", staff, household(code, villageA1, "Đỗ Văn Hai").build()), 409,
                "code");

        long id = create(staff, code(), villageA1, "Trịnh Văn Ba");
        String members = "/api/households/" + id + "/members";
        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertField(Http.post(members, staff, member("Trịnh Văn Con", "MALE", tomorrow, "CHILD").build()), 400,
                "birthDate");
        assertField(Http.post(members, staff, member("Trịnh Văn Con", "MALE", "2010-01-01", "CHILD")
                .add("personalId", "03801012345").build()), 400, "personalId");
        assertField(Http.post(members, staff, member("Trịnh Văn Con", "MALE", "2010-01-01", "CHILD")
                .add("personalId", "03801012345X").build()), 400, "personalId");
        assertField(Http.post(members, staff, member("Trịnh Văn Con", "MALE", "2010-01-01", "CHILD")
                .add("personalId", "038010123456").build()), 400, "personalId"); // 1900s digit, born 2010
        assertField(Http.post(members, staff, member("Trịnh Văn Con", "BOY", "2010-01-01", "CHILD").build()), 400,
                "sex");
        assertField(Http.post(members, staff, member("Trịnh Văn Con", "MALE", "2010-01-01", "COUSIN").build()),
                400, "relation");
        assertField(Http.post(members, staff, member("", "MALE", "2010-01-01", "CHILD").build()), 400, "fullName");
        assertEquals(0, Http.get("/api/households/" + id, staff).json().getJsonArray("members").size(),
                "refused members are not stored");
        assertEquals(404, Http.get("/api/households/987654321", staff).status());
        assertEquals(404, Http.put(members + "/987654321", staff, member("A", "MALE", "2010-01-01", "CHILD")
                .add("version", 0).build()).status());
    }

    @Test
    void searchIgnoresDiacritics() {
        String staff = Keycloak.token(STAFF_A);
        int n = SEQUENCE.incrementAndGet();
        String head = "Nguyễn Văn Đường " + n;
        long id = create(staff, code(), villageA2, head);
        long other = create(staff, code(), villageA2, "Trần Thị Hường " + n);

        JsonArray found = Http.get("/api/households?q=nguyen%20van%20duong%20" + n, staff).jsonArray();
        assertEquals(1, found.size(), found::toString);
        assertEquals(id, found.getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(head, found.getJsonObject(0).getString("headName"));
        String byPrefix = Http.get("/api/households?max=500&q=nguyen%20van", staff).body();
        assertTrue(byPrefix.contains(head), byPrefix);
        assertFalse(byPrefix.contains("Trần Thị Hường " + n), byPrefix);
        String byCommune = Http.get("/api/households?max=500&commune=" + communeA, staff).body();
        assertTrue(byCommune.contains("\"id\":" + other), byCommune);
        assertEquals(400, Http.get("/api/households?max=0", staff).status());
    }

    @Test
    void communeScopedUsersReachOnlyTheirCommunes() {
        String staffA = Keycloak.token(STAFF_A);
        String staffB = Keycloak.token(STAFF_B);
        String chairA = Keycloak.token(CHAIR_A);
        String code = code();
        long id = create(staffA, code, villageA1, "Hoàng Văn Phạm Vi");
        long idB = create(staffB, code(), villageB1, "Vũ Thị Bên Kia");
        String base = "/api/households/" + id;

        assertEquals(404, Http.get(base, staffB).status());
        assertEquals(404, Http.get(base + "/moves", staffB).status());
        assertEquals(404, Http.put(base, staffB, household(code, villageA1, "X").add("version", 0).build())
                .status());
        assertEquals(404, Http.post(base + "/members", staffB, member("X", "MALE", "2000-01-01", "CHILD").build())
                .status());
        assertEquals(404, Http.post(base + "/move", staffB, Json.createObjectBuilder().add("villageId", villageB1)
                .add("reason", "x").add("version", 0).build()).status());
        assertEquals(404, Http.post(base + "/close", staffB, Json.createObjectBuilder().add("reason", "x")
                .add("version", 0).build()).status());
        assertFalse(Http.get("/api/households?max=500", staffB).body().contains(code));
        assertFalse(Http.get("/api/households?max=500&village=" + villageA1, staffB).body().contains(code));
        assertEquals(404, Http.get("/api/households/" + idB, staffA).status());

        Http.Answer intoB = Http.post(base + "/move", staffA, Json.createObjectBuilder().add("villageId", villageB1)
                .add("reason", "x").add("version", 0).build());
        assertField(intoB, 400, "villageId");
        assertEquals(villageA1, Http.get(base, staffA).json().getJsonNumber("villageId").longValue());

        assertEquals(200, Http.get(base, chairA).status());
        assertTrue(Http.get("/api/households?max=500", chairA).body().contains(code));
        assertEquals(404, Http.get("/api/households/" + idB, chairA).status());
        assertEquals(403, Http.post("/api/households", chairA, household(code(), villageA1, "X").build())
                .status());
        assertEquals(403, Http.put(base, chairA, household(code, villageA1, "X").add("version", 0).build())
                .status());
        assertEquals(403, Http.post(base + "/members", chairA, member("X", "MALE", "2000-01-01", "CHILD").build())
                .status());
        assertEquals(403, Http.post(base + "/move", chairA, Json.createObjectBuilder().add("villageId", villageA2)
                .add("reason", "x").add("version", 0).build()).status());
        assertEquals(403, Http.post(base + "/close", chairA, Json.createObjectBuilder().add("reason", "x")
                .add("version", 0).build()).status());
        assertEquals(0, Http.get(base, staffA).json().getInt("version"), "refused calls changed nothing");
    }

    @Test
    void otherProvincesAndTheNationalAdministratorSeeNothing() {
        String staff = Keycloak.token(STAFF_A);
        String code = code();
        long id = create(staff, code, villageA1, "Bùi Văn Riêng");

        String th = Keycloak.token("th-admin");
        assertEquals(200, Http.get("/api/households/" + id, th).status(), "the province administrator reads");
        assertTrue(Http.get("/api/households?max=500&q=" + code, th).body().contains(code));
        assertEquals(403, Http.post("/api/households", th, household(code(), villageA1, "X").build()).status(),
                "province administrators read households only");

        String ct = Keycloak.token("ct-admin");
        assertEquals(404, Http.get("/api/households/" + id, ct).status());
        assertEquals(404, Http.get("/api/households/" + id + "/moves", ct).status());
        String ctList = Http.get("/api/households?max=500", ct).body();
        assertFalse(ctList.contains(code), ctList);
        assertFalse(Http.get("/api/households?max=500&q=" + code + "&tenant=38", ct).body().contains(code));

        String national = Keycloak.token("national-admin");
        Http.Answer list = Http.get("/api/households", national);
        assertEquals(403, list.status(), list::toString);
        assertTrue(list.isProblem());
        assertEquals(403, Http.get("/api/households/" + id, national).status());
    }

    @Test
    void theHouseholdsScreenListsTheCommunesHouseholds() {
        String staff = Keycloak.token(STAFF_A);
        String code = code();
        create(staff, code, villageA1, "Ngô Thị Màn Hình");
        Http.Answer page = Http.get("/province/households.xhtml", staff);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(code) && page.body().contains("Ngô Thị Màn Hình"), page.body());
        assertTrue(page.body().contains("Hộ gia đình"), "Vietnamese by default");
        String other = Http.get("/province/households.xhtml", Keycloak.token(STAFF_B)).body();
        assertFalse(other.contains(code), "another commune's staff do not see it");
    }


    private static String code() {
        return "HT-" + SEQUENCE.incrementAndGet() + "-" + Math.floorMod(System.nanoTime(), 100_000L);
    }

    private static long create(String token, String code, long village, String head) {
        Http.Answer created = Http.post("/api/households", token, household(code, village, head).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static JsonObjectBuilder household(String code, long village, String head) {
        return Json.createObjectBuilder().add("code", code).add("villageId", village).add("headName", head);
    }

    private static JsonObjectBuilder member(String name, String sex, String birthDate, String relation) {
        return Json.createObjectBuilder().add("fullName", name).add("sex", sex).add("birthDate", birthDate)
                .add("relation", relation);
    }

}
