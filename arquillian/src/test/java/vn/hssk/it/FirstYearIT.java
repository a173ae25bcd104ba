package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One child from birth through the first-year schedule at the sessions of a Quảng Đại station (commune 21041 in the
 * tests' range): at each session the due list names the doses, the staff give them from the station's lots, the
 * stock goes down by one per dose, and at the end the certificate verifies publicly and the child counts as fully
 * immunized in the coverage of the cohort.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstYearIT {

    private static final String COMMUNE = "21041";
    private static final String STAFF = "qd-staff-21041";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** Age in months at each session and the doses given there (vaccine code, dose number). */
    private static final Map<Integer, List<Object[]>> SESSIONS = new LinkedHashMap<>();

    static {
        SESSIONS.put(0, List.<Object[]>of(new Object[] {"HEPB-MONOVALENT", 1}, new Object[] {"BCG", 1}));
        SESSIONS.put(2, List.<Object[]>of(new Object[] {"DPT-VGB-HIB", 1}, new Object[] {"OPV", 1}));
        SESSIONS.put(3, List.<Object[]>of(new Object[] {"DPT-VGB-HIB", 2}, new Object[] {"OPV", 2}));
        SESSIONS.put(4, List.<Object[]>of(new Object[] {"DPT-VGB-HIB", 3}, new Object[] {"OPV", 3}));
        SESSIONS.put(5, List.<Object[]>of(new Object[] {"IPV", 1}));
        SESSIONS.put(9, List.<Object[]>of(new Object[] {"IPV", 2}, new Object[] {"MEASLES-MONOVALENT", 1}));
    }

    @Test
    void aChildWalksTheFirstYearScheduleAtQuangDaiSessions() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Epi.unit(th, COMMUNE, "Xã Quảng Đại", "COMMUNE", "xa", 1);
        long village = Epi.unit(th, COMMUNE + "-01", "Thôn Huệ Nghiêm", "VILLAGE", "thon", commune);
        long station = Epi.station(th, COMMUNE, "Trạm Y tế xã Quảng Đại");
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        String staff = Keycloak.token(STAFF);

        Map<String, Long> lots = new LinkedHashMap<>();
        for (String vaccine : List.of("HEPB-MONOVALENT", "BCG", "DPT-VGB-HIB", "OPV", "IPV", "MEASLES-MONOVALENT")) {
            long lot = Epi.lot(th, vaccine, Epi.lotNumber("QD-" + vaccine), Epi.today().plusYears(1), 20,
                    Epi.today().minusMonths(13));
            Epi.allocate(th, lot, station, 20, Epi.today().minusMonths(13));
            lots.put(vaccine, lot);
        }
        LocalDate born = Epi.today().minusMonths(11).minusDays(10);
        long child = Epi.newborn(staff, "Trần Quảng Đại", born, village);

        for (Map.Entry<Integer, List<Object[]>> session : SESSIONS.entrySet()) {
            LocalDate day = born.plusMonths(session.getKey());
            Http.Answer planned = Http.post("/api/sessions", staff, Json.createObjectBuilder()
                    .add("stationId", station).add("sessionDate", day.toString())
                    .add("place", "Trạm Y tế xã Quảng Đại").add("villageId", village)
                    .add("vaccines", Json.createArrayBuilder(session.getValue().stream().map(d -> (String) d[0])
                            .toList())).build());
            assertEquals(201, planned.status(), planned::toString);
            JsonArray invited = Http.get("/api/sessions/" + planned.json().getJsonNumber("id").longValue()
                    + "/due-list", staff).jsonArray();
            Set<String> expected = session.getValue().stream().map(d -> d[0] + "#" + d[1])
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, invited.stream().map(JsonObject.class::cast)
                    .filter(e -> e.getJsonNumber("personId").longValue() == child)
                    .map(e -> e.getString("vaccine") + "#" + e.getInt("doseNumber"))
                    .collect(Collectors.toCollection(TreeSet::new)), "invited at " + session.getKey() + " months");
            for (Object[] dose : session.getValue()) {
                long lot = lots.get((String) dose[0]);
                int before = Epi.balance(staff, station, lot);
                Http.Answer given = Http.post("/api/persons/" + child + "/immunizations", staff,
                        Epi.given((String) dose[0], (Integer) dose[1], day, station, lot).build());
                assertEquals(201, given.status(), given::toString);
                assertEquals(before - 1, Epi.balance(staff, station, lot), "one dose out of stock");
            }
        }

        JsonArray partC = Http.get("/api/persons/" + child + "/immunizations", staff).jsonArray();
        assertEquals(11, partC.size());
        assertTrue(partC.stream().map(JsonObject.class::cast).allMatch(d -> "GIVEN".equals(d.getString("source"))));
        assertEquals(19, Epi.balance(staff, station, lots.get("BCG")));
        assertEquals(17, Epi.balance(staff, station, lots.get("DPT-VGB-HIB")));

        Http.Answer issued = Http.send("/api/persons/" + child + "/immunizations/certificate", staff,
                "application/json", "", "application/pdf, application/json");
        assertEquals(200, issued.status());

        YearMonth cohort = YearMonth.from(born).plusMonths(12);
        JsonArray coverage = Http.get("/api/coverage?unit=" + village + "&from=" + cohort + "&to=" + cohort, staff)
                .jsonArray();
        JsonObject fic = coverage.stream().map(JsonObject.class::cast)
                .filter(r -> "FULLY_IMMUNIZED".equals(r.getString("indicator"))).findFirst().orElseThrow();
        assertEquals(1, fic.getInt("cohort"));
        assertEquals(1, fic.getInt("vaccinated"), "fully immunized under one");

        Http.Answer indicator = Http.post("/api/targets/indicators", th, Json.createObjectBuilder()
                .add("code", "FIC_" + Math.floorMod(System.nanoTime(), 1_000_000_000L))
                .add("nameVi", "Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ").add("nameEn", "Fully immunized under one")
                .add("unitKind", "PERCENT").add("computation", "VACCINATION_COVERAGE").add("parameter",
                        "FULLY_IMMUNIZED").build());
        assertEquals(201, indicator.status(), indicator::toString);
        Http.Answer target = Http.post("/api/targets", th, Json.createObjectBuilder()
                .add("indicatorId", indicator.json().getJsonNumber("id").longValue())
                .add("unitCode", COMMUNE + "-01").add("periodFrom", cohort.atDay(1).toString())
                .add("periodTo", cohort.atEndOfMonth().toString()).add("baseline", 80).add("targetValue", 95)
                .build());
        assertEquals(201, target.status(), target::toString);
        assertEquals(100, target.json().getJsonNumber("current").intValue(),
                "the plans' target counts the child through the immunization coverage: " + target);
    }
}
