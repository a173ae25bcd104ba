package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Commune health stations and their staff through the API with real tokens: a province administrator opens, amends
 * and closes stations and sub-sites and manages staff; codes and phones are validated with the field named; one open
 * main station per commune and per facility code; commune roles read only their communes' stations, another province
 * and national administrators reach nothing. Communes 164xx (38) and 314xx (92) belong to this class and AccountsIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void twoProvinces() {
        Tenants.ensureBoth();
    }

    @Test
    void provinceAdminOpensAmendsAndClosesStationsAndSubSitesWithTheirStaff() {
        String th = Keycloak.token("th-admin");
        commune(th, "16401", "Xã Hoằng Hóa Mới");
        commune(th, "16402", "Xã Hoằng Đạo Cũ");
        Http.Answer created = Http.post("/api/stations", th, station("Trạm Y tế xã Hoằng Hóa Mới", "38401", "16401")
                .add("address", "Thôn 1").add("phone", "0237 3840 401").add("openingHours", "7:00–17:00").build());
        assertEquals(201, created.status(), created::toString);
        JsonObject main = created.json();
        long id = id(main);
        assertEquals("MAIN", main.getString("kind"));
        assertEquals("16401", main.getString("commune"));
        assertEquals("0237384040" + "1", main.getString("phone"), "spaces are dropped from phone numbers");
        assertEquals("38401", Http.get("/api/stations/" + id, th).json().getString("facilityCode"));

        Http.Answer amended = Http.put("/api/stations/" + id, th, station("Trạm Y tế xã Hoằng Hóa", "38401", null)
                .add("phone", "+84912000401").add("openingHours", "Thứ Hai – Thứ Bảy")
                .add("version", main.getInt("version")).build());
        assertEquals(200, amended.status(), amended::toString);
        assertEquals("Trạm Y tế xã Hoằng Hóa", amended.json().getString("name"));
        assertEquals("+84912000401", amended.json().getString("phone"));
        Http.Answer stale = Http.put("/api/stations/" + id, th, station("Cũ", "38401", null)
                .add("version", main.getInt("version")).build());
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("version", stale.json().getString("field"));

        Http.Answer sub = Http.post("/api/stations", th, Json.createObjectBuilder()
                .add("name", "Điểm trạm Hoằng Đạo").add("parentId", id).add("formerCommune", "16402").build());
        assertEquals(201, sub.status(), sub::toString);
        long subId = id(sub.json());
        assertEquals("SUB_SITE", sub.json().getString("kind"));
        assertEquals("16401", sub.json().getString("commune"), "a sub-site lies in its main station's commune");
        assertEquals("16402", sub.json().getString("formerCommune"));
        assertEquals(id, sub.json().getJsonNumber("parentId").longValue());
        JsonArray ofCommune = Http.get("/api/stations?commune=16401", th).jsonArray();
        assertEquals(List.of(id, subId), ids(ofCommune), "main station first, then its sub-sites");

        Http.Answer nurse = Http.post("/api/staff", th, Json.createObjectBuilder().add("stationId", id)
                .add("fullName", "Nguyễn Thị Mai").add("position", "NURSE").add("licenceNumber", "004401/TH-CCHN")
                .add("phone", "0912000402").add("startedOn", "2025-07-01").build());
        assertEquals(201, nurse.status(), nurse::toString);
        long nurseId = id(nurse.json());
        Http.Answer head = Http.post("/api/staff", th, Json.createObjectBuilder().add("stationId", id)
                .add("fullName", "Lê Văn Tâm").add("position", "head").build());
        assertEquals(201, head.status(), head::toString);
        Http.Answer promoted = Http.put("/api/staff/" + nurseId, th, Json.createObjectBuilder()
                .add("fullName", "Nguyễn Thị Mai").add("position", "MIDWIFE").add("phone", "+84912000402")
                .add("username", "TH-Mai").add("version", nurse.json().getInt("version")).build());
        assertEquals(200, promoted.status(), promoted::toString);
        assertEquals("MIDWIFE", promoted.json().getString("position"));
        assertEquals("th-mai", promoted.json().getString("username"));
        assertEquals(2, Http.get("/api/staff?station=" + id, th).jsonArray().size());

        Http.Answer left = Http.post("/api/staff/" + nurseId + "/end", th, Json.createObjectBuilder()
                .add("endedOn", "2026-01-31").add("reason", "Chuyển công tác").build());
        assertEquals(200, left.status(), left::toString);
        assertEquals("2026-01-31", left.json().getString("endedOn"));
        assertEquals(1, Http.get("/api/staff?station=" + id, th).jsonArray().size(), "present staff only");
        assertEquals(2, Http.get("/api/staff?station=" + id + "&includeEnded=true", th).jsonArray().size(),
                "a staff member who left is kept");
        assertEquals(409, Http.put("/api/staff/" + nurseId, th, Json.createObjectBuilder()
                .add("fullName", "X").add("position", "NURSE").build()).status());

        Http.Answer mainFirst = Http.post("/api/stations/" + id + "/close", th, close("Sáp nhập"));
        assertEquals(409, mainFirst.status(), "a main station with open sub-sites stays open: " + mainFirst);
        Http.Answer noReason = Http.post("/api/stations/" + subId + "/close", th, Json.createObjectBuilder().build());
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().getString("field"));
        assertEquals(200, Http.post("/api/stations/" + subId + "/close", th, close("Gộp vào trạm chính")).status());
        Http.Answer closed = Http.post("/api/stations/" + id + "/close", th, close("Sáp nhập xã"));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("Sáp nhập xã", closed.json().getString("closeReason"));
        assertTrue(Http.get("/api/stations?commune=16401", th).jsonArray().isEmpty(), "closed stations are hidden");
        assertEquals(2, Http.get("/api/stations?commune=16401&includeClosed=true", th).jsonArray().size(),
                "closed stations are kept");
        assertEquals(409, Http.put("/api/stations/" + id, th, station("X", "38401", null).build()).status());

        Http.Answer reopened = Http.post("/api/stations", th, station("Trạm Y tế xã Hoằng Hóa (mới)", "38401",
                "16401").build());
        assertEquals(201, reopened.status(), "commune and facility code are free once the station closed: "
                + reopened);
    }

    @Test
    void badStationAndStaffInputGetsAProblemNamingTheField() {
        String th = Keycloak.token("th-admin");
        long commune = commune(th, "16403", "Xã Hoằng Trung");
        commune(th, "16405", "Xã Hoằng Phú");
        village(th, "16403-01", "Thôn Trung 1", commune);

        assertProblem(400, "facilityCode", Http.post("/api/stations", th, station("Trạm", "3812", "16403").build()));
        assertProblem(400, "facilityCode", Http.post("/api/stations", th, station("Trạm", "38a03", "16403").build()));
        assertProblem(400, "facilityCode", Http.post("/api/stations", th, station("Trạm", "92403", "16403").build()));
        assertProblem(400, "facilityCode", Http.post("/api/stations", th, station("Trạm", null, "16403").build()));
        assertProblem(400, "commune", Http.post("/api/stations", th, station("Trạm", "38403", "16999").build()));
        assertProblem(400, "commune", Http.post("/api/stations", th, station("Trạm", "38403", "16403-01").build()));
        assertProblem(400, "commune", Http.post("/api/stations", th, station("Trạm", "38403", null).build()));
        assertProblem(400, "name", Http.post("/api/stations", th, station(" ", "38403", "16403").build()));
        assertProblem(400, "phone", Http.post("/api/stations", th, station("Trạm", "38403", "16403")
                .add("phone", "12345").build()));
        assertProblem(400, "parentId", Http.post("/api/stations", th, Json.createObjectBuilder()
                .add("name", "Điểm trạm").add("parentId", 987654).build()));

        Http.Answer first = Http.post("/api/stations", th, station("Trạm Y tế xã Hoằng Trung", "38403", "16403")
                .build());
        assertEquals(201, first.status(), first::toString);
        long id = id(first.json());
        assertProblem(409, "commune", Http.post("/api/stations", th, station("Trạm thứ hai", "38404", "16403")
                .build()));
        assertProblem(409, "facilityCode", Http.post("/api/stations", th, station("Trạm Hoằng Phú", "38403",
                "16405").build()));
        assertProblem(400, "formerCommune", Http.post("/api/stations", th, Json.createObjectBuilder()
                .add("name", "Điểm trạm").add("parentId", id).add("formerCommune", "16998").build()));
        assertProblem(400, "commune", Http.post("/api/stations", th, Json.createObjectBuilder()
                .add("name", "Điểm trạm").add("parentId", id).add("commune", "16405").build()));

        Function<JsonObjectBuilder, Http.Answer> addStaff = b -> Http.post("/api/staff", th, b.build());
        assertProblem(400, "phone", addStaff.apply(staff(id).add("phone", "0912")));
        assertProblem(400, "phone", addStaff.apply(staff(id).add("phone", "1912000403")));
        assertProblem(400, "licenceNumber", addStaff.apply(staff(id).add("licenceNumber", "12")));
        assertProblem(400, "licenceNumber", addStaff.apply(staff(id).add("licenceNumber", "x".repeat(31))));
        assertProblem(400, "position", Http.post("/api/staff", th, Json.createObjectBuilder().add("stationId", id)
                .add("fullName", "Lê Văn A").add("position", "SURGEON").build()));
        assertProblem(400, "fullName", Http.post("/api/staff", th, Json.createObjectBuilder().add("stationId", id)
                .add("position", "NURSE").build()));
        assertProblem(400, "username", addStaff.apply(staff(id).add("username", "a b")));
        assertProblem(400, "stationId", Http.post("/api/staff", th, Json.createObjectBuilder()
                .add("fullName", "Lê Văn A").add("position", "NURSE").build()));
        assertEquals(201, addStaff.apply(staff(id).add("phone", "0912000403").add("licenceNumber", "0044/TH"))
                .status());
    }

    @Test
    void communeRolesReadOnlyTheStationsOfTheirCommunes() {
        String th = Keycloak.token("th-admin");
        long quangDai = quangDaiStation(th);
        commune(th, "16404", "Xã Hoằng Lộc");
        long other = id(created(Http.post("/api/stations", th, station("Trạm Y tế xã Hoằng Lộc", "38404", "16404")
                .build())));
        long otherStaff = id(created(Http.post("/api/staff", th, staff(other).build())));
        long ownStaff = id(created(Http.post("/api/staff", th, staff(quangDai).build())));

        for (String user : List.of("th-quangdai-chair", "th-quangdai-staff")) {
            String token = Keycloak.token(user);
            JsonArray list = Http.get("/api/stations", token).jsonArray();
            assertTrue(ids(list).contains(quangDai), user + ": " + list);
            assertFalse(ids(list).contains(other), user + " sees only Quảng Đại: " + list);
            list.forEach(s -> assertEquals("16279", s.asJsonObject().getString("commune")));
            assertTrue(Http.get("/api/stations?commune=16404", token).jsonArray().isEmpty());
            assertEquals(200, Http.get("/api/stations/" + quangDai, token).status());
            assertEquals(404, Http.get("/api/stations/" + other, token).status());
            assertEquals(200, Http.get("/api/staff/" + ownStaff, token).status());
            assertEquals(404, Http.get("/api/staff/" + otherStaff, token).status());
            assertEquals(404, Http.get("/api/staff?station=" + other, token).status());
            JsonArray staffList = Http.get("/api/staff", token).jsonArray();
            assertTrue(ids(staffList).contains(ownStaff) && !ids(staffList).contains(otherStaff), staffList::toString);

            assertEquals(403, Http.post("/api/stations", token, station("Trạm", "38406", "16279").build()).status());
            assertEquals(403, Http.put("/api/stations/" + quangDai, token, station("Đổi", "38279", null).build())
                    .status());
            assertEquals(403, Http.post("/api/stations/" + quangDai + "/close", token, close("x")).status());
            assertEquals(403, Http.post("/api/staff", token, staff(quangDai).build()).status());
            assertEquals(403, Http.put("/api/staff/" + ownStaff, token, staff(quangDai).build()).status());
            assertEquals(403, Http.post("/api/staff/" + ownStaff + "/end", token, close("x")).status());
        }
        assertEquals(200, Http.get("/api/stations/" + quangDai, th).status());
    }

    @Test
    void anotherProvinceAndNationalAdministratorsReachNoStation() {
        String th = Keycloak.token("th-admin");
        String ct = Keycloak.token("ct-admin");
        commune(th, "16406", "Xã Hoằng Thắng");
        commune(ct, "31406", "Phường An Bình");
        JsonObject thStation = created(Http.post("/api/stations", th,
                station("Trạm Y tế xã Hoằng Thắng", "38406", "16406").build()));
        long thStaff = id(created(Http.post("/api/staff", th, staff(id(thStation)).build())));
        JsonObject ctStation = created(Http.post("/api/stations", ct,
                station("Trạm Y tế phường An Bình", "92406", "31406").build()));

        JsonArray ctList = Http.get("/api/stations?includeClosed=true", ct).jsonArray();
        assertTrue(ids(ctList).contains(id(ctStation)));
        ctList.forEach(s -> assertTrue(s.asJsonObject().getString("facilityCode", "92").startsWith("92")
                && !s.asJsonObject().getString("commune").startsWith("16"), "no Thanh Hóa station: " + ctList));
        Http.Answer byId = Http.get("/api/stations/" + id(thStation), ct);
        if (ids(ctList).contains(id(thStation))) {
            assertNotEquals(thStation.getString("name"), byId.json().getString("name"), "same id, other province");
        } else {
            assertEquals(404, byId.status(), byId::toString);
        }
        assertFalse(Http.get("/api/staff?includeEnded=true", ct).body().contains(thStation.getString("name")));
        assertTrue(Http.get("/api/stations?commune=16406", ct).jsonArray().isEmpty(),
                "a commune code of another province lists nothing");
        assertProblem(400, "commune", Http.post("/api/stations", ct, station("Trạm", "92407", "16406").build()));
        assertProblem(400, "facilityCode", Http.post("/api/stations", ct, station("Trạm", "38407", "31406")
                .build()));
        if (!ids(Http.get("/api/staff?includeEnded=true", ct).jsonArray()).contains(thStaff)) {
            assertEquals(404, Http.get("/api/staff/" + thStaff, ct).status());
        }

        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/stations", national).status());
        assertEquals(403, Http.get("/api/stations/" + id(thStation), national).status());
        assertEquals(403, Http.post("/api/stations", national, station("Trạm", "38408", "16406").build()).status());
        assertEquals(403, Http.get("/api/staff", national).status());
        assertEquals(403, Http.get("/api/staff/" + thStaff, national).status());
        assertEquals(401, Http.get("/api/stations", null).status());
    }

    // ---- helpers shared with AccountsIT ----

    static JsonObjectBuilder station(String name, String facilityCode, String commune) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name);
        if (facilityCode != null) {
            b.add("facilityCode", facilityCode);
        }
        if (commune != null) {
            b.add("commune", commune);
        }
        return b;
    }

    static JsonObjectBuilder staff(long stationId) {
        return Json.createObjectBuilder().add("stationId", stationId).add("fullName", "Trần Văn Bình")
                .add("position", "DOCTOR");
    }

    static JsonObject close(String reason) {
        return Json.createObjectBuilder().add("reason", reason).build();
    }

    static JsonObject created(Http.Answer answer) {
        assertEquals(201, answer.status(), answer::toString);
        return answer.json();
    }

    static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    static List<Long> ids(JsonArray a) {
        return a.stream().map(v -> id(v.asJsonObject())).toList();
    }

    static void assertProblem(int status, String field, Http.Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertEquals(field, answer.json().getString("field"), answer::toString);
    }

    /** Quảng Đại (16279) and its main station, made if this run has none yet (the demo users work there). */
    static long quangDaiStation(String th) {
        commune(th, "16279", "Xã Quảng Đại");
        JsonArray found = Http.get("/api/stations?commune=16279", th).jsonArray();
        for (int i = 0; i < found.size(); i++) {
            if ("MAIN".equals(found.getJsonObject(i).getString("kind"))) {
                return id(found.getJsonObject(i));
            }
        }
        Http.Answer made = Http.post("/api/stations", th, station("Trạm Y tế xã Quảng Đại", "38279", "16279")
                .build());
        if (made.status() == 409) {
            return quangDaiStation(th);
        }
        return id(created(made));
    }

    /** The current commune with this code, made under the province (unit 1) if this run has none yet. */
    static long commune(String token, String code, String name) {
        return Units.ensure(token, code, name, "COMMUNE", "xa", 1);
    }

    static long village(String token, String code, String name, long commune) {
        return Units.ensure(token, code, name, "VILLAGE", "thon", commune);
    }

}
