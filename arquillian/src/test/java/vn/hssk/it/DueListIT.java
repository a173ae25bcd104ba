package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.Epi.assertField;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The due list per village and commune, computed from birth dates, the schedule in force and the doses recorded, and
 * vaccination sessions with their invitation lists. Each test makes its own commune (21011 upwards).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DueListIT {

    private static final String STAFF = "due-staff-";
    private static final String PENTA = "DPT-VGB-HIB";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A commune with two villages, a station and a staff account. */
    private record Place(String code, long commune, long village1, long village2, long station, String staff) {
    }

    private static Place place(String code) {
        String th = Keycloak.token("th-admin");
        long commune = Epi.unit(th, code, "Xã Hẹn Tiêm " + code, "COMMUNE", "xa", 1);
        long v1 = Epi.unit(th, code + "-01", "Thôn Một", "VILLAGE", "thon", commune);
        long v2 = Epi.unit(th, code + "-02", "Thôn Hai", "VILLAGE", "thon", commune);
        long station = Epi.station(th, code, "Trạm Y tế " + code);
        Keycloak.user(STAFF + code, "station-staff", "38", List.of(code));
        return new Place(code, commune, v1, v2, station, Keycloak.token(STAFF + code));
    }

    @BeforeEach
    void provinces() {
        Tenants.ensureBoth();
    }

    private static Set<String> lines(JsonArray list, long person) {
        return list.stream().map(JsonObject.class::cast)
                .filter(e -> e.getJsonNumber("personId").longValue() == person)
                .map(e -> e.getString("vaccine") + "#" + e.getInt("doseNumber") + ":" + e.getString("status"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theDueListFollowsBirthDatesTheScheduleAndTheDosesRecorded() {
        Place p = place("21011");
        YearMonth month = YearMonth.from(Epi.today());
        LocalDate twoMonthsOld = month.atDay(1).minusMonths(2);
        long child = Epi.newborn(p.staff(), "Phạm Minh Đủ", twoMonthsOld, p.village1());
        long younger = Epi.newborn(p.staff(), "Phạm Minh Sắp", month.atDay(1).minusMonths(1), p.village1());
        long elsewhere = Epi.newborn(p.staff(), "Hoàng Thị Khác", twoMonthsOld, p.village2());
        String url = "/api/due-list?month=" + month + "&village=" + p.village1();

        JsonArray list = Http.get(url, p.staff()).jsonArray();
        assertEquals(Set.of("HEPB-MONOVALENT#1:OVERDUE", "BCG#1:OVERDUE", PENTA + "#1:DUE", "OPV#1:DUE"),
                lines(list, child), list::toString);
        assertEquals(Set.of("HEPB-MONOVALENT#1:OVERDUE", "BCG#1:OVERDUE", PENTA + "#1:UPCOMING", "OPV#1:UPCOMING"),
                lines(list, younger));
        assertTrue(lines(list, elsewhere).isEmpty(), "another village's child is not on this village's list");
        assertFalse(lines(Http.get("/api/due-list?month=" + month + "&commune=" + p.commune(), p.staff())
                .jsonArray(), elsewhere).isEmpty(), "the commune's list has every village");

        String dose = "/api/persons/" + child + "/immunizations";
        assertEquals(201, Http.post(dose, p.staff(), Epi.historical("HEPB-MONOVALENT", 1, twoMonthsOld).build())
                .status());
        assertEquals(201, Http.post(dose, p.staff(), Epi.historical("BCG", 1, twoMonthsOld.plusDays(3)).build())
                .status());
        long lot = Epi.stockedLot(Keycloak.token("th-admin"), PENTA, p.station(), 5);
        assertEquals(201, Http.post(dose, p.staff(), Epi.given(PENTA, 1, Epi.today(), p.station(), lot).build())
                .status());
        Set<String> after = lines(Http.get(url, p.staff()).jsonArray(), child);
        assertEquals(Set.of("OPV#1:DUE", PENTA + "#2:UPCOMING"), after,
                "dose 2 is due a month after dose 1, next month");

        assertField(Http.get("/api/due-list?month=2026-13&village=" + p.village1(), p.staff()), 400, "month");
        assertField(Http.get("/api/due-list", p.staff()), 400, "village");
    }

    @Test
    void sessionsInviteTheChildrenDueForTheVaccinesPlanned() {
        Place p = place("21012");
        YearMonth month = YearMonth.from(Epi.today());
        long child = Epi.newborn(p.staff(), "Vũ Văn Mời", month.atDay(1).minusMonths(2), p.village1());
        Http.Answer planned = Http.post("/api/sessions", p.staff(), Json.createObjectBuilder()
                .add("stationId", p.station()).add("sessionDate", Epi.today().toString())
                .add("place", "Nhà văn hóa thôn Một").add("villageId", p.village1())
                .add("vaccines", Json.createArrayBuilder().add(PENTA).add("OPV")).build());
        assertEquals(201, planned.status(), planned::toString);
        long session = planned.json().getJsonNumber("id").longValue();
        JsonArray invited = Http.get("/api/sessions/" + session + "/due-list", p.staff()).jsonArray();
        assertEquals(Set.of(PENTA + "#1:DUE", "OPV#1:DUE"), lines(invited, child), invited::toString);
        assertEquals(1, Http.get("/api/sessions?station=" + p.station(), p.staff()).jsonArray().size());

        assertField(Http.post("/api/sessions", p.staff(), Json.createObjectBuilder().add("stationId", p.station())
                .add("sessionDate", Epi.today().toString()).add("place", "Trạm")
                .add("vaccines", Json.createArrayBuilder().add("NOPE")).build()), 400, "vaccines");
        assertField(Http.post("/api/sessions", p.staff(), Json.createObjectBuilder().add("stationId", p.station())
                .add("sessionDate", Epi.today().toString()).add("place", " ")
                .add("vaccines", Json.createArrayBuilder().add("BCG")).build()), 400, "place");
        Http.Answer cancelled = Http.post("/api/sessions/" + session + "/cancel", p.staff(),
                Json.createObjectBuilder().add("reason", "Mưa bão").build());
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertTrue(cancelled.json().getBoolean("cancelled"));
    }

    @Test
    void dueListsAndSessionsKeepToTheCallersCommuneAndProvince() {
        Place a = place("21013");
        Place b = place("21014");
        long child = Epi.newborn(a.staff(), "Đỗ Thị Riêng", Epi.today().minusMonths(2), a.village1());
        Http.Answer planned = Http.post("/api/sessions", a.staff(), Json.createObjectBuilder()
                .add("stationId", a.station()).add("sessionDate", Epi.today().toString()).add("place", "Trạm")
                .add("vaccines", Json.createArrayBuilder().add("BCG")).build());
        assertEquals(201, planned.status(), planned::toString);
        long session = planned.json().getJsonNumber("id").longValue();

        assertEquals(404, Http.get("/api/due-list?village=" + a.village1(), b.staff()).status());
        assertEquals(404, Http.get("/api/due-list?commune=" + a.commune(), b.staff()).status());
        assertEquals(404, Http.get("/api/sessions/" + session, b.staff()).status());
        assertEquals(404, Http.get("/api/sessions/" + session + "/due-list", b.staff()).status());
        assertFalse(Http.get("/api/sessions", b.staff()).body().contains("\"id\":" + session + ","));
        assertField(Http.post("/api/sessions", b.staff(), Json.createObjectBuilder().add("stationId", a.station())
                .add("sessionDate", Epi.today().toString()).add("place", "Trạm")
                .add("vaccines", Json.createArrayBuilder().add("BCG")).build()), 400, "stationId");

        String ct = Keycloak.token("ct-admin");
        Http.Answer other = Http.get("/api/due-list?village=" + a.village1(), ct);
        assertTrue(other.status() == 404 || !other.body().contains("\"personId\":" + child + ","), other::toString);
        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/due-list?village=" + a.village1(), national).status());
        assertEquals(403, Http.get("/api/sessions", national).status());
        assertTrue(Http.get("/api/due-list?village=" + a.village1(), Keycloak.token("th-admin")).body()
                .contains("Đỗ Thị Riêng"), "the province administrator sees every commune");
    }
}
