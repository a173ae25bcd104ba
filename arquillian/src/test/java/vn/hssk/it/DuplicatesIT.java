package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.assertField;
import static vn.hssk.it.People.id;
import static vn.hssk.it.People.person;
import static vn.hssk.it.People.pid;
import static vn.hssk.it.People.register;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Possible duplicates and merges through the real API: pairs by folded name and date of birth in one commune or by
 * BHYT number, judged distinct, merged with every part row moved and the duplicate's ID released, undone exactly,
 * audited, and refused outside the caller's scope. Communes 17710/17711 and their villages are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DuplicatesIT {

    private static final String COMMUNE_A = "17710";
    private static final String COMMUNE_B = "17711";
    private static final String STAFF_A = "dp-staff-17710";
    private static final String CHAIR_A = "dp-chair-17710";
    private static final String STAFF_B = "dp-staff-17711";
    /** Station staff of Cần Thơ whose token names the same commune code as STAFF_A's. */
    private static final String STAFF_OTHER_PROVINCE = "dp-staff-92-17710";
    private static final AtomicInteger NAMES = new AtomicInteger((int) (System.nanoTime() % 9_000));
    private static final List<String> GIVEN = List.of("Tèo", "Tí", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi",
            "Thân", "Dậu", "Tuất", "Hợi");

    private static boolean usersMade;
    private static long villageA1;
    private static long villageA2;
    private static long villageB1;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = Units.commune(th, COMMUNE_A, "Xã Trùng A");
        long communeB = Units.commune(th, COMMUNE_B, "Xã Trùng B");
        villageA1 = Units.village(th, COMMUNE_A + "-01", "Thôn Một", communeA);
        villageA2 = Units.village(th, COMMUNE_A + "-02", "Thôn Hai", communeA);
        villageB1 = Units.village(th, COMMUNE_B + "-01", "Thôn Ba", communeB);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_OTHER_PROVINCE, "station-staff", "92", List.of(COMMUNE_A));
            usersMade = true;
        }
    }

    @Test
    void pairsBySameFoldedNameAndBirthInOneCommuneOrSameBhytAreListedInScope() {
        String staffA = Keycloak.token(STAFF_A);
        String staffB = Keycloak.token(STAFF_B);
        String name = uniqueName();
        long a = id(register(staffA, person(name, "MALE", "1980-03-04", pid("038", '0', 1980), villageA1)
                .add("bhytNumber", bhyt())));
        long b = id(register(staffA, person(fold(name).toUpperCase(), "MALE", "1980-03-04",
                pid("038", '0', 1980), villageA2)));
        long otherCommune = id(register(staffB, person(name, "MALE", "1980-03-04", pid("038", '0', 1980),
                villageB1)));
        String card = bhyt();
        long c = id(register(staffA, person(uniqueName(), "FEMALE", "1991-01-01", pid("038", '1', 1991), villageA1)
                .add("bhytNumber", card)));
        long d = id(register(staffB, person(uniqueName(), "FEMALE", "1992-02-02", pid("038", '1', 1992), villageB1)
                .add("bhytNumber", card)));

        JsonArray forA = candidates(staffA);
        assertEquals(List.of("NAME_BIRTH"), reasons(forA, a, b).orElseThrow(() -> new AssertionError(forA)));
        assertTrue(reasons(forA, a, otherCommune).isEmpty(), "same name and birth in another commune is no pair");
        assertTrue(reasons(forA, c, d).isEmpty(), "a pair with a record of another commune stays hidden");
        assertTrue(reasons(candidates(staffB), a, b).isEmpty());

        JsonArray forProvince = candidates(Keycloak.token("th-admin"));
        assertEquals(List.of("BHYT"), reasons(forProvince, c, d).orElseThrow());
        assertEquals(List.of("NAME_BIRTH"), reasons(forProvince, a, b).orElseThrow());
        assertEquals(403, Http.get("/api/duplicates", Keycloak.token("national-admin")).status());
        assertTrue(reasons(candidates(Keycloak.token("ct-admin")), a, b).isEmpty(), "other province sees nothing");
    }

    @Test
    void aPairJudgedDistinctIsNotListedAgain() {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        long a = id(register(staff, person(name, "FEMALE", "2001-05-06", pid("038", '3', 2001), villageA1)));
        long b = id(register(staff, person(name, "FEMALE", "2001-05-06", pid("038", '3', 2001), villageA1)));
        assertTrue(reasons(candidates(staff), a, b).isPresent());

        assertEquals(404, Http.post("/api/duplicates/distinct", Keycloak.token(STAFF_B), Json.createObjectBuilder()
                .add("firstId", a).add("secondId", b).build()).status(), "other commune");
        assertEquals(403, Http.post("/api/duplicates/distinct", Keycloak.token(CHAIR_A), Json.createObjectBuilder()
                .add("firstId", a).add("secondId", b).build()).status(), "chairs read, staff decide");
        Http.Answer judged = Http.post("/api/duplicates/distinct", staff, Json.createObjectBuilder()
                .add("firstId", b).add("secondId", a).add("note", "Hai chị em sinh đôi").build());
        assertEquals(204, judged.status(), judged::toString);
        assertTrue(reasons(candidates(staff), a, b).isEmpty());
        assertField(Http.post("/api/duplicates/distinct", staff, Json.createObjectBuilder()
                .add("firstId", a).add("secondId", b).build()), 409, "second");
        assertField(Http.post("/api/duplicates/distinct", staff, Json.createObjectBuilder()
                .add("firstId", a).build()), 400, "secondId");
    }

    @Test
    void aMergeKeepsEveryPartMovesTheRowsAndItsUndoPutsAllBack() throws SQLException {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        String survivorPid = pid("038", '0', 1975);
        String duplicatePid = pid("038", '0', 1975);
        long survivor = id(register(staff, person(name, "MALE", "1975-09-09", survivorPid, villageA1)));
        String card = bhyt();
        long duplicate = id(register(staff, person(name, "MALE", "1975-09-09", duplicatePid, villageA1)
                .add("bhytNumber", card).add("ethnicity", "Kinh").add("phone", "0912000111")));
        long memberRow = householdMemberOf(staff, duplicate, name);

        JsonObject preview = Http.get("/api/duplicates/preview?survivor=" + survivor + "&merged=" + duplicate,
                staff).json();
        JsonObject bhytField = field(preview, "bhytNumber");
        assertTrue(bhytField.getBoolean("differs"));
        assertTrue(bhytField.getBoolean("takeMergedByDefault"), "the survivor has none: take the duplicate's");
        assertFalse(field(preview, "personalId").getBoolean("takeMergedByDefault"));
        assertEquals(1, preview.getJsonObject("mergedParts").getInt("household_member"), preview::toString);

        Http.Answer merged = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate).add("reason", "Đăng ký hai lần").build());
        assertEquals(201, merged.status(), merged::toString);
        long mergeId = id(merged.json());
        JsonObject kept = merged.json().getJsonObject("survivor");
        assertEquals(survivorPid, kept.getString("personalId"));
        assertEquals(card, kept.getString("bhytNumber"));
        assertEquals("Kinh", kept.getString("ethnicity"));
        assertEquals("0912000111", kept.getString("phone"));
        assertTrue(kept.getBoolean("recordCreated"), "with ethnicity the record now counts as created");
        assertEquals(1, merged.json().getJsonObject("movedRows").getInt("household_member"));
        assertEquals(survivor, memberPerson(memberRow), "the member row now points at the survivor");

        JsonObject gone = Http.get("/api/persons/" + duplicate, staff).json();
        assertTrue(gone.getBoolean("voided"));
        assertEquals(survivor, gone.getJsonNumber("mergedIntoId").longValue());
        assertTrue(!gone.containsKey("personalId") || gone.isNull("personalId"), "the ID is released: " + gone);
        assertEquals(0, Http.get("/api/persons?q=" + duplicatePid, staff).jsonArray().size());
        assertTrue(reasons(candidates(staff), survivor, duplicate).isEmpty(), "a merged pair is no longer listed");
        JsonArray audit = Http.get("/api/audit?person=" + survivor, Keycloak.token("th-admin")).jsonArray();
        assertTrue(audit.getValuesAs(JsonObject.class).stream().anyMatch(e -> "MERGE".equals(e.getString("action"))
                && ("merge " + mergeId).equals(e.getString("context"))), audit::toString);

        JsonArray merges = Http.get("/api/duplicates/merges?person=" + duplicate, staff).jsonArray();
        assertEquals(mergeId, id(merges.getJsonObject(0)));

        Http.Answer undone = Http.post("/api/duplicates/merges/" + mergeId + "/undo", staff,
                Json.createObjectBuilder().build());
        assertEquals(200, undone.status(), undone::toString);
        JsonObject back = Http.get("/api/persons/" + duplicate, staff).json();
        assertFalse(back.getBoolean("voided"));
        assertEquals(duplicatePid, back.getString("personalId"));
        assertEquals(card, back.getString("bhytNumber"));
        JsonObject survivorAgain = Http.get("/api/persons/" + survivor, staff).json();
        assertFalse(survivorAgain.containsKey("bhytNumber") && !survivorAgain.isNull("bhytNumber"),
                survivorAgain::toString);
        assertFalse(survivorAgain.getBoolean("recordCreated"));
        assertEquals(duplicate, memberPerson(memberRow), "the moved row went back");
        assertField(Http.post("/api/duplicates/merges/" + mergeId + "/undo", staff,
                Json.createObjectBuilder().build()), 409, "mergeId");
        JsonArray duplicateAudit = Http.get("/api/audit?person=" + duplicate, Keycloak.token("th-admin")).jsonArray();
        assertTrue(duplicateAudit.getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> "UNMERGE".equals(e.getString("action"))), duplicateAudit::toString);
    }

    @Test
    void theDuplicatesVisitsFollowItIntoTheSurvivorAndGoBackOnUndo() {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        long survivor = id(register(staff, person(name, "FEMALE", "1982-08-08", pid("038", '1', 1982), villageA1)));
        long duplicate = id(register(staff, person(name, "FEMALE", "1982-08-08", pid("038", '1', 1982), villageA1)));
        Http.Answer visit = Http.post("/api/persons/" + duplicate + "/visits", staff, Json.createObjectBuilder()
                .add("visitDate", "2025-03-01").add("reason", "Khám định kỳ").add("heightCm", 155)
                .add("weightKg", 50).build());
        assertEquals(201, visit.status(), visit::toString);
        long visitId = id(visit.json());

        Http.Answer merged = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate).build());
        assertEquals(201, merged.status(), merged::toString);
        assertEquals(1, merged.json().getJsonObject("movedRows").getInt("visit"), merged::toString);
        assertTrue(visitIds(staff, survivor).contains(visitId), "the visit is now the survivor's");
        assertTrue(visitIds(staff, duplicate).isEmpty());

        Http.Answer undone = Http.post("/api/duplicates/merges/" + id(merged.json()) + "/undo", staff,
                Json.createObjectBuilder().build());
        assertEquals(200, undone.status(), undone::toString);
        assertEquals(List.of(visitId), visitIds(staff, duplicate));
        assertFalse(visitIds(staff, survivor).contains(visitId));
    }

    @Test
    void theSameDoseOnBothRecordsBlocksTheMergeUntilOneIsVoided() {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        LocalDate born = Epi.today().minusMonths(3);
        long survivor = id(register(staff, person(name, "MALE", born.toString(), null, villageA1)));
        long duplicate = id(register(staff, person(name, "MALE", born.toString(), null, villageA1)));
        Http.Answer kept = Http.post("/api/persons/" + survivor + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(1)).build());
        assertEquals(201, kept.status(), kept::toString);
        Http.Answer twice = Http.post("/api/persons/" + duplicate + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(2)).build());
        assertEquals(201, twice.status(), twice::toString);
        long twiceId = id(twice.json());

        JsonObject preview = Http.get("/api/duplicates/preview?survivor=" + survivor + "&merged=" + duplicate,
                staff).json();
        JsonArray conflicts = preview.getJsonArray("conflicts");
        assertEquals(1, conflicts.size(), preview::toString);
        assertEquals("immunization", conflicts.getJsonObject(0).getString("table"));
        assertEquals(id(kept.json()), conflicts.getJsonObject(0).getJsonNumber("survivorRowId").longValue());
        assertEquals(twiceId, conflicts.getJsonObject(0).getJsonNumber("mergedRowId").longValue());

        JsonObject body = Json.createObjectBuilder().add("survivorId", survivor).add("mergedId", duplicate).build();
        Http.Answer refused = Http.post("/api/duplicates/merges", staff, body);
        assertField(refused, 409, "mergedId");
        assertTrue(refused.body().contains("dose (part C)"), refused::toString);
        Http.Answer refusedVi = Http.post("/api/duplicates/merges", staff, body, "vi");
        assertTrue(refusedVi.body().contains("mũi tiêm"), refusedVi::toString);
        assertEquals(1, doses(staff, duplicate), "a refused merge moves nothing");

        assertEquals(200, Http.post("/api/persons/" + duplicate + "/immunizations/" + twiceId + "/void", staff,
                Json.createObjectBuilder().add("reason", "Ghi trùng với hồ sơ " + survivor).build()).status());
        assertEquals(0, Http.get("/api/duplicates/preview?survivor=" + survivor + "&merged=" + duplicate, staff)
                .json().getJsonArray("conflicts").size());
        Http.Answer merged = Http.post("/api/duplicates/merges", staff, body);
        assertEquals(201, merged.status(), merged::toString);
        assertEquals(1, merged.json().getJsonObject("movedRows").getInt("immunization"), merged::toString);
    }

    private static int doses(String token, long person) {
        return Http.get("/api/persons/" + person + "/immunizations", token).jsonArray().size();
    }

    private static List<Long> visitIds(String token, long person) {
        Http.Answer visits = Http.get("/api/persons/" + person + "/visits", token);
        assertEquals(200, visits.status(), visits::toString);
        return visits.jsonArray().getValuesAs(JsonObject.class).stream().map(People::id).toList();
    }

    @Test
    void theSurvivorMayTakeTheDuplicatesPersonalId() {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        String wrongPid = pid("038", '1', 1988);
        String rightPid = pid("038", '1', 1988);
        long survivor = id(register(staff, person(name, "FEMALE", "1988-12-01", wrongPid, villageA1)
                .add("ethnicity", "Mường")));
        long duplicate = id(register(staff, person(name, "FEMALE", "1988-12-01", rightPid, villageA2)));
        Http.Answer merged = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate)
                .add("takeFromMerged", Json.createArrayBuilder().add("personalId").add("villageId")).build());
        assertEquals(201, merged.status(), merged::toString);
        JsonObject kept = merged.json().getJsonObject("survivor");
        assertEquals(rightPid, kept.getString("personalId"));
        assertEquals(villageA2, kept.getJsonNumber("villageId").longValue());
        assertEquals("Mường", kept.getString("ethnicity"));
        assertEquals(survivor, id(Http.get("/api/persons?q=" + rightPid, staff).jsonArray().getJsonObject(0)));

        Http.Answer undone = Http.post("/api/duplicates/merges/" + id(merged.json()) + "/undo", staff,
                Json.createObjectBuilder().build());
        assertEquals(200, undone.status(), undone::toString);
        assertEquals(wrongPid, Http.get("/api/persons/" + survivor, staff).json().getString("personalId"));
        assertEquals(rightPid, Http.get("/api/persons/" + duplicate, staff).json().getString("personalId"));
    }

    @Test
    void undoIsRefusedOnceTheSurvivorChangedAndBadMergesNameTheirField() {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        long survivor = id(register(staff, person(name, "MALE", "1966-06-06", pid("038", '0', 1966), villageA1)));
        long duplicate = id(register(staff, person(name, "MALE", "1966-06-06", pid("038", '0', 1966), villageA1)));

        Http.Answer intoItself = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", survivor).build());
        assertField(intoItself, 400, "mergedId");
        assertEquals("A record cannot be merged into itself", intoItself.error("mergedId").getString("message"));
        Http.Answer intoItselfVi = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", survivor).build(), "vi");
        assertEquals("Không thể gộp một hồ sơ vào chính nó", intoItselfVi.error("mergedId").getString("message"));
        assertEquals("merge.self", intoItselfVi.error("mergedId").getString("code"));
        assertEquals("Không thể gộp một hồ sơ vào chính nó", intoItselfVi.json().getString("detail"));
        assertField(Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate)
                .add("takeFromMerged", Json.createArrayBuilder().add("shoeSize")).build()), 400, "takeFromMerged");
        assertField(Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate).add("survivorVersion", 99).build()),
                409, "survivorVersion");
        assertField(Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("mergedId", duplicate).build()), 400, "survivorId");

        Http.Answer merged = Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate).build());
        assertEquals(201, merged.status(), merged::toString);
        assertField(Http.post("/api/duplicates/merges", staff, Json.createObjectBuilder()
                .add("survivorId", survivor).add("mergedId", duplicate).build()), 409, "mergedId");
        JsonObject now = Http.get("/api/persons/" + survivor, staff).json();
        Http.Answer corrected = Http.put("/api/persons/" + survivor, staff, person(name, "MALE", "1966-06-06",
                now.getString("personalId"), villageA1).add("occupation", "Ngư dân")
                .add("version", now.getInt("version")).build());
        assertEquals(200, corrected.status(), corrected::toString);
        assertField(Http.post("/api/duplicates/merges/" + id(merged.json()) + "/undo", staff,
                Json.createObjectBuilder().build()), 409, "mergeId");
    }

    @Test
    void mergesAreRefusedOutsideTheCallersScope() {
        String staff = Keycloak.token(STAFF_A);
        String name = uniqueName();
        long a = id(register(staff, person(name, "MALE", "1955-01-01", pid("038", '0', 1955), villageA1)));
        long b = id(register(staff, person(name, "MALE", "1955-01-01", pid("038", '0', 1955), villageA1)));
        String body = "survivor=" + a + "&merged=" + b;
        assertEquals(404, Http.get("/api/duplicates/preview?" + body, Keycloak.token(STAFF_B)).status());
        assertEquals(404, Http.get("/api/duplicates/preview?" + body, Keycloak.token("ct-admin")).status());
        assertEquals(403, Http.get("/api/duplicates/preview?" + body, Keycloak.token("national-admin")).status());
        assertEquals(200, Http.get("/api/duplicates/preview?" + body, Keycloak.token(CHAIR_A)).status());
        JsonObject merge = Json.createObjectBuilder().add("survivorId", a).add("mergedId", b).build();
        assertEquals(404, Http.post("/api/duplicates/merges", Keycloak.token(STAFF_B), merge).status());
        assertEquals(403, Http.post("/api/duplicates/merges", Keycloak.token(CHAIR_A), merge).status());
        assertEquals(403, Http.post("/api/duplicates/merges", Keycloak.token("th-admin"), merge).status());
        assertEquals(404, Http.get("/api/duplicates/merges?person=" + a, Keycloak.token(STAFF_B)).status());
        Http.Answer done = Http.post("/api/duplicates/merges", staff, merge);
        assertEquals(201, done.status(), done::toString);
        long mergeId = id(done.json());
        assertEquals(404, Http.post("/api/duplicates/merges/" + mergeId + "/undo", Keycloak.token(STAFF_B),
                Json.createObjectBuilder().build()).status());
        String otherProvince = Keycloak.token(STAFF_OTHER_PROVINCE);
        assertEquals(404, Http.post("/api/duplicates/merges/" + mergeId + "/undo", otherProvince,
                Json.createObjectBuilder().build()).status(), "merge ids of another province do not resolve");
        assertEquals(404, Http.get("/api/duplicates/preview?" + body, otherProvince).status());
        assertEquals(404, Http.post("/api/duplicates/merges", otherProvince, merge).status());
        assertFalse(Http.get("/api/persons/" + b, staff).json().isNull("mergedIntoId"), "still merged");
    }

    /**
     * The candidate table follows every kind of write: a name corrected, a record moved to another commune, a record
     * voided, a village moved to another commune; and at the end it holds exactly the pairs the rule defines over the
     * whole province (computed here from every pair, as the list did before the table).
     */
    @Test
    void theCandidateTableFollowsEveryWriteAndAgreesWithTheRule() throws SQLException {
        String staffA = Keycloak.token(STAFF_A);
        String admin = Keycloak.token("th-admin");
        String name = uniqueName();
        long a = id(register(staffA, person(name, "MALE", "1970-07-07", pid("038", '0', 1970), villageA1)));
        long b = id(register(staffA, person(name, "MALE", "1970-07-07", pid("038", '0', 1970), villageA2)));
        assertTrue(reasons(candidates(staffA), a, b).isPresent());

        JsonObject current = Http.get("/api/persons/" + b, staffA).json();
        String bPid = current.getString("personalId");
        Http.Answer renamed = Http.put("/api/persons/" + b, staffA, person(name + " Hai", "MALE", "1970-07-07", bPid,
                villageA2).add("version", current.getInt("version")).build());
        assertEquals(200, renamed.status(), renamed::toString);
        assertTrue(reasons(candidates(staffA), a, b).isEmpty(), "another name: no longer a pair");

        String card = bhyt();
        long c = id(register(staffA, person(uniqueName(), "FEMALE", "1993-03-03", pid("038", '1', 1993), villageA1)
                .add("bhytNumber", card)));
        long d = id(register(Keycloak.token(STAFF_B), person(uniqueName(), "FEMALE", "1994-04-04",
                pid("038", '1', 1994), villageB1).add("bhytNumber", card)));
        assertEquals(List.of("BHYT"), stored(c, d), "same card in two communes");
        assertEquals(200, Http.post("/api/persons/" + d + "/void", Keycloak.token(STAFF_B), Json.createObjectBuilder()
                .add("reason", "Nhập trùng").build()).status());
        assertEquals(List.of(), stored(c, d), "a voided record pairs with nobody");

        long communeA = Units.commune(admin, COMMUNE_A, "Xã Trùng A");
        long communeB = Units.commune(admin, COMMUNE_B, "Xã Trùng B");
        String code = COMMUNE_A + "-M" + letters(NAMES.incrementAndGet());
        long moving = Units.village(admin, code, "Thôn Chuyển " + code, communeA);
        String twin = uniqueName();
        long e = id(register(staffA, person(twin, "FEMALE", "1988-08-08", pid("038", '1', 1988), villageA1)));
        long f = id(register(staffA, person(twin, "FEMALE", "1988-08-08", pid("038", '1', 1988), moving)));
        long g = id(register(Keycloak.token(STAFF_B), person(twin, "FEMALE", "1988-08-08", pid("038", '1', 1988),
                villageB1)));
        assertTrue(reasons(candidates(staffA), e, f).isPresent());
        JsonObject village = Http.get("/api/units/" + moving, admin).json();
        Http.Answer moved = Http.put("/api/units/" + moving, admin, Json.createObjectBuilder()
                .add("name", village.getString("name")).add("unitType", village.getString("unitType"))
                .add("parentId", communeB).add("version", village.getInt("version")).build());
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(List.of(), stored(e, f), "the village left commune A with its person");
        assertEquals(List.of("NAME_BIRTH"), reasons(candidates(Keycloak.token(STAFF_B)), f, g).orElseThrow(),
                "and met its twin in B");
        village = Http.get("/api/units/" + moving, admin).json();
        moved = Http.put("/api/units/" + moving, admin, Json.createObjectBuilder()
                .add("name", village.getString("name")).add("unitType", village.getString("unitType"))
                .add("parentId", communeA).add("version", village.getInt("version")).build());
        assertEquals(200, moved.status(), "back where its code says it belongs: " + moved);
        assertEquals(List.of("NAME_BIRTH"), stored(e, f), "home again, the pair is back");
        assertEquals(List.of(), stored(f, g));

        try (Connection conn = Tenants.root()) {
            assertEquals(pairs(conn, "SELECT person_low, person_high, reason, commune_low, commune_high"
                    + " FROM hssk_t38.duplicate_candidate"), pairs(conn, RULE), "the table is the rule");
        }
    }

    /** Every pair the rule defines, with both records' communes: what the list computed before the table. */
    private static final String RULE = "SELECT a.id, b.id, 'NAME_BIRTH', va.parent_id, vb.parent_id"
            + " FROM hssk_t38.person a JOIN hssk_t38.person b ON b.full_name_folded = a.full_name_folded"
            + " AND b.birth_date = a.birth_date AND b.id > a.id"
            + " JOIN hssk_t38.admin_unit va ON va.id = a.village_id JOIN hssk_t38.admin_unit vb ON vb.id = b.village_id"
            + " WHERE NOT a.voided AND NOT b.voided AND va.parent_id = vb.parent_id"
            + " UNION ALL SELECT a.id, b.id, 'BHYT', va.parent_id, vb.parent_id"
            + " FROM hssk_t38.person a JOIN hssk_t38.person b ON b.bhyt_number = a.bhyt_number AND b.id > a.id"
            + " JOIN hssk_t38.admin_unit va ON va.id = a.village_id JOIN hssk_t38.admin_unit vb ON vb.id = b.village_id"
            + " WHERE NOT a.voided AND NOT b.voided AND a.bhyt_number IS NOT NULL";

    /** The reasons the candidate table holds for a pair. */
    private static List<String> stored(long x, long y) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = Tenants.root(); PreparedStatement ps = c.prepareStatement("SELECT reason FROM"
                + " hssk_t38.duplicate_candidate WHERE person_low = ? AND person_high = ? ORDER BY reason")) {
            ps.setLong(1, Math.min(x, y));
            ps.setLong(2, Math.max(x, y));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static java.util.Set<String> pairs(Connection c, String sql) throws SQLException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "-" + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getLong(4) + "/"
                        + rs.getLong(5));
            }
        }
        return out;
    }

    private static JsonArray candidates(String token) {
        Http.Answer answer = Http.get("/api/duplicates?max=200", token);
        assertEquals(200, answer.status(), answer::toString);
        return answer.jsonArray();
    }

    private static Optional<List<String>> reasons(JsonArray pairs, long a, long b) {
        return pairs.getValuesAs(JsonObject.class).stream()
                .filter(p -> id(p.getJsonObject("first")) == Math.min(a, b)
                        && id(p.getJsonObject("second")) == Math.max(a, b))
                .map(p -> p.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList())
                .findFirst();
    }

    private static JsonObject field(JsonObject preview, String name) {
        return preview.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .filter(f -> name.equals(f.getString("field"))).findFirst().orElseThrow();
    }

    /** A household of the person's village whose member row is linked to the person (another part of the record). */
    private static long householdMemberOf(String staff, long person, String name) throws SQLException {
        Http.Answer household = Http.post("/api/households", staff, Json.createObjectBuilder()
                .add("code", "DP-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000)
                .add("villageId", villageA1).add("headName", name).build());
        assertEquals(201, household.status(), household::toString);
        long householdId = id(household.json());
        Http.Answer member = Http.post("/api/households/" + householdId + "/members", staff,
                Json.createObjectBuilder().add("fullName", name).add("sex", "MALE").add("birthDate", "1975-09-09")
                        .add("relation", "HEAD").build());
        assertEquals(201, member.status(), member::toString);
        long memberId = id(member.json());
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE hssk_t38.household_member SET person_id = ? WHERE id = ?")) {
            ps.setLong(1, person);
            ps.setLong(2, memberId);
            assertEquals(1, ps.executeUpdate());
        }
        return memberId;
    }

    private static long memberPerson(long memberId) throws SQLException {
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement("SELECT person_id FROM hssk_t38.household_member WHERE id = ?")) {
            ps.setLong(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    /** A name no other test uses, so that pairs of this test are the only ones with it. */
    private static String uniqueName() {
        int n = NAMES.incrementAndGet();
        return "Phạm Văn " + GIVEN.get(n % GIVEN.size()) + " " + letters(n);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, m = n; i < 4; i++, m /= 26) {
            s.append((char) ('a' + m % 26));
        }
        return s.toString();
    }

    private static String fold(String s) {
        return Folding.fold(s);
    }

    private static String bhyt() {
        return String.format("38%08d", Math.floorMod(System.nanoTime() / 13, 100_000_000L));
    }
}
