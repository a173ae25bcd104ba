package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.Epi.assertField;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Immunization through the real API, tokens and database: the schedule built from the EPI catalog, lots and their
 * allocation, station stock that never goes negative (also under concurrent requests for the last dose), doses given
 * and entered from the past with the schedule checks, the audit of part C, and the scope of every endpoint. Communes
 * 21001 and 21002 are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImmunizationIT {

    private static final String COMMUNE_A = "21001";
    private static final String COMMUNE_B = "21002";
    private static final String STAFF_A = "im-staff-21001";
    private static final String STAFF_A2 = "im-nurse-21001";
    private static final String CHAIR_A = "im-chair-21001";
    private static final String STAFF_B = "im-staff-21002";
    private static final String PENTA = "DPT-VGB-HIB";

    private static boolean usersMade;
    private static long villageA;
    private static long villageB;
    private static long stationA;
    private static long stationB;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesStationsAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = Epi.unit(th, COMMUNE_A, "Xã Tiêm Chủng A", "COMMUNE", "xa", 1);
        long communeB = Epi.unit(th, COMMUNE_B, "Xã Tiêm Chủng B", "COMMUNE", "xa", 1);
        villageA = Epi.unit(th, COMMUNE_A + "-01", "Thôn Đông", "VILLAGE", "thon", communeA);
        villageB = Epi.unit(th, COMMUNE_B + "-01", "Thôn Tây", "VILLAGE", "thon", communeB);
        stationA = Epi.station(th, COMMUNE_A, "Trạm Y tế xã Tiêm Chủng A");
        stationB = Epi.station(th, COMMUNE_B, "Trạm Y tế xã Tiêm Chủng B");
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_A2, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            usersMade = true;
        }
    }

    @Test
    void theScheduleIsBuiltFromTheEpiCatalogWithAgesInMonthsAndDays() {
        String staff = Keycloak.token(STAFF_A);
        JsonArray schedule = Http.get("/api/schedule?vaccine=" + PENTA, staff).jsonArray();
        assertEquals(3, schedule.size(), schedule::toString);
        JsonObject first = schedule.getJsonObject(0);
        assertEquals(1, first.getInt("doseNumber"));
        assertEquals(2, first.getInt("minimumAgeMonths"));
        JsonObject second = schedule.getJsonObject(1);
        assertEquals(1, second.getInt("minIntervalMonths"));
        assertEquals(0, second.getInt("minIntervalDays"));
        assertEquals("2024-08-01", second.getString("validFrom"));

        JsonArray vaccines = Http.get("/api/vaccines", staff).jsonArray();
        assertTrue(vaccines.stream().anyMatch(v -> "BCG".equals(v.asJsonObject().getString("code"))), vaccines::toString);
        JsonArray all = Http.get("/api/schedule?on=all", staff).jsonArray();
        assertTrue(all.size() >= 30, "every published row is a schedule row: " + all.size());
    }

    @Test
    void theProvinceKeepsTheScheduleAsSchedulesChange() {
        String th = Keycloak.token("th-admin");
        String code = "IT-" + Epi.lotNumber("V").replace("V-", "");
        Http.Answer vaccine = Http.post("/api/vaccines", th, Json.createObjectBuilder().add("code", code)
                .add("name", "Thử nghiệm").add("antigen", "test antigen").add("manufacturer", "IVAC")
                .add("dosesPerVial", 10).build());
        assertEquals(201, vaccine.status(), vaccine::toString);
        Http.Answer row = Http.post("/api/schedule", th, Json.createObjectBuilder().add("vaccine", code)
                .add("doseNumber", 1).add("recommendedAgeMonths", 6).add("minimumAgeMonths", 6)
                .add("routine", false).add("validFrom", "2024-08-01").build());
        assertEquals(201, row.status(), row::toString);
        assertField(Http.post("/api/schedule", th, Json.createObjectBuilder().add("vaccine", code)
                .add("doseNumber", 1).add("minimumAgeMonths", 4).add("validFrom", "2026-07-01").build()), 409,
                "validFrom");
        long id = row.json().getJsonNumber("id").longValue();
        Http.Answer ended = Http.put("/api/schedule/" + id, th, Json.createObjectBuilder()
                .add("validTo", "2026-06-30").build());
        assertEquals(200, ended.status(), ended::toString);
        assertEquals(201, Http.post("/api/schedule", th, Json.createObjectBuilder().add("vaccine", code)
                .add("doseNumber", 1).add("minimumAgeMonths", 4).add("routine", false).add("validFrom", "2026-07-01")
                .build()).status(), "not routine: the test's vaccine stays out of others' due lists and coverage");
        assertEquals(6, Http.get("/api/schedule?on=2026-06-30&vaccine=" + code, th).jsonArray().getJsonObject(0)
                .getInt("minimumAgeMonths"));
        assertEquals(4, Http.get("/api/schedule?on=2026-07-01&vaccine=" + code, th).jsonArray().getJsonObject(0)
                .getInt("minimumAgeMonths"));

        assertField(Http.post("/api/schedule", th, Json.createObjectBuilder().add("vaccine", "NO-SUCH")
                .add("doseNumber", 1).add("validFrom", "2026-07-01").build()), 400, "vaccine");
        assertField(Http.post("/api/schedule", th, Json.createObjectBuilder().add("vaccine", code)
                .add("doseNumber", 2).add("validFrom", "1.7.2026").build()), 400, "validFrom");
        assertEquals(403, Http.post("/api/schedule", Keycloak.token(STAFF_A), Json.createObjectBuilder()
                .add("vaccine", code).add("doseNumber", 3).add("validFrom", "2026-07-01").build()).status());
        assertEquals(403, Http.post("/api/vaccines", Keycloak.token(STAFF_A), Json.createObjectBuilder()
                .add("code", code + "X").add("name", "x").add("antigen", "x").build()).status());
    }

    @Test
    void lotsAreReceivedAllocatedAndNeverOverAllocated() {
        String th = Keycloak.token("th-admin");
        String number = Epi.lotNumber("BCG");
        long lot = Epi.lot(th, "BCG", number, Epi.today().plusMonths(3), 100);
        Epi.allocate(th, lot, stationA, 60);
        JsonObject view = Http.get("/api/lots/" + lot, th).json();
        assertEquals(40, view.getInt("unallocated"));
        assertField(Http.post("/api/lots/" + lot + "/allocations", th, Json.createObjectBuilder()
                .add("stationId", stationB).add("quantity", 41).build()), 409, "quantity");
        assertEquals(60, Epi.balance(th, stationA, lot));
        assertTrue(Http.get("/api/lots?expiringWithinDays=120", th).body().contains(number));
        assertFalse(Http.get("/api/lots?expiringWithinDays=30", th).body().contains(number));

        assertField(Http.post("/api/lots", th, Json.createObjectBuilder().add("vaccine", "BCG")
                .add("lotNumber", number).add("expiry", "2030-01-01").add("quantity", 5).build()), 409, "lotNumber");
        assertField(Http.post("/api/lots", th, Json.createObjectBuilder().add("vaccine", "NOPE")
                .add("lotNumber", "X1").add("expiry", "2030-01-01").add("quantity", 5).build()), 400, "vaccine");
        assertField(Http.post("/api/lots", th, Json.createObjectBuilder().add("vaccine", "BCG")
                .add("lotNumber", "X2").add("expiry", "2030-01-01").add("quantity", 0).build()), 400, "quantity");
        assertField(Http.post("/api/lots", th, Json.createObjectBuilder().add("vaccine", "BCG")
                .add("lotNumber", "X3").add("expiry", "31/02/2030").add("quantity", 5).build()), 400, "expiry");
    }

    @Test
    void aDoseGivenTakesItsLotsStockAndAppearsInPartC() throws Exception {
        String th = Keycloak.token("th-admin");
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = Epi.today().minusMonths(5);
        long child = Epi.newborn(staff, "Nguyễn Văn Tiêm", born, villageA);
        long lot = Epi.stockedLot(th, PENTA, stationA, 10);

        assertEquals(201, Http.post("/api/persons/" + child + "/immunizations", staff,
                Epi.historical("HEPB-MONOVALENT", 1, born).build()).status());
        Http.Answer given = Http.post("/api/persons/" + child + "/immunizations", staff,
                Epi.given(PENTA, 1, born.plusMonths(2), stationA, lot).build());
        assertEquals(201, given.status(), given::toString);
        assertEquals("GIVEN", given.json().getString("source"));
        assertEquals(9, Epi.balance(staff, stationA, lot));

        JsonArray doses = Http.get("/api/persons/" + child + "/immunizations", Keycloak.token(CHAIR_A)).jsonArray();
        assertEquals(2, doses.size(), doses::toString);
        assertEquals("HEPB-MONOVALENT", doses.getJsonObject(0).getString("vaccine"));
        assertEquals("HISTORICAL", doses.getJsonObject(0).getString("source"));
        assertEquals(PENTA, doses.getJsonObject(1).getString("vaccine"));

        JsonArray movements = Http.get("/api/stock/movements?station=" + stationA + "&lot=" + lot, staff)
                .jsonArray();
        assertEquals("DOSE", movements.getJsonObject(0).getString("kind"));
        assertEquals(-1, movements.getJsonObject(0).getInt("quantity"));
        assertEquals(given.json().getJsonNumber("id").longValue(),
                movements.getJsonObject(0).getJsonNumber("immunizationId").longValue());

        JsonArray audit = Http.get("/api/audit?person=" + child, th).jsonArray();
        long creates = audit.stream().map(e -> e.asJsonObject())
                .filter(e -> "CREATE".equals(e.getString("action")) && "immunization".equals(e.getString("context", "")))
                .count();
        long reads = audit.stream().map(e -> e.asJsonObject())
                .filter(e -> "READ".equals(e.getString("action")) && "immunization".equals(e.getString("context", "")))
                .count();
        assertEquals(2, creates, audit::toString);
        assertEquals(1, reads, audit::toString);
        assertBalanceIsTheSumOfMovements(stationA, lot);
    }

    @Test
    void eachRefusalOfADoseNamesItsField() {
        String th = Keycloak.token("th-admin");
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = Epi.today().minusMonths(4);
        long child = Epi.newborn(staff, "Trần Thị Sai", born, villageA);
        long penta = Epi.stockedLot(th, PENTA, stationA, 5);
        long opv = Epi.stockedLot(th, "OPV", stationA, 5);
        long foreign = Epi.stockedLot(th, PENTA, stationB, 5);
        LocalDate twoMonthsAgo = Epi.today().minusMonths(2);
        String expiredNumber = Epi.lotNumber("EXP");
        long expired = Epi.lot(th, PENTA, expiredNumber, Epi.today().minusDays(1), 5, twoMonthsAgo);
        Epi.allocate(th, expired, stationA, 5, twoMonthsAgo);
        String url = "/api/persons/" + child + "/immunizations";

        assertField(Http.post(url, staff, Epi.given("NO-SUCH", 1, born.plusMonths(2), stationA, penta).build()),
                400, "vaccine");
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, Epi.today().plusDays(1), stationA, penta)
                .build()), 400, "givenOn");
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, born.plusMonths(2), stationA, penta)
                .add("givenOn", "2026-13-01").build()), 400, "givenOn");
        assertField(Http.post(url, staff, Epi.given(PENTA, 2, born.plusMonths(3), stationA, penta).build()), 400,
                "doseNumber");
        assertField(Http.post(url, staff, Epi.given(PENTA, 9, born.plusMonths(3), stationA, penta).build()), 400,
                "doseNumber");
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, born.plusMonths(2), stationA, opv).build()), 400,
                "lotId");
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, born.plusMonths(2), stationA, foreign).build()), 400,
                "lotId");
        Http.Answer expiredLot = Http.post(url, staff, Epi.given(PENTA, 1, Epi.today(), stationA, expired).build());
        assertField(expiredLot, 400, "lotId");
        assertEquals("Lot " + expiredNumber + " expired on " + Epi.today().minusDays(1),
                expiredLot.error("lotId").getString("message"));
        Http.Answer expiredLotVi = Http.post(url, staff, Epi.given(PENTA, 1, Epi.today(), stationA, expired).build(),
                "vi");
        assertEquals("Lô " + expiredNumber + " đã hết hạn dùng ngày "
                + Epi.today().minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                expiredLotVi.error("lotId").getString("message"));
        assertEquals("lot.expired", expiredLotVi.error("lotId").getString("code"));
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, born.plusMonths(2), stationB, foreign).build()), 400,
                "stationId");
        assertField(Http.post(url, staff, Epi.historical(PENTA, 1, born.plusMonths(2)).add("lotId", penta).build()),
                400, "lotId");
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, born.plusMonths(2), stationA, penta)
                .add("site", "NOSE").build()), 400, "site");

        Http.Answer tooEarly = Http.post(url, staff, Epi.given(PENTA, 1, born.plusWeeks(6), stationA, penta).build());
        assertField(tooEarly, 400, "overrideReason");
        String english = tooEarly.error("overrideReason").getString("message");
        assertTrue(english.startsWith("Dose 1 of " + PENTA + " is before the minimum age ")
                && english.endsWith(": give a reason to record it anyway"), english);
        Http.Answer tooEarlyVi = Http.post(url, staff, Epi.given(PENTA, 1, born.plusWeeks(6), stationA, penta)
                .build(), "vi");
        String vietnamese = tooEarlyVi.error("overrideReason").getString("message");
        assertTrue(vietnamese.startsWith("Mũi 1 vắc xin " + PENTA + " tiêm trước tuổi tối thiểu ")
                && vietnamese.endsWith(": hãy ghi lý do nếu vẫn ghi nhận"), vietnamese);
        assertEquals("dose.tooEarly", tooEarlyVi.error("overrideReason").getString("code"));
        assertEquals(5, Epi.balance(staff, stationA, penta), "a refused dose takes nothing from stock");
        Http.Answer early = Http.post(url, staff, Epi.given(PENTA, 1, born.plusWeeks(6), stationA, penta)
                .add("overrideReason", "Đi xa dài ngày, bác sĩ đồng ý tiêm sớm").build());
        assertEquals(201, early.status(), early::toString);
        assertField(Http.post(url, staff, Epi.given(PENTA, 2, born.plusWeeks(8), stationA, penta).build()), 400,
                "overrideReason");
        assertField(Http.post(url, staff, Epi.given(PENTA, 1, born.plusMonths(2), stationA, penta).build()), 409,
                "doseNumber");
        assertEquals(4, Epi.balance(staff, stationA, penta));

        long doseId = early.json().getJsonNumber("id").longValue();
        assertField(Http.post(url + "/" + doseId + "/void", staff, Json.createObjectBuilder().build()), 400,
                "reason");
        Http.Answer voided = Http.post(url + "/" + doseId + "/void", staff, Json.createObjectBuilder()
                .add("reason", "Ghi nhầm người").build());
        assertEquals(200, voided.status(), voided::toString);
        assertEquals(0, Http.get(url, staff).jsonArray().size());
        assertEquals(1, Http.get(url + "?voided=true", staff).jsonArray().size());
    }

    @Test
    void stationStaffRecordWastageAndReturnsButNeverBelowZero() throws Exception {
        String th = Keycloak.token("th-admin");
        String staff = Keycloak.token(STAFF_A);
        long lot = Epi.stockedLot(th, "OPV", stationA, 20);
        String movements = "/api/stock/movements";
        assertField(Http.post(movements, staff, Json.createObjectBuilder().add("stationId", stationA)
                .add("lotId", lot).add("kind", "WASTAGE").add("quantity", 2).build()), 400, "reason");
        assertEquals(201, Http.post(movements, staff, Json.createObjectBuilder().add("stationId", stationA)
                .add("lotId", lot).add("kind", "WASTAGE").add("quantity", 2).add("reason", "Lọ đã mở quá 6 giờ")
                .build()).status());
        assertEquals(201, Http.post(movements, staff, Json.createObjectBuilder().add("stationId", stationA)
                .add("lotId", lot).add("kind", "RETURN").add("quantity", 8).build()).status());
        assertField(Http.post(movements, staff, Json.createObjectBuilder().add("stationId", stationA)
                .add("lotId", lot).add("kind", "RETURN").add("quantity", 11).build()), 409, "quantity");
        assertField(Http.post(movements, staff, Json.createObjectBuilder().add("stationId", stationA)
                .add("lotId", lot).add("kind", "RECEIPT").add("quantity", 11).build()), 400, "kind");
        assertEquals(10, Epi.balance(staff, stationA, lot));
        assertEquals(8, Http.get("/api/lots/" + lot, th).json().getInt("unallocated"), "a return goes back");
        assertBalanceIsTheSumOfMovements(stationA, lot);
    }

    @Test
    void twoStaffGivingTheLastDoseOfALotAtOnceCannotBothSucceed() throws Exception {
        String th = Keycloak.token("th-admin");
        String[] tokens = {Keycloak.token(STAFF_A), Keycloak.token(STAFF_A2)};
        LocalDate born = Epi.today().minusMonths(3);
        for (int round = 0; round < 3; round++) {
            long lot = Epi.stockedLot(th, "BCG", stationA, 1);
            long[] children = {Epi.newborn(tokens[0], "Bé Một " + round, born, villageA),
                    Epi.newborn(tokens[1], "Bé Hai " + round, born, villageA)};
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Http.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return Http.post("/api/persons/" + children[n] + "/immunizations", tokens[n],
                                Epi.given("BCG", 1, Epi.today(), stationA, lot).build());
                    }));
                }
                start.countDown();
                List<Http.Answer> done = new ArrayList<>();
                for (Future<Http.Answer> f : answers) {
                    done.add(f.get());
                }
                long ok = done.stream().filter(a -> a.status() == 201).count();
                long refused = done.stream().filter(a -> a.status() == 409).count();
                assertEquals(1, ok, done::toString);
                assertEquals(1, refused, done::toString);
                Http.Answer no = done.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
                assertEquals("lotId", no.json().getString("field"), no::toString);
                assertEquals(0, Epi.balance(th, stationA, lot));
                assertBalanceIsTheSumOfMovements(stationA, lot);
                int recorded = 0;
                for (long child : children) {
                    recorded += Http.get("/api/persons/" + child + "/immunizations", tokens[0]).jsonArray().size();
                }
                assertEquals(1, recorded, "the refused dose left nothing behind");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void everyEndpointKeepsToTheCallersCommuneAndProvince() {
        String th = Keycloak.token("th-admin");
        String staffA = Keycloak.token(STAFF_A);
        String staffB = Keycloak.token(STAFF_B);
        String chairA = Keycloak.token(CHAIR_A);
        String ct = Keycloak.token("ct-admin");
        String national = Keycloak.token("national-admin");
        long child = Epi.newborn(staffA, "Lê Văn Phạm Vi", Epi.today().minusMonths(3), villageA);
        String number = Epi.lotNumber("SCOPE");
        long lot = Epi.lot(th, "OPV", number, Epi.today().plusYears(1), 10);
        Epi.allocate(th, lot, stationA, 10);
        String url = "/api/persons/" + child + "/immunizations";
        assertEquals(201, Http.post(url, staffA, Epi.given("OPV", 1, Epi.today(), stationA, lot)
                .add("overrideReason", "thử phạm vi").build()).status());

        assertEquals(404, Http.get(url, staffB).status());
        assertEquals(404, Http.post(url, staffB, Epi.historical("OPV", 2, Epi.today()).build()).status());
        assertEquals(404, Http.get("/api/stock?station=" + stationA, staffB).status());
        assertEquals(404, Http.get("/api/stock/movements?station=" + stationA, staffB).status());
        assertEquals(404, Http.post("/api/stock/movements", staffB, Json.createObjectBuilder()
                .add("stationId", stationA).add("lotId", lot).add("kind", "RETURN").add("quantity", 1).build())
                .status());
        assertFalse(Http.get("/api/stock", staffB).body().contains(number), "another commune's stock is not listed");
        assertEquals(403, Http.post(url, chairA, Epi.historical("OPV", 2, Epi.today()).build()).status());
        assertEquals(403, Http.get("/api/lots", staffA).status());
        assertEquals(403, Http.post("/api/lots/" + lot + "/allocations", staffA, Json.createObjectBuilder()
                .add("stationId", stationA).add("quantity", 1).build()).status());

        Http.Answer otherProvince = Http.get(url, ct);
        assertTrue(otherProvince.status() == 404 || !otherProvince.body().contains(number), otherProvince::toString);
        assertFalse(Http.get("/api/stock", ct).body().contains(number));
        assertFalse(Http.get("/api/lots", ct).body().contains(number));
        Http.Answer otherStation = Http.get("/api/stock?station=" + stationA, ct);
        assertTrue(otherStation.status() == 404 || !otherStation.body().contains(number), otherStation::toString);

        for (String path : List.of(url, "/api/vaccines", "/api/schedule", "/api/lots", "/api/stock",
                "/api/stock/movements?station=" + stationA)) {
            assertEquals(403, Http.get(path, national).status(), path);
        }
        assertEquals(403, Http.post(url, national, Epi.historical("OPV", 2, Epi.today()).build()).status());
    }

    @Test
    void anAdverseEventIsReportedOnADoseWithItsFieldsChecked() {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = Epi.today().minusMonths(3);
        long child = Epi.newborn(staff, "Phan Thị Phản Ứng", born, villageA);
        Http.Answer dose = Http.post("/api/persons/" + child + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(1)).build());
        assertEquals(201, dose.status(), dose::toString);
        long doseId = dose.json().getJsonNumber("id").longValue();
        Http.Answer reported = Http.post("/api/aefi", staff, Json.createObjectBuilder().add("personId", child)
                .add("doseId", doseId).add("onsetOn", born.plusDays(2).toString()).add("symptoms", "Sốt 38,5 độ")
                .add("severity", "MILD").add("outcome", "RECOVERED").add("reportedTo", "TTYT huyện")
                .add("reportedOn", born.plusDays(3).toString()).build());
        assertEquals(201, reported.status(), reported::toString);
        JsonArray events = Http.get("/api/aefi?person=" + child, Keycloak.token(CHAIR_A)).jsonArray();
        assertEquals(1, events.size());
        assertEquals("MILD", events.getJsonObject(0).getString("severity"));

        assertField(Http.post("/api/aefi", staff, Json.createObjectBuilder().add("personId", child)
                .add("doseId", doseId).add("onsetOn", born.toString()).add("symptoms", "Sốt")
                .add("severity", "MILD").build()), 400, "onsetOn");
        assertField(Http.post("/api/aefi", staff, Json.createObjectBuilder().add("personId", child)
                .add("doseId", doseId).add("onsetOn", born.plusDays(2).toString()).add("symptoms", "Sốt")
                .add("severity", "TERRIBLE").build()), 400, "severity");
        assertField(Http.post("/api/aefi", staff, Json.createObjectBuilder().add("personId", child)
                .add("doseId", doseId + 100000).add("onsetOn", born.plusDays(2).toString()).add("symptoms", "Sốt")
                .add("severity", "MILD").build()), 400, "doseId");
        assertEquals(404, Http.get("/api/aefi?person=" + child, Keycloak.token(STAFF_B)).status());
        assertEquals(404, Http.post("/api/aefi", Keycloak.token(STAFF_B), Json.createObjectBuilder()
                .add("personId", child).add("doseId", doseId).add("onsetOn", born.plusDays(2).toString())
                .add("symptoms", "Sốt").add("severity", "MILD").build()).status());
        assertEquals(403, Http.get("/api/aefi?person=" + child, Keycloak.token("national-admin")).status());
        Http.Answer other = Http.get("/api/aefi?person=" + child, Keycloak.token("ct-admin"));
        assertTrue(other.status() == 404 || !other.body().contains("Sốt 38,5"), other::toString);
    }

    private static void assertBalanceIsTheSumOfMovements(long station, long lot) throws Exception {
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement("SELECT k.balance, (SELECT SUM(m.quantity)"
                     + " FROM hssk_t38.stock_movement m WHERE m.station_id = k.station_id AND m.lot_id = k.lot_id)"
                     + " FROM hssk_t38.station_stock k WHERE k.station_id = ? AND k.lot_id = ?")) {
            ps.setLong(1, station);
            ps.setLong(2, lot);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(rs.getLong(2), rs.getLong(1), "balance = sum of movements");
                assertTrue(rs.getLong(1) >= 0);
            }
        }
    }
}
