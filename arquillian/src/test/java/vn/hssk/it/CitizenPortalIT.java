package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen portal with real tokens from the brokered identity provider (the dev realm vneid plays VNeID): a
 * citizen sees their own record and the children of their household, in every province that holds their personal ID,
 * and nothing else; a login without a personal ID vouched for by the provider is refused; the citizen's token opens
 * nothing of the staff API; feedback goes to the record's station and comes back answered. Communes 24201 and 24203
 * (province 38) and 31291 (92) are this class's, and so are facility codes 38861 and 38863.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CitizenPortalIT {

    private static final String COMMUNE = "24201";
    private static final String COMMUNE_92 = "31291";
    private static final String STAFF = "cp-staff-24201";
    private static final String STAFF_92 = "cp-staff-31291";
    private static final String OTHER_COMMUNE = "24203";
    private static final String OTHER_STAFF = "cp-staff-24203";
    /** The smallest PNG: a signature, one transparent pixel. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
            + "kgAAAABJRU5ErkJggg==";

    private static boolean usersMade;
    private static long village;
    private static long village92;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesAndStaff() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long c = Units.ensure(th, COMMUNE, "Xã Công Dân", "COMMUNE", "xa", 1);
        village = Units.ensure(th, COMMUNE + "-01", "Thôn Định Danh", "VILLAGE", "thon", c);
        String ct = Keycloak.token("ct-admin");
        long c92 = Units.ensure(ct, COMMUNE_92, "Phường Công Dân", "COMMUNE", "phuong", 1);
        village92 = Units.ensure(ct, COMMUNE_92 + "-01", "Khu vực Định Danh", "VILLAGE", "khu_vuc", c92);
        Units.ensure(th, OTHER_COMMUNE, "Xã Bên Cạnh", "COMMUNE", "xa", 1);
        if (!usersMade) {
            Keycloak.user(OTHER_STAFF, "station-staff", "38", List.of(OTHER_COMMUNE));
            Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of(COMMUNE_92));
            usersMade = true;
        }
    }

    private static Families.Family family(String surname) {
        return Families.make(Keycloak.token(STAFF), village, surname);
    }

    @Test
    void aCitizenSeesTheirRecordAndTheirHouseholdsYoungChildrenAndNothingElse() {
        Families.Family f = family("Đinh");
        String citizen = parentsToken(f, "Đinh");

        Http.Answer answer = Http.get("/api/citizen/places", citizen);
        assertEquals(200, answer.status(), answer::toString);
        JsonArray places = answer.jsonArray();
        assertEquals(1, places.size(), answer::toString);
        JsonObject place = places.getJsonObject(0);
        assertEquals("38", place.getString("province"));
        JsonObject self = place.getJsonObject("self");
        assertEquals(f.parent(), self.getJsonNumber("personId").longValue());
        assertEquals("Đinh Văn Bố", self.getString("fullName"));
        assertEquals(List.of("A.", "B.", "C.", "D."), self.getJsonArray("sections").getValuesAs(JsonObject.class)
                .stream().map(s -> s.getString("title").substring(0, 2)).toList(), "parts A–D of the 831 record");
        assertTrue(self.getJsonArray("sections").getJsonObject(0).toString().contains(f.parentPid()));

        JsonArray children = place.getJsonArray("children");
        assertEquals(Set.of(f.child()), children.getValuesAs(JsonObject.class).stream()
                .map(c -> c.getJsonNumber("personId").longValue()).collect(Collectors.toSet()),
                "the young child of the household; not the adult child, not the neighbour's");
        JsonObject doses = children.getJsonObject(0).getJsonObject("doses");
        assertEquals("BCG", doses.getJsonArray("given").getJsonObject(0).getString("vaccine"));
        assertFalse(doses.getJsonArray("due").isEmpty(), "the next doses of the schedule: " + doses);
        assertFalse(answer.body().contains("Hàng Xóm Con"));

        String admin = Keycloak.token("th-admin");
        for (long read : new long[] {f.parent(), f.child()}) {
            assertTrue(Http.get("/api/audit?person=" + read, admin).body().contains("citizen-portal"),
                    "the citizen's read of " + read + " is audited");
        }
        assertFalse(Http.get("/api/audit?person=" + f.adultChild(), admin).body().contains("citizen-portal"));

        Http.Answer history = Http.get("/api/citizen/places/38/persons/" + f.parent() + "/access", citizen);
        assertEquals(200, history.status(), history::toString);
        Set<String> who = history.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("username")).collect(Collectors.toSet());
        assertTrue(who.contains(STAFF), "the staff who registered the record: " + who);
        assertTrue(who.contains(login(f)), "the citizen's own reads: " + who);

        Http.Answer pdf = Http.post("/api/citizen/places/38/persons/" + f.child() + "/certificate", citizen,
                Json.createObjectBuilder().build());
        assertEquals(200, pdf.status(), pdf::toString);
        assertEquals("application/pdf", pdf.contentType());

        for (long notMine : new long[] {f.adultChild(), f.neighbourChild()}) {
            Http.Answer refused = Http.post("/api/citizen/places/38/persons/" + notMine + "/certificate", citizen,
                    Json.createObjectBuilder().build());
            assertEquals(404, refused.status(), refused::toString);
            assertEquals(404, Http.get("/api/citizen/places/38/persons/" + notMine + "/access", citizen).status());
        }
        Http.Answer unknown = Http.get("/api/citizen/places/38/persons/999999999/access", citizen);
        Http.Answer neighbour = Http.get("/api/citizen/places/38/persons/" + f.neighbourChild() + "/access", citizen);
        assertEquals(unknown.json().getString("detail").replace("999999999", "N"),
                neighbour.json().getString("detail").replace(String.valueOf(f.neighbourChild()), "N"),
                "another person's record answers like one that does not exist");
        assertEquals(404, Http.get("/api/citizen/places/92/persons/" + f.parent() + "/access", citizen).status(),
                "the same id in another province is not the citizen's");
    }

    @Test
    void oneIdInTwoProvincesIsTwoPlacesNeverMerged() {
        Families.Family f = family("Tạ");
        long there = Families.person(Keycloak.token(STAFF_92), "Tạ Văn Bố", "MALE", LocalDate.of(1986, 4, 5),
                f.parentPid(), village92, null, null);
        JsonArray places = Http.get("/api/citizen/places", parentsToken(f, "Tạ")).jsonArray();
        Map<String, Long> byProvince = places.getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                p -> p.getString("province"), p -> p.getJsonObject("self").getJsonNumber("personId").longValue()));
        assertEquals(Map.of("38", f.parent(), "92", there), byProvince);
    }

    @Test
    void aLoginWithoutAPersonalIdVouchedForByVneidIsRefused() {
        Families.Family f = family("Lò");

        String noId = "it-noid-" + Math.floorMod(System.nanoTime(), 1_000_000);
        Citizens.citizen(noId, null, "Lò Văn", "Không");
        assertEquals(403, Http.get("/api/citizen/places", Citizens.token(noId)).status(),
                "VNeID sent no personal ID");

        // An hssk account an administrator gave the citizen role and someone's personal ID by hand.
        String forged = "it-forged-" + Math.floorMod(System.nanoTime(), 1_000_000);
        Keycloak.user(forged, "citizen", null, null);
        setPersonalId(forged, f.parentPid());
        Http.Answer refused = Http.get("/api/citizen/places", Keycloak.token(forged));
        assertEquals(403, refused.status(), refused::toString);
        assertFalse(refused.body().contains("Lò Văn Bố"));

        assertEquals(403, Http.get("/api/citizen/places", Keycloak.token(STAFF)).status(), "staff are not citizens");
        assertEquals(403, Http.get("/api/citizen/places", Keycloak.token("national-admin")).status());
        assertEquals(401, Http.get("/api/citizen/places", null).status(), "no token, no answer");
    }

    @Test
    void aCitizensTokenOpensNothingOfTheStaffApi() {
        Families.Family f = family("Vi");
        String citizen = parentsToken(f, "Vi");
        for (String path : new String[] {"/api/persons/" + f.parent(), "/api/persons/" + f.child(),
                "/api/persons?q=Vi", "/api/households?q=Vi", "/api/persons/" + f.child() + "/immunizations",
                "/api/persons/" + f.parent() + "/pdf", "/api/audit?person=" + f.parent()}) {
            Http.Answer a = Http.get(path, citizen);
            assertEquals(403, a.status(), path + ": " + a);
            assertFalse(a.body().contains("Vi Văn Bố"), path);
        }
    }

    @Test
    void feedbackGoesToTheStationOfTheRecordsCommuneAndComesBackAnswered() {
        Families.Family f = family("Khổng");
        String citizen = parentsToken(f, "Khổng");
        String about = "/api/citizen/places/38/persons/" + f.child() + "/feedback";

        Http.Answer bad = Http.post(about, citizen, Json.createObjectBuilder().add("category", "GRUMBLE")
                .add("text", "  ").add("photo", "R0lGODlhAQABAAAAACw=").build());
        assertEquals(400, bad.status(), bad::toString);
        for (String field : List.of("category", "text", "photo")) {
            bad.error(field);
        }
        Http.Answer sent = Http.post(about, citizen, Json.createObjectBuilder().add("category", "COMPLAINT")
                .add("text", "Buổi tiêm chủng sáng thứ Năm phải chờ hai tiếng").add("photo", PNG).build());
        assertEquals(201, sent.status(), sent::toString);
        long id = sent.json().getJsonNumber("id").longValue();
        assertEquals("OPEN", sent.json().getString("status"));
        assertEquals(404, Http.post("/api/citizen/places/38/persons/" + f.neighbourChild() + "/feedback", citizen,
                Json.createObjectBuilder().add("category", "QUESTION").add("text", "?").build()).status(),
                "not about someone else's record");

        String staff = Keycloak.token(STAFF);
        assertTrue(ids(Http.get("/api/feedback?status=OPEN", staff)).contains(id));
        Http.Answer photo = Http.get("/api/feedback/" + id + "/photo", staff);
        assertEquals(200, photo.status(), photo::toString);
        assertEquals("image/png", photo.contentType());
        for (String other : List.of(OTHER_STAFF, STAFF_92)) {
            String token = Keycloak.token(other);
            assertFalse(ids(Http.get("/api/feedback", token)).contains(id), other);
            assertEquals(404, Http.post("/api/feedback/" + id + "/answer", token, Json.createObjectBuilder()
                    .add("text", "Không phải việc của tôi").add("version", 0).build()).status(), other);
            assertEquals(404, Http.get("/api/feedback/" + id + "/photo", token).status(), other);
        }
        assertEquals(403, Http.get("/api/feedback", citizen).status(), "a citizen's token is not the station's");
        assertEquals(401, Http.post("/api/feedback/" + id + "/answer", null, Json.createObjectBuilder()
                .add("text", "x").add("version", 0).build()).status(), "no bearer token, no answer");

        assertEquals(409, Http.post("/api/feedback/" + id + "/answer", staff, Json.createObjectBuilder()
                .add("text", "Trạm đã bố trí thêm bàn tiêm").add("version", 7).build()).status());
        Http.Answer answered = Http.post("/api/feedback/" + id + "/answer", staff, Json.createObjectBuilder()
                .add("text", "Trạm đã bố trí thêm bàn tiêm").add("version", 0).build());
        assertEquals(200, answered.status(), answered::toString);
        assertEquals("ANSWERED", answered.json().getString("status"));

        JsonObject mine = Http.get("/api/citizen/feedback", citizen).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(o -> o.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals("Trạm đã bố trí thêm bàn tiêm", mine.getString("answer"));
        assertEquals("Khổng Thị Con", mine.getString("personName"));
        assertFalse(mine.containsKey("answeredBy"), "the citizen is not told the staff member's username");

        JsonObject row = Http.get("/api/feedback/summary", Keycloak.token("th-admin")).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(o -> COMMUNE.equals(o.getString("communeCode")))
                .findFirst().orElseThrow();
        assertTrue(row.getJsonNumber("total").longValue() >= 1, row::toString);
        assertTrue(row.containsKey("meanHoursToAnswer"), row::toString);

        Http.Answer closed = Http.post("/api/feedback/" + id + "/close", staff, Json.createObjectBuilder()
                .add("version", answered.json().getInt("version")).build());
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("CLOSED", closed.json().getString("status"));
        assertEquals(409, Http.post("/api/feedback/" + id + "/answer", staff, Json.createObjectBuilder()
                .add("text", "Thêm").add("version", closed.json().getInt("version")).build()).status());
        assertTrue(Http.get("/api/audit?person=" + f.child(), Keycloak.token("th-admin")).body()
                .contains("citizen-feedback"), "sending and answering are audited against the child's record");
    }

    /** The VNeID login of the family's parent (made afresh), and an hssk token from logging in with it. */
    private static String parentsToken(Families.Family f, String surname) {
        Citizens.citizen(login(f), f.parentPid(), surname + " Văn", "Bố");
        return Citizens.token(login(f));
    }

    private static String login(Families.Family f) {
        return "it-" + f.parentPid();
    }

    private static Set<Long> ids(Http.Answer list) {
        assertEquals(200, list.status(), list::toString);
        return list.jsonArray().getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
    }

    @Test
    void aChangeRequestWaitsForTheStationAndOnlyThenCorrectsTheRecord() {
        Families.Family f = family("Ninh");
        String citizen = parentsToken(f, "Ninh");
        String ask = "/api/citizen/places/38/persons/" + f.parent() + "/change-requests";
        Http.Answer badPhone = Http.post(ask, citizen, Json.createObjectBuilder().add("phone", "12").build());
        assertEquals(400, badPhone.status(), badPhone::toString);
        badPhone.error("phone");
        assertEquals(400, Http.post(ask, citizen, Json.createObjectBuilder().build()).status(), "nothing to change");
        Http.Answer sent = Http.post(ask, citizen, Json.createObjectBuilder().add("phone", "0912 000 111")
                .add("address", "Số 5, ngõ 2").build());
        assertEquals(201, sent.status(), sent::toString);
        long id = sent.json().getJsonNumber("id").longValue();
        assertEquals("PENDING", sent.json().getString("status"));

        String staff = Keycloak.token(STAFF);
        JsonObject before = Http.get("/api/persons/" + f.parent(), staff).json();
        assertFalse("0912000111".equals(before.getString("phone", null)), "nothing is written before approval");
        for (String other : List.of(OTHER_STAFF, STAFF_92)) {
            String token = Keycloak.token(other);
            assertFalse(ids(Http.get("/api/change-requests", token)).contains(id), other);
            assertEquals(404, Http.post("/api/change-requests/" + id + "/approve", token,
                    Json.createObjectBuilder().add("version", 0).build()).status(), other);
        }
        assertEquals(403, Http.get("/api/change-requests", citizen).status());
        assertEquals(401, Http.post("/api/change-requests/" + id + "/approve", null,
                Json.createObjectBuilder().add("version", 0).build()).status());

        assertTrue(ids(Http.get("/api/change-requests?status=PENDING", staff)).contains(id));
        assertEquals(409, Http.post("/api/change-requests/" + id + "/approve", staff,
                Json.createObjectBuilder().add("version", 3).build()).status(), "a stale version");
        Http.Answer approved = Http.post("/api/change-requests/" + id + "/approve", staff,
                Json.createObjectBuilder().add("version", 0).build());
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("APPROVED", approved.json().getString("status"));
        JsonObject after = Http.get("/api/persons/" + f.parent(), staff).json();
        assertEquals("0912000111", after.getString("phone"));
        assertEquals("Số 5, ngõ 2", after.getString("address"));
        assertEquals(409, Http.post("/api/change-requests/" + id + "/approve", staff, Json.createObjectBuilder()
                .add("version", approved.json().getInt("version")).build()).status(), "decided once");

        long second = Http.post(ask, citizen, Json.createObjectBuilder().add("address", "Nhà bác Tư").build()).json()
                .getJsonNumber("id").longValue();
        Http.Answer noReason = Http.post("/api/change-requests/" + second + "/reject", staff,
                Json.createObjectBuilder().add("version", 0).build());
        assertEquals(400, noReason.status(), noReason::toString);
        noReason.error("reason");
        assertEquals(200, Http.post("/api/change-requests/" + second + "/reject", staff, Json.createObjectBuilder()
                .add("reason", "Địa chỉ cần số nhà và tên ngõ").add("version", 0).build()).status());
        JsonObject rejected = Http.get("/api/citizen/change-requests", citizen).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(o -> o.getJsonNumber("id").longValue() == second)
                .findFirst().orElseThrow();
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals("Địa chỉ cần số nhà và tên ngõ", rejected.getString("reason"));
        assertFalse(rejected.containsKey("decidedBy"));
        assertEquals("Số 5, ngõ 2", Http.get("/api/persons/" + f.parent(), staff).json().getString("address"));
    }

    @Test
    void aCitizenBooksTheLastPlaceOfASessionOfTheirCommuneAndNobodyElseCan() {
        Families.Family f = family("Lạc");
        String citizen = parentsToken(f, "Lạc");
        String th = Keycloak.token("th-admin");
        long station = Epi.station(th, COMMUNE, "Trạm Y tế xã Công Dân", "38861");
        long otherStation = Epi.station(th, OTHER_COMMUNE, "Trạm Y tế xã Bên Cạnh", "38863");
        String staff = Keycloak.token(STAFF);
        long session = plan(staff, station, Epi.today().plusDays(5), 1);
        long elsewhere = plan(Keycloak.token(OTHER_STAFF), otherStation, Epi.today().plusDays(5), null);

        String child = "/api/citizen/places/38/persons/" + f.child() + "/sessions";
        String self = "/api/citizen/places/38/persons/" + f.parent() + "/sessions";
        JsonObject open = Http.get(child, citizen).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getJsonNumber("sessionId").longValue() == session).findFirst().orElseThrow();
        assertEquals(1, open.getInt("placesLeft"));
        assertFalse(open.getBoolean("booked"));
        assertFalse(Http.get(child, citizen).body().contains("\"sessionId\":" + elsewhere + ","),
                "another commune's session is not offered");
        assertEquals(404, Http.post(child + "/" + elsewhere + "/booking", citizen,
                Json.createObjectBuilder().build()).status(), "nor bookable");

        Http.Answer booked = Http.post(child + "/" + session + "/booking", citizen, Json.createObjectBuilder().build());
        assertEquals(200, booked.status(), booked::toString);
        assertTrue(booked.json().getBoolean("booked"));
        assertEquals(0, booked.json().getInt("placesLeft"));
        assertEquals(409, Http.post(child + "/" + session + "/booking", citizen,
                Json.createObjectBuilder().build()).status(), "one place per person");
        Http.Answer full = Http.post(self + "/" + session + "/booking", citizen, Json.createObjectBuilder().build());
        assertEquals(409, full.status(), "the last place is taken: " + full);
        assertEquals(404, Http.post("/api/citizen/places/38/persons/" + f.neighbourChild() + "/sessions/" + session
                + "/booking", citizen, Json.createObjectBuilder().build()).status(), "not for someone else's child");

        JsonArray holders = Http.get("/api/sessions/" + session + "/bookings", staff).jsonArray();
        assertEquals(List.of(f.child()), holders.getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("personId").longValue()).toList());
        assertEquals(404, Http.get("/api/sessions/" + session + "/bookings", Keycloak.token(OTHER_STAFF)).status());
        assertEquals(403, Http.get("/api/sessions/" + session + "/bookings", citizen).status());

        Http.Answer given = Http.post(child + "/" + session + "/booking/cancel", citizen,
                Json.createObjectBuilder().build());
        assertEquals(200, given.status(), given::toString);
        assertEquals(1, given.json().getInt("placesLeft"));
        assertEquals(200, Http.post(self + "/" + session + "/booking", citizen, Json.createObjectBuilder().build())
                .status(), "the place given back is free again");
        assertTrue(Http.get("/api/audit?person=" + f.child(), th).body().contains("citizen-booking"));
    }

    private static long plan(String staff, long station, LocalDate on, Integer capacity) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("stationId", station).add("sessionDate", on.toString())
                .add("place", "Nhà văn hóa").add("vaccines", Json.createArrayBuilder().add("BCG"));
        if (capacity != null) {
            body.add("capacity", capacity);
        }
        Http.Answer planned = Http.post("/api/sessions", staff, body.build());
        assertEquals(201, planned.status(), planned::toString);
        return planned.json().getJsonNumber("id").longValue();
    }

    @Test
    void theOldAnonymousLookUpIsClosed() {
        Families.Family f = family("Mã");
        Http.Answer closed = Http.post("/public/lookup", null, Json.createObjectBuilder()
                .add("personalId", f.parentPid()).add("birthDate", "1986-04-05").build());
        assertEquals(410, closed.status(), closed::toString);
        assertFalse(closed.body().contains("Mã Văn Bố"));
    }

    private static void setPersonalId(String username, String personalId) {
        String admin = Keycloak.adminToken();
        String base = Http.KEYCLOAK + "/admin/realms/hssk";
        JsonObject user = Http.get(base + "/users?exact=true&username=" + username, admin).jsonArray()
                .getJsonObject(0);
        JsonObjectBuilder attributes = Json.createObjectBuilder(user.getJsonObject("attributes") == null
                ? Json.createObjectBuilder().build() : user.getJsonObject("attributes"))
                .add("personal_id", Json.createArrayBuilder().add(personalId));
        Http.Answer r = Http.put(base + "/users/" + user.getString("id"), admin,
                Json.createObjectBuilder(user).add("attributes", attributes).build());
        assertEquals(204, r.status(), r::toString);
    }
}
