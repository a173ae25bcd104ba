package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Administrative reorganizations through the API with real tokens, on the real server, database and Keycloak:
 * two communes merge into the surviving one; the preview's counts add up; apply (a batch job) keeps the sum of every
 * count over the communes involved, moves the ending commune's station under the survivor as a sub-site and its
 * staff's scope in Keycloak, so that staff member then sees the merged commune's people and nothing more; undo
 * puts every affected table back exactly. Communes 155xx of province 38 belong to this class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReorganizationIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void twoProvinces() {
        Tenants.ensureBoth();
    }

    @Test
    void mergingTwoCommunesKeepsEveryCountMovesStationAndStaffAndUndoRestoresTheTables() throws Exception {
        String th = Keycloak.token("th-admin");
        long a = unit(th, "15501", "Xã Lam Sơn", "COMMUNE", "xa", 1);
        long b = unit(th, "15502", "Xã Xuân Lam", "COMMUNE", "xa", 1);
        long outside = unit(th, "15509", "Xã Ngoài Cuộc", "COMMUNE", "xa", 1);
        long a1 = unit(th, "15501-01", "Thôn Lam Một", "VILLAGE", "thon", a);
        long b1 = unit(th, "15502-01", "Thôn Xuân Một", "VILLAGE", "thon", b);
        long b2 = unit(th, "15502-02", "Thôn Xuân Hai", "VILLAGE", "thon", b);
        long o1 = unit(th, "15509-01", "Thôn Ngoài", "VILLAGE", "thon", outside);
        Keycloak.user("reorg-staff-a", "station-staff", "38", List.of("15501"));
        Keycloak.user("reorg-staff-b", "station-staff", "38", List.of("15502"));
        String staffA = Keycloak.token("reorg-staff-a");
        String staffB = Keycloak.token("reorg-staff-b");
        int year = LocalDate.now(VIETNAM).getYear();
        String inA = pid(year - 1);
        String inB = pid(year - 30);
        String inB2 = pid(year - 40);
        String elsewhere = pid(year - 20);
        People.register(staffA, People.person("Lê Văn Lam", "MALE", (year - 1) + "-02-01", inA, a1));
        long personB = People.id(People.register(staffB, People.person("Trịnh Văn Xuân", "MALE",
                (year - 30) + "-03-01", inB, b1)));
        People.register(staffB, People.person("Trịnh Văn Hai", "MALE", (year - 40) + "-04-01", inB2, b2));
        Keycloak.user("reorg-staff-o", "station-staff", "38", List.of("15509"));
        People.register(Keycloak.token("reorg-staff-o"), People.person("Mai Văn Ngoài", "MALE", (year - 20) + "-05-01", elsewhere, o1));
        long stationA = station(th, "Trạm Y tế xã Lam Sơn", "38551", "15501");
        long stationB = station(th, "Trạm Y tế xã Xuân Lam", "38552", "15502");
        assertEquals(200, Http.get("/api/persons?q=" + inB, staffB).status());
        assertEquals(0, Http.get("/api/persons?q=" + inB, staffA).jsonArray().size(),
                "before the merge staff of 15501 do not see 15502's people");

        String today = LocalDate.now(VIETNAM).toString();
        JsonObject body = Json.createObjectBuilder().add("title", "Nghị quyết 1686/NQ-UBTVQH15 (thử)")
                .add("effectiveDate", today)
                .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kind", "MERGE_COMMUNES").add("sources", Json.createArrayBuilder().add("15501")
                                .add("15502"))
                        .add("code", "15501").add("name", "Phường Lam Sơn").add("type", "phường")))
                .build();
        Http.Answer created = Http.post("/api/reorganizations", th, body);
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("DRAFT", created.json().getString("status"));

        Http.Answer preview = Http.send("/api/reorganizations/" + id + "/preview", th, null, null,
                "application/json", "vi");
        assertEquals(200, preview.status(), preview::toString);
        JsonObject p = preview.json();
        assertEquals(0, p.getJsonArray("conflicts").size(), p::toString);
        Map<String, JsonObject> lines = new LinkedHashMap<>();
        p.getJsonArray("units").forEach(v -> lines.put(v.asJsonObject().getString("code"), v.asJsonObject()));
        assertEquals(List.of("15501", "15502"), new ArrayList<>(lines.keySet()), p::toString);
        assertEquals("ENDS", lines.get("15502").getString("fate"));
        assertEquals("15501", lines.get("15502").getString("heir"));
        assertEquals(2, count(lines.get("15502"), "before", "PERSONS"));
        assertEquals(0, count(lines.get("15502"), "after", "PERSONS"));
        assertEquals(3, count(lines.get("15501"), "after", "PERSONS"));
        assertEquals(2, count(lines.get("15501"), "after", "STATIONS"));
        assertEquals(2, count(lines.get("15501"), "after", "STAFF"));
        assertTrue(lines.get("15502").getJsonArray("happens").toString().contains("Chấm dứt"),
                "the preview speaks Vietnamese when asked: " + lines.get("15502"));
        assertTrue(p.getJsonArray("rules").toString().contains("bình quân theo dân số"), p::toString);
        for (String measure : p.getJsonObject("totalBefore").keySet()) {
            if (!"TARGETS".equals(measure)) {
                assertEquals(p.getJsonObject("totalBefore").getJsonNumber(measure).longValue(),
                        p.getJsonObject("totalAfter").getJsonNumber(measure).longValue(), measure);
            }
        }

        List<String> dumpBefore = dump();
        JsonObject countsBefore = counts(th, today);
        Http.Answer apply = Http.post("/api/reorganizations/" + id + "/apply", th, Json.createObjectBuilder().build());
        assertEquals(202, apply.status(), apply::toString);
        assertEquals("APPLIED", waitFor(th, id, "APPLIED").getString("status"));
        JsonObject countsAfter = counts(th, today);
        assertSumsKept(countsBefore, countsAfter);
        assertEquals(3, countsAfter.getJsonObject("15501").getInt("PERSONS"));
        assertEquals(0, countsAfter.getJsonObject("15502").getInt("PERSONS"));
        assertEquals(1, countsAfter.getJsonObject("15509").getInt("PERSONS"), "a commune outside is untouched");

        JsonObject merged = Http.get("/api/units?q=15501", th).jsonArray().getJsonObject(0);
        assertEquals("Phường Lam Sơn", merged.getString("name"), "renamed, its code kept");
        JsonArray stations = Http.get("/api/stations?commune=15501", th).jsonArray();
        assertEquals(2, stations.size(), stations::toString);
        JsonObject sub = Http.get("/api/stations/" + stationB, th).json();
        assertEquals("SUB_SITE", sub.getString("kind"), sub::toString);
        assertEquals(stationA, sub.getJsonNumber("parentId").longValue());
        assertEquals("15502", sub.getString("formerCommune"), "the sub-site serves its former commune");

        assertEquals(List.of("15501"), communes("reorg-staff-b"), "the staff scope followed in Keycloak");
        String staffBAfter = Keycloak.token("reorg-staff-b");
        assertEquals(1, Http.get("/api/persons?q=" + inA, staffBAfter).jsonArray().size(),
                "staff of the ended commune see the merged commune's people");
        assertEquals(1, Http.get("/api/persons?q=" + inB, staffBAfter).jsonArray().size());
        assertEquals(0, Http.get("/api/persons?q=" + elsewhere, staffBAfter).jsonArray().size(),
                "and nothing more");
        assertNotEquals(dumpBefore, dump(), "apply changed the tables");
        JsonArray residence = Http.get("/api/persons/" + personB + "/residence", staffBAfter).jsonArray();
        assertEquals(2, residence.size(), residence::toString);
        assertEquals("15502", residence.getJsonObject(0).getString("communeCode"));
        assertEquals("Xã Xuân Lam", residence.getJsonObject(0).getString("communeName"));
        assertEquals(LocalDate.now(VIETNAM).minusDays(1).toString(), residence.getJsonObject(0).getString("to"));
        assertEquals("15501", residence.getJsonObject(1).getString("communeCode"));
        assertEquals("Phường Lam Sơn", residence.getJsonObject(1).getString("communeName"));
        assertEquals("phường", residence.getJsonObject(1).getString("communeType"));
        assertTrue(!residence.getJsonObject(1).containsKey("to") || residence.getJsonObject(1).isNull("to"));

        String lastMonth = LocalDate.now(VIETNAM).minusMonths(1).toString().substring(0, 7);
        JsonObject monthBefore = Http.get("/api/progress?unit=15502&period=" + lastMonth, th).json();
        assertEquals(List.of("15502-01", "15502-02"), codes(monthBefore.getJsonArray("children")),
                "a report of a month before the effective date shows the ended commune with its villages");
        JsonObject merger = Http.get("/api/progress?unit=15501&period=" + lastMonth, th).json();
        assertEquals(List.of("15501-01"), codes(merger.getJsonArray("children")));
        JsonObject thisYear = Http.get("/api/progress?period=" + year, th).json();
        JsonObject ended = thisYear.getJsonArray("children").stream().map(v -> v.asJsonObject())
                .filter(o -> "15502".equals(o.getString("code"))).findFirst().orElseThrow();
        assertEquals("15501", ended.getString("continuedBy"), "a period that spans it links the ended commune");
        assertEquals(List.of("15501-01", "15502-01", "15502-02"), codes(Http.get("/api/progress?unit=15501&period="
                + year, th).json().getJsonArray("children")), "and shows the new commune whole");

        JsonArray treeBefore = Http.get("/api/units/tree?parent=" + b + "&asOf="
                + LocalDate.now(VIETNAM).minusDays(1), th).jsonArray();
        assertEquals(2, treeBefore.size(), "the day before, 15502 still had its two villages: " + treeBefore);

        Http.Answer undo = Http.post("/api/reorganizations/" + id + "/undo", th, Json.createObjectBuilder().build());
        assertEquals(202, undo.status(), undo::toString);
        assertEquals("REVERTED", waitFor(th, id, "REVERTED").getString("status"));
        assertEquals(dumpBefore, dump(), "undo restores every affected table exactly");
        assertEquals(countsBefore, counts(th, today));
        assertEquals(List.of("15502"), communes("reorg-staff-b"), "and the staff scope");
    }

    @Test
    void aReorganizationIsRefusedToOtherProvincesCommuneRolesAndBadSteps() {
        String th = Keycloak.token("th-admin");
        long c = unit(th, "15511", "Xã Thọ Xuân Thử", "COMMUNE", "xa", 1);
        unit(th, "15511-01", "Thôn Thử", "VILLAGE", "thon", c);
        String tomorrow = LocalDate.now(VIETNAM).plusDays(1).toString();
        JsonObject body = Json.createObjectBuilder().add("title", "Quyết định thử").add("effectiveDate", tomorrow)
                .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "RENAME")
                        .add("code", "15511").add("type", "phường"))).build();
        Http.Answer created = Http.post("/api/reorganizations", th, body);
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();

        Http.Answer early = Http.post("/api/reorganizations/" + id + "/apply", th, Json.createObjectBuilder().build());
        assertEquals(409, early.status(), early::toString);
        assertEquals("effectiveDate", early.json().getString("field"));

        Http.Answer unknown = Http.post("/api/reorganizations", th, Json.createObjectBuilder()
                .add("title", "Sai").add("effectiveDate", tomorrow).add("steps", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "MERGE_COMMUNES")
                                .add("sources", Json.createArrayBuilder().add("15511").add("99999"))
                                .add("code", "15511"))).build());
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("steps[0].sources", unknown.json().getString("field"));

        String ct = Keycloak.token("ct-admin");
        assertEquals(404, Http.get("/api/reorganizations/" + id, ct).status(), "another province finds nothing");
        assertEquals(404, Http.post("/api/reorganizations/" + id + "/apply", ct,
                Json.createObjectBuilder().build()).status());
        Keycloak.user("reorg-staff-c", "station-staff", "38", List.of("15511"));
        String staff = Keycloak.token("reorg-staff-c");
        assertEquals(403, Http.get("/api/reorganizations/" + id, staff).status(), "commune roles cannot");
        assertEquals(403, Http.post("/api/reorganizations", staff, body).status());
        assertEquals(403, Http.get("/api/reorganizations", Keycloak.token("national-admin")).status());
        assertEquals(401, Http.get("/api/reorganizations", null).status(), "bearer tokens only");
    }

    @Test
    void mergingVillagesMovesTheirPeopleHouseholdsAndQuotasAndTwoQuotasOfAYearNeedSumQuotas() throws Exception {
        String th = Keycloak.token("th-admin");
        long c = unit(th, "15531", "Xã Quảng Thử", "COMMUNE", "xa", 1);
        long v1 = unit(th, "15531-01", "Thôn Đông", "VILLAGE", "thon", c);
        long v2 = unit(th, "15531-02", "Thôn Tây", "VILLAGE", "thon", c);
        Keycloak.user("reorg-staff-v", "station-staff", "38", List.of("15531"));
        String staff = Keycloak.token("reorg-staff-v");
        int year = LocalDate.now(VIETNAM).getYear();
        long east = People.id(People.register(staff, People.person("Phạm Văn Đông", "MALE", "1970-01-01",
                pid(1970), v1)));
        long west = People.id(People.register(staff, People.person("Phạm Văn Tây", "MALE", "1971-01-01",
                pid(1971), v2)));
        Http.Answer quotas = Http.put("/api/quotas", th, Json.createObjectBuilder().add("commune", "15531")
                .add("year", year).add("entries", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("villageId", v1).add("population", 500).add("quota", 400))
                        .add(Json.createObjectBuilder().add("villageId", v2).add("population", 300).add("quota", 200)))
                .build());
        assertEquals(200, quotas.status(), quotas::toString);
        String today = LocalDate.now(VIETNAM).toString();
        long id = Http.post("/api/reorganizations", th, Json.createObjectBuilder().add("title", "Sáp nhập thôn")
                .add("effectiveDate", today).add("steps", Json.createArrayBuilder().add(villageMerge(false))).build())
                .json().getJsonNumber("id").longValue();
        JsonObject preview = Http.get("/api/reorganizations/" + id + "/preview", th).json();
        assertEquals(1, preview.getJsonArray("conflicts").size(), preview::toString);
        assertTrue(preview.getJsonArray("conflicts").getString(0).contains("sumQuotas"), preview::toString);
        Http.Answer refused = Http.post("/api/reorganizations/" + id + "/apply", th, Json.createObjectBuilder().build());
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("sumQuotas", refused.json().getString("field"));

        Http.Answer redrafted = Http.put("/api/reorganizations/" + id, th, Json.createObjectBuilder()
                .add("title", "Sáp nhập thôn").add("effectiveDate", today)
                .add("steps", Json.createArrayBuilder().add(villageMerge(true))).build());
        assertEquals(200, redrafted.status(), redrafted::toString);
        List<String> dumpBefore = dump();
        String counts = "/api/reorganizations/counts?communes=15531&effectiveDate=" + today;
        JsonObject countsBefore = Http.get(counts, th).json();
        assertEquals(202, Http.post("/api/reorganizations/" + id + "/apply", th,
                Json.createObjectBuilder().build()).status());
        assertEquals("APPLIED", waitFor(th, id, "APPLIED").getString("status"));
        assertEquals(countsBefore, Http.get(counts, th).json(), "one commune: every count is the same");
        JsonObject person = Http.get("/api/persons/" + west, staff).json();
        assertEquals("15531-03", person.getString("villageCode"));
        assertEquals("15531-03", Http.get("/api/persons/" + east, staff).json().getString("villageCode"));
        JsonArray villages = Http.get("/api/progress?unit=15531&period=" + year, th).json().getJsonArray("children");
        JsonObject merged = villages.stream().map(v -> v.asJsonObject())
                .filter(o -> "15531-03".equals(o.getString("code"))).findFirst().orElseThrow();
        assertEquals(600, merged.getInt("quota"), "the two quotas of the year are added up: " + villages);

        assertEquals(202, Http.post("/api/reorganizations/" + id + "/undo", th,
                Json.createObjectBuilder().build()).status());
        assertEquals("REVERTED", waitFor(th, id, "REVERTED").getString("status"));
        assertEquals(dumpBefore, dump(), "undo restores every affected table exactly");
    }

    @Test
    void splittingAVillageMovesTheNamedHouseholdsWithTheirMembersAndUndoRestoresTheTables() throws Exception {
        String th = Keycloak.token("th-admin");
        long c = unit(th, "15541", "Xã Quảng Tách", "COMMUNE", "xa", 1);
        long v = unit(th, "15541-01", "Thôn Lớn", "VILLAGE", "thon", c);
        Keycloak.user("reorg-staff-s", "station-staff", "38", List.of("15541"));
        String staff = Keycloak.token("reorg-staff-s");
        List<Long> north = household(staff, "HO-15541-BAC", v, "Lê Văn Bắc", 1961);
        List<Long> south = household(staff, "HO-15541-NAM", v, "Lê Văn Nam", 1962);
        String today = LocalDate.now(VIETNAM).toString();
        JsonObjectBuilder split = Json.createObjectBuilder().add("kind", "SPLIT_VILLAGE")
                .add("sources", Json.createArrayBuilder().add("15541-01"))
                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", "15541-02")
                        .add("name", "Thôn Bắc").add("type", "thôn")
                        .add("households", Json.createArrayBuilder().add("HO-15541-BAC"))));

        // A household the village does not hold is a conflict the preview lists and apply refuses.
        JsonObjectBuilder wrong = Json.createObjectBuilder().add("kind", "SPLIT_VILLAGE")
                .add("sources", Json.createArrayBuilder().add("15541-01"))
                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", "15541-02")
                        .add("name", "Thôn Bắc").add("type", "thôn")
                        .add("households", Json.createArrayBuilder().add("HO-KHONG-CO"))));
        long id = Http.post("/api/reorganizations", th, Json.createObjectBuilder().add("title", "Tách thôn")
                .add("effectiveDate", today).add("steps", Json.createArrayBuilder().add(wrong)).build())
                .json().getJsonNumber("id").longValue();
        JsonObject preview = Http.get("/api/reorganizations/" + id + "/preview", th).json();
        assertTrue(preview.getJsonArray("conflicts").toString().contains("HO-KHONG-CO"), preview::toString);
        assertEquals(409, Http.post("/api/reorganizations/" + id + "/apply", th, Json.createObjectBuilder().build())
                .status());
        assertEquals(200, Http.put("/api/reorganizations/" + id, th, Json.createObjectBuilder()
                .add("title", "Tách thôn").add("effectiveDate", today)
                .add("steps", Json.createArrayBuilder().add(split)).build()).status());
        preview = Http.get("/api/reorganizations/" + id + "/preview", th).json();
        assertEquals(0, preview.getJsonArray("conflicts").size(), preview::toString);
        assertTrue(preview.toString().contains("15541-01 → 15541-02 (HO-15541-BAC)"), preview::toString);

        List<String> dumpBefore = dump();
        String counts = "/api/reorganizations/counts?communes=15541&effectiveDate=" + today;
        JsonObject countsBefore = Http.get(counts, th).json();
        assertEquals(202, Http.post("/api/reorganizations/" + id + "/apply", th,
                Json.createObjectBuilder().build()).status());
        assertEquals("APPLIED", waitFor(th, id, "APPLIED").getString("status"));
        assertEquals(countsBefore, Http.get(counts, th).json(), "one commune: every count is the same");
        for (long person : north) {
            assertEquals("15541-02", Http.get("/api/persons/" + person, staff).json().getString("villageCode"));
        }
        for (long person : south) {
            assertEquals("15541-01", Http.get("/api/persons/" + person, staff).json().getString("villageCode"));
        }
        JsonArray tree = Http.get("/api/units/tree?parent=" + c + "&asOf=" + today, th).jsonArray();
        assertEquals(List.of("15541-01", "15541-02"), codes(tree), "the new village is on the map: " + tree);

        assertEquals(202, Http.post("/api/reorganizations/" + id + "/undo", th,
                Json.createObjectBuilder().build()).status());
        assertEquals("REVERTED", waitFor(th, id, "REVERTED").getString("status"));
        assertEquals(dumpBefore, dump(), "undo restores every affected table exactly");
    }

    /** A household of two (head and child) in the village; answers the people's ids. */
    private static List<Long> household(String staff, String code, long village, String head, int born) {
        Http.Answer h = Http.post("/api/households", staff, Json.createObjectBuilder().add("code", code)
                .add("villageId", village).add("headName", head).build());
        assertEquals(201, h.status(), h::toString);
        long household = h.json().getJsonNumber("id").longValue();
        List<Long> people = new ArrayList<>();
        LocalDate headBorn = LocalDate.of(born, 2, 3);
        LocalDate childBorn = LocalDate.of(born + 30, 4, 5);
        people.add(Families.person(staff, head, "MALE", headBorn, Families.pid(true, headBorn), village, household,
                "HEAD"));
        people.add(Families.person(staff, head.replace("Văn", "Thị") + " Con", "FEMALE", childBorn,
                Families.pid(false, childBorn), village, household, "CHILD"));
        return people;
    }

    /** The sum of every kept measure over the communes is the same before and after. */
    static void assertSumsKept(JsonObject before, JsonObject after) {
        for (String measure : before.getJsonObject(before.keySet().iterator().next()).keySet()) {
            if ("TARGETS".equals(measure)) {
                continue;
            }
            long b = 0;
            long a = 0;
            for (String code : before.keySet()) {
                b += before.getJsonObject(code).getJsonNumber(measure).longValue();
                a += after.getJsonObject(code).getJsonNumber(measure).longValue();
            }
            assertEquals(b, a, "the sum of " + measure + " over " + before.keySet());
        }
    }

    private static JsonObjectBuilder villageMerge(boolean sumQuotas) {
        return Json.createObjectBuilder().add("kind", "MERGE_VILLAGES")
                .add("sources", Json.createArrayBuilder().add("15531-01").add("15531-02")).add("code", "15531-03")
                .add("name", "Thôn Đông Tây").add("type", "thôn").add("sumQuotas", sumQuotas);
    }

    private static List<String> codes(JsonArray units) {
        return units.stream().map(v -> v.asJsonObject().getString("code")).sorted().toList();
    }

    private static JsonObject counts(String token, String day) {
        Http.Answer counts = Http.get("/api/reorganizations/counts?communes=15501,15502,15509&effectiveDate=" + day,
                token);
        assertEquals(200, counts.status(), counts::toString);
        return counts.json();
    }

    private static long count(JsonObject line, String side, String measure) {
        return line.getJsonObject(side).getJsonNumber(measure).longValue();
    }

    private static JsonObject waitFor(String token, long id, String status) throws InterruptedException {
        JsonObject r = null;
        for (int i = 0; i < 240; i++) {
            r = Http.get("/api/reorganizations/" + id, token).json();
            if (status.equals(r.getString("status")) || r.containsKey("failure") && !r.isNull("failure")) {
                return r;
            }
            Thread.sleep(250);
        }
        return r;
    }

    private static List<String> communes(String username) {
        JsonObject user = Keycloak.findUser(username);
        return user.getJsonObject("attributes").getJsonArray("communes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** Every row of the tables a reorganization may change that concerns this class's communes. */
    private static List<String> dump() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = Tenants.root(); Statement s = c.createStatement()) {
            String units = "(SELECT id FROM hssk_t38.admin_unit WHERE code LIKE '155%')";
            for (String sql : List.of(
                    "SELECT * FROM hssk_t38.admin_unit WHERE id IN " + units + " ORDER BY id",
                    "SELECT * FROM hssk_t38.admin_unit_predecessor WHERE unit_id IN " + units + " ORDER BY 1, 2",
                    "SELECT * FROM hssk_t38.admin_unit_period WHERE unit_id IN " + units + " ORDER BY id",
                    "SELECT * FROM hssk_t38.health_station WHERE commune_id IN " + units + " ORDER BY id",
                    "SELECT * FROM hssk_t38.plan WHERE unit_id IN " + units + " ORDER BY id",
                    "SELECT * FROM hssk_t38.target WHERE unit_id IN " + units + " ORDER BY id",
                    "SELECT p.* FROM hssk_t38.person p WHERE p.village_id IN " + units + " ORDER BY p.id",
                    "SELECT h.* FROM hssk_t38.household h WHERE h.village_id IN " + units + " ORDER BY h.id",
                    "SELECT q.* FROM hssk_t38.village_quota q WHERE q.village_id IN " + units + " ORDER BY q.id",
                    "SELECT d.* FROM hssk_t38.created_record_day d WHERE d.village_id IN " + units + " ORDER BY 1, 2",
                    "SELECT d.* FROM hssk_t38.duplicate_candidate d WHERE d.commune_low IN " + units
                            + " OR d.commune_high IN " + units + " ORDER BY 1, 2, 3")) {
                try (ResultSet r = s.executeQuery(sql)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(meta.getTableName(1)).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(meta.getColumnName(i)).append('=').append(r.getString(i)).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private static long unit(String token, String code, String name, String level, String type, long parent) {
        return Units.ensure(token, code, name, level, type, parent, "2020-01-01");
    }

    private static long station(String token, String name, String facilityCode, String commune) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("facilityCode", facilityCode)
                .add("commune", commune);
        Http.Answer created = Http.post("/api/stations", token, b.build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static String pid(int year) {
        return People.pid("038", year >= 2000 ? '2' : '0', year);
    }
}
