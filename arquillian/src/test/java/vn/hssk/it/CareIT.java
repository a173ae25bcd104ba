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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The station's care by household through the real API, tokens and database: the village care list on prepared
 * households (each rule of the seeded programmes), its PDF and XLSX, enrolment and follow-up (a part D visit), the
 * province changing a programme's interval, missed follow-ups and the chair's counts, the audit of every person read,
 * and the scope (other commune and other province see nothing, the national administrator is refused, a form post
 * is refused). Communes 20011 to 20013 and their villages are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CareIT {

    private static final String COMMUNE_A = "20011";
    private static final String COMMUNE_B = "20012";
    private static final String COMMUNE_C = "20013";
    private static final String STAFF_A = "care-staff-20011";
    private static final String CHAIR_A = "care-chair-20011";
    private static final String STAFF_B = "care-staff-20012";
    private static final String STAFF_C = "care-staff-20013";
    private static final String CHAIR_C = "care-chair-20013";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static boolean usersMade;
    private static long communeA;
    private static long communeC;
    private static long villageC;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        communeA = Units.ensure(th, COMMUNE_A, "Xã Chăm Sóc A", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, "Xã Chăm Sóc B", "COMMUNE", "xa", 1);
        communeC = Units.ensure(th, COMMUNE_C, "Xã Chăm Sóc C", "COMMUNE", "xa", 1);
        Units.ensure(th, COMMUNE_B + "-01", "Thôn Bên Kia", "VILLAGE", "thon", communeB);
        villageC = Units.ensure(th, COMMUNE_C + "-01", "Thôn Đếm", "VILLAGE", "thon", communeC);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_C, "station-staff", "38", List.of(COMMUNE_C));
            Keycloak.user(CHAIR_C, "commune-chair", "38", List.of(COMMUNE_C));
            usersMade = true;
        }
    }

    /** A village of commune A for one test (the next of this run; a rerun on kept data may find it in use). */
    private static long freshVillage() {
        String code = COMMUNE_A + "-" + String.format("%02d", 10 + SEQUENCE.incrementAndGet());
        return Units.ensure(Keycloak.token("th-admin"), code, "Thôn Chăm Sóc " + code, "VILLAGE", "thon",
                communeA);
    }

    /** The household {@code id} in a care list. */
    private static JsonObject household(JsonObject list, long id) {
        return list.getJsonArray("households").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.containsKey("id") && !h.isNull("id") && h.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no household " + id + " in " + list));
    }

    record Household(long id, long grandfather, long mother, long toddler, long baby, long father) {
    }

    /**
     * A household of five: a grandfather of 66 treated for hypertension last year (part D, I10); a mother of 30
     * enrolled in antenatal care 40 days ago and never followed up; a toddler of two never seen at the station; a baby
     * of five months with BCG only; a father of 35 seen last month for a cold.
     */
    private static Household household(String staff, long village, String surname) {
        LocalDate today = Epi.today();
        String code = "CS-" + SEQUENCE.incrementAndGet() + "-" + Math.floorMod(System.nanoTime(), 100_000L);
        Http.Answer h = Http.post("/api/households", staff, Json.createObjectBuilder().add("code", code)
                .add("villageId", village).add("headName", surname + " Văn Ông").build());
        assertEquals(201, h.status(), h::toString);
        long hid = h.json().getJsonNumber("id").longValue();
        LocalDate grandBorn = today.minusYears(66);
        long grandfather = Families.person(staff, surname + " Văn Ông", "MALE", grandBorn,
                Families.pid(true, grandBorn), village, hid, "HEAD");
        visit(staff, grandfather, today.minusYears(1).withDayOfYear(100), "I10");
        LocalDate fatherBorn = today.minusYears(35);
        long father = Families.person(staff, surname + " Văn Bố", "MALE", fatherBorn, Families.pid(true, fatherBorn),
                village, hid, "CHILD");
        visit(staff, father, today.minusDays(30), "J00");
        LocalDate motherBorn = today.minusYears(30);
        long mother = Families.person(staff, "Lê Thị Mẹ " + surname, "FEMALE", motherBorn,
                Families.pid(false, motherBorn), village, hid, "CHILD_IN_LAW");
        Http.Answer anc = enrol(staff, mother, "ANC", today.minusDays(40));
        assertEquals(201, anc.status(), anc::toString);
        LocalDate toddlerBorn = today.minusYears(2).minusDays(10);
        long toddler = Families.person(staff, surname + " Văn Cháu", "MALE", toddlerBorn,
                Families.pid(true, toddlerBorn), village, hid, "GRANDCHILD");
        LocalDate babyBorn = today.minusMonths(5).withDayOfMonth(3);
        long baby = Families.person(staff, surname + " Thị Bé", "FEMALE", babyBorn, null, village, hid,
                "GRANDCHILD");
        assertEquals(201, Http.post("/api/persons/" + baby + "/immunizations", staff,
                Epi.historical("BCG", 1, babyBorn.plusDays(1)).build()).status());
        return new Household(hid, grandfather, mother, toddler, baby, father);
    }

    private static void visit(String staff, long person, LocalDate day, String icd10) {
        Http.Answer v = Http.post("/api/persons/" + person + "/visits", staff, Json.createObjectBuilder()
                .add("visitDate", day.toString()).add("examiner", "BS. Lê Văn Khám")
                .add("diagnoses", Json.createArrayBuilder().add(icd10)).build());
        assertEquals(201, v.status(), v::toString);
    }

    private static Http.Answer enrol(String staff, long person, String programme, LocalDate on) {
        return Http.post("/api/care/persons/" + person + "/enrolments", staff, Json.createObjectBuilder()
                .add("programme", programme).add("enrolledOn", on.toString()).add("note", "Theo dõi").build());
    }

    /** "PROGRAMME:HTN:OVERDUE:found" or "VACCINATION:..." per item of a member of the care list. */
    private static Map<Long, List<String>> items(JsonObject list) {
        Map<Long, List<String>> out = new java.util.HashMap<>();
        for (JsonObject h : list.getJsonArray("households").getValuesAs(JsonObject.class)) {
            for (JsonObject m : h.getJsonArray("members").getValuesAs(JsonObject.class)) {
                List<String> items = new ArrayList<>();
                for (JsonObject i : m.getJsonArray("items").getValuesAs(JsonObject.class)) {
                    items.add(i.getString("kind").equals("VACCINATION") ? "VACCINATION"
                            : "PROGRAMME:" + i.getString("code") + ":" + i.getString("status")
                            + (i.getBoolean("enrolled") ? "" : ":found"));
                }
                out.put(m.getJsonNumber("personId").longValue(), items);
            }
        }
        return out;
    }

    private static List<String> programmes(List<String> items) {
        return items.stream().filter(i -> !i.equals("VACCINATION")).toList();
    }

    @Test
    void theCareListSaysWhatEachMemberOfEachHouseholdIsDueFor() {
        String staff = Keycloak.token(STAFF_A);
        long village = freshVillage();
        Household h = household(staff, village, "Phạm");
        Http.Answer answer = Http.get("/api/care/lists/" + village, staff);
        assertEquals(200, answer.status(), answer::toString);
        JsonObject list = answer.json();
        JsonObject household = household(list, h.id());
        Map<Long, List<String>> items = items(list);
        assertEquals(List.of("PROGRAMME:HTN:OVERDUE:found", "PROGRAMME:ELDERLY:DUE:found"), items.get(h.grandfather()),
                "hypertension from part D, last seen a year ago; 66 and not seen this year");
        assertEquals(List.of("PROGRAMME:ANC:OVERDUE"), items.get(h.mother()),
                "enrolled 40 days ago with a 28-day interval and never followed up");
        assertEquals(List.of("PROGRAMME:GROWTH:DUE:found"), programmes(items.get(h.toddler())),
                "under five, never weighed");
        assertTrue(items.get(h.baby()).contains("VACCINATION"), "the baby's next doses: " + items.get(h.baby()));
        assertTrue(items.get(h.baby()).contains("PROGRAMME:GROWTH:DUE:found"));
        assertFalse(items.containsKey(h.father()), "a man of 35 seen last month for a cold is due for nothing");
        JsonObject grandfather = household.getJsonArray("members")
                .getJsonObject(0);
        assertEquals(h.grandfather(), grandfather.getJsonNumber("personId").longValue(), "the head comes first");
        assertEquals(Epi.today().minusYears(1).withDayOfYear(100).toString(),
                grandfather.getJsonArray("items").getJsonObject(0).getString("lastContact"));

        JsonArray audit = Http.get("/api/audit?person=" + h.mother(), Keycloak.token("th-admin")).jsonArray();
        assertTrue(audit.getValuesAs(JsonObject.class).stream().anyMatch(e -> "Care".equals(e.getString("entityType"))
                && "READ".equals(e.getString("action")) && STAFF_A.equals(e.getString("username"))
                && "care-list".equals(e.getString("context"))), "each person listed is an audited read");

        Http.Answer chair = Http.get("/api/care/lists/" + village, Keycloak.token(CHAIR_A));
        assertEquals(200, chair.status(), "the commune chair reads the list of the commune");
    }

    @Test
    void aFollowUpIsAPartDVisitAndMovesTheNextDueDate() {
        String staff = Keycloak.token(STAFF_A);
        long village = freshVillage();
        Household h = household(staff, village, "Đỗ");
        long enrolment = Http.get("/api/care/persons/" + h.mother() + "/enrolments", staff).jsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        String url = "/api/care/persons/" + h.mother() + "/enrolments/" + enrolment + "/follow-ups";
        assertField(Http.post(url, staff, followUp(Epi.today()).add("glucoseMmol", 99).build()), 400, "glucoseMmol");
        assertField(Http.post(url, staff, followUp(Epi.today()).add("bpSystolic", 80).add("bpDiastolic", 120)
                .build()), 400, "bpDiastolic");
        assertField(Http.post(url, staff, followUp(Epi.today().minusDays(41)).build()), 400, "visitDate");
        assertField(Http.post(url, staff, followUp(Epi.today().plusDays(1)).build()), 400, "visitDate");
        assertEquals(0, Http.get("/api/persons/" + h.mother() + "/visits", staff).jsonArray().size(),
                "a refused follow-up writes no visit");

        Http.Answer done = Http.post(url, staff, followUp(Epi.today()).add("bpSystolic", 118).add("bpDiastolic", 76)
                .add("weightKg", 58.5).add("glucoseMmol", 5.4).build());
        assertEquals(201, done.status(), done::toString);
        JsonObject view = done.json();
        assertEquals(Epi.today().plusDays(28).toString(), view.getString("nextDue"));
        assertEquals("UPCOMING", view.getString("status"));
        assertEquals(118, view.getJsonArray("followUps").getJsonObject(0).getInt("bpSystolic"));

        JsonArray visits = Http.get("/api/persons/" + h.mother() + "/visits", staff).jsonArray();
        assertEquals(1, visits.size(), "the follow-up is in part D");
        JsonObject visit = visits.getJsonObject(0);
        assertEquals("Theo dõi quản lý thai", visit.getString("reason"));
        assertEquals(76, visit.getInt("bpDiastolic"));
        assertTrue(visit.getJsonArray("tests").toString().contains("5.4"), visit::toString);
        assertFalse(items(Http.get("/api/care/lists/" + village, staff).json()).containsKey(h.mother()),
                "followed up today: not due for 28 days");

        long visitId = visit.getJsonNumber("id").longValue();
        assertEquals(200, Http.post("/api/persons/" + h.mother() + "/visits/" + visitId + "/void", staff,
                Json.createObjectBuilder().add("reason", "Nhầm người").build()).status());
        assertEquals(List.of("PROGRAMME:ANC:OVERDUE"),
                items(Http.get("/api/care/lists/" + village, staff).json()).get(h.mother()),
                "a voided visit no longer counts as the follow-up");
    }

    private static JsonObjectBuilder followUp(LocalDate day) {
        return Json.createObjectBuilder().add("visitDate", day.toString()).add("examiner", "YS. Nguyễn Văn Toàn");
    }

    @Test
    void enrolmentRefusalsNameTheFieldAndAnEndedEnrolmentTakesNoFollowUp() {
        String staff = Keycloak.token(STAFF_A);
        long village = freshVillage();
        Household h = household(staff, village, "Vũ");
        LocalDate today = Epi.today();
        assertField(enrol(staff, h.father(), "ANC", today), 400, "programme");
        assertField(enrol(staff, h.toddler(), "GROWTH", today), 400, "programme");
        assertField(enrol(staff, h.father(), "NOPE", today), 400, "programme");
        assertField(enrol(staff, h.father(), "HTN", today.plusDays(3)), 400, "enrolledOn");
        assertField(enrol(staff, h.mother(), "ANC", today), 409, "programme");
        Http.Answer htn = enrol(staff, h.grandfather(), "HTN", today.minusDays(3));
        assertEquals(201, htn.status(), htn::toString);
        long id = htn.json().getJsonNumber("id").longValue();
        int version = htn.json().getInt("version");
        assertEquals(List.of("PROGRAMME:ELDERLY:DUE:found"),
                items(Http.get("/api/care/lists/" + village, staff).json()).get(h.grandfather()),
                "once enrolled, counted from the enrolment (due in 27 days), no longer from the visit a year ago");
        String base = "/api/care/persons/" + h.grandfather() + "/enrolments/" + id;
        assertField(Http.post(base + "/end", staff, Json.createObjectBuilder().add("version", version).build()), 400,
                "reason");
        Http.Answer ended = Http.post(base + "/end", staff, Json.createObjectBuilder().add("version", version)
                .add("reason", "Chuyển đi nơi khác").build());
        assertEquals(200, ended.status(), ended::toString);
        assertEquals(today.toString(), ended.json().getString("endedOn"));
        assertField(Http.post(base + "/follow-ups", staff, followUp(today).build()), 409, "enrolment");
        assertEquals(201, enrol(staff, h.grandfather(), "HTN", today).status(), "enrolled again after the end");
        assertEquals(2, Http.get("/api/care/persons/" + h.grandfather() + "/enrolments", staff).jsonArray().size());
        assertEquals(403, enrol(Keycloak.token(CHAIR_A), h.father(), "HTN", today).status(), "chairs only read");
    }

    @Test
    void pdfAndXlsxOfTheCareList() {
        String staff = Keycloak.token(STAFF_A);
        long village = freshVillage();
        household(staff, village, "Hồ");
        Http.Answer pdf = Http.send("/api/care/lists/" + village + "?format=pdf", staff, null, null, "*/*");
        assertEquals(200, pdf.status(), pdf::toString);
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.body().startsWith("%PDF-"));
        Http.Answer xlsx = Http.send("/api/care/lists/" + village + "?format=xlsx&lang=en", staff, null, null, "*/*");
        assertEquals(200, xlsx.status(), xlsx::toString);
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());
        assertTrue(xlsx.body().startsWith("PK"));
        assertField(Http.get("/api/care/lists/" + village + "?format=doc", staff), 400, "format");
        assertField(Http.get("/api/care/lists/" + village + "?asOf=31/02/2026", staff), 400, "asOf");
    }

    @Test
    void theProvinceChangesTheIntervalAndTheListFollows() {
        String staff = Keycloak.token(STAFF_A);
        String admin = Keycloak.token("th-admin");
        long village = freshVillage();
        Household h = household(staff, village, "Ngô");
        JsonObject anc = programme(admin, "ANC");
        assertEquals(28, anc.getInt("intervalDays"));
        assertEquals(403, Http.put("/api/care/programmes/ANC", staff, rules(anc, 60).build()).status());
        assertField(Http.put("/api/care/programmes/ANC", admin, rules(anc, 0).build()), 400, "intervalDays");
        assertField(Http.put("/api/care/programmes/ANC", admin, rules(anc, 60).add("icdFrom", "X").build()), 400,
                "icdFrom");
        Http.Answer changed = Http.put("/api/care/programmes/ANC", admin, rules(anc, 60).build());
        assertEquals(200, changed.status(), changed::toString);
        try {
            assertField(Http.put("/api/care/programmes/ANC", admin, rules(anc, 45).build()), 409, "version");
            assertFalse(items(Http.get("/api/care/lists/" + village, staff).json()).containsKey(h.mother()),
                    "enrolled 40 days ago, due after 60: not listed any more");
        } finally {
            JsonObject now = programme(admin, "ANC");
            assertEquals(200, Http.put("/api/care/programmes/ANC", admin, rules(now, 28).build()).status());
        }
        assertEquals(List.of("PROGRAMME:ANC:OVERDUE"),
                items(Http.get("/api/care/lists/" + village, staff).json()).get(h.mother()));
    }

    private static JsonObject programme(String token, String code) {
        return Http.get("/api/care/programmes", token).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> code.equals(p.getString("code"))).findFirst().orElseThrow();
    }

    private static JsonObjectBuilder rules(JsonObject p, int interval) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("version", p.getInt("version"))
                .add("intervalDays", interval).add("upcomingDays", p.getInt("upcomingDays"))
                .add("calendarYear", p.getBoolean("calendarYear")).add("active", p.getBoolean("active"));
        for (String f : List.of("minAgeMonths", "maxAgeMonths")) {
            if (p.containsKey(f) && !p.isNull(f)) {
                b.add(f, p.getInt(f));
            }
        }
        for (String f : List.of("icdFrom", "icdTo")) {
            if (p.containsKey(f) && !p.isNull(f)) {
                b.add(f, p.getString(f));
            }
        }
        return b;
    }

    @Test
    void missedFollowUpsAndTheChairsCounts() {
        String staff = Keycloak.token(STAFF_C);
        LocalDate today = Epi.today();
        JsonArray before = Http.get("/api/care/counts?commune=" + communeC, Keycloak.token(CHAIR_C)).jsonArray();
        long htnBefore = count(before, "HTN", "enrolled");
        long missedBefore = count(before, "HTN", "missed");
        long monthBefore = count(before, "HTN", "followUpsThisMonth");
        LocalDate born = today.minusYears(58);
        long late = Families.person(staff, "Trịnh Văn Trễ", "MALE", born, Families.pid(true, born), villageC, null,
                null);
        long onTime = Families.person(staff, "Trịnh Văn Đúng", "MALE", born, Families.pid(true, born), villageC,
                null, null);
        assertEquals(201, enrol(staff, late, "HTN", today.minusDays(45)).status());
        Http.Answer second = enrol(staff, onTime, "HTN", today.minusDays(45));
        long enrolment = second.json().getJsonNumber("id").longValue();
        assertEquals(201, Http.post("/api/care/persons/" + onTime + "/enrolments/" + enrolment + "/follow-ups", staff,
                followUp(today.minusDays(2)).add("bpSystolic", 150).add("bpDiastolic", 95).build()).status());

        JsonArray missed = Http.get("/api/care/missed?unit=" + communeC, staff).jsonArray();
        List<Long> who = missed.getValuesAs(JsonObject.class).stream().map(m -> m.getJsonNumber("personId")
                .longValue()).toList();
        assertTrue(who.contains(late), missed::toString);
        assertFalse(who.contains(onTime));
        JsonObject mine = missed.getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("personId").longValue() == late).findFirst().orElseThrow();
        assertEquals(today.minusDays(15).toString(), mine.getString("dueOn"));

        JsonArray after = Http.get("/api/care/counts?commune=" + communeC, Keycloak.token(CHAIR_C)).jsonArray();
        assertEquals(htnBefore + 2, count(after, "HTN", "enrolled"));
        assertEquals(missedBefore + 1, count(after, "HTN", "missed"));
        long monthAfter = count(after, "HTN", "followUpsThisMonth");
        assertEquals(monthBefore + (today.minusDays(2).getMonth() == today.getMonth() ? 1 : 0), monthAfter);
        assertFalse(after.toString().contains("Trịnh"), "counts name nobody");
    }

    /** A count of a programme in the answer of {@code /api/care/counts} (0 when the programme is not there). */
    static long count(JsonArray counts, String programme, String field) {
        return counts.getValuesAs(JsonObject.class).stream().filter(c -> programme.equals(c.getString("programme")))
                .findFirst().map(c -> c.getJsonNumber(field).longValue()).orElse(0L);
    }

    @Test
    void anotherCommuneAnotherProvinceAndTheNationalAdministratorSeeNothing() {
        String staff = Keycloak.token(STAFF_A);
        long village = freshVillage();
        Household h = household(staff, village, "Lý");
        String other = Keycloak.token(STAFF_B);
        assertEquals(404, Http.get("/api/care/lists/" + village, other).status());
        assertEquals(404, Http.get("/api/care/persons/" + h.mother() + "/enrolments", other).status());
        assertEquals(404, enrol(other, h.father(), "HTN", Epi.today()).status());
        assertEquals(404, Http.get("/api/care/missed?unit=" + communeA, other).status());
        assertEquals(404, Http.get("/api/care/counts?commune=" + communeA, other).status());
        assertEquals(404, Http.get("/api/care/lists/" + village + "?format=pdf", other).status());

        String ct = Keycloak.token("ct-admin");
        for (String url : List.of("/api/care/lists/" + village, "/api/care/persons/" + h.mother() + "/enrolments",
                "/api/care/missed?unit=" + communeA)) {
            Http.Answer a = Http.get(url, ct);
            assertFalse(a.body().contains("Lý Văn") || a.body().contains("Lê Thị Mẹ"),
                    "another province reads nothing of this one: " + url + " " + a);
        }
        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/care/lists/" + village, national).status());
        assertEquals(403, Http.get("/api/care/programmes", national).status());
        assertEquals(403, Http.get("/api/care/counts?commune=" + communeA, national).status());

        Http.Answer form = Http.postForm("/api/care/persons/" + h.father() + "/enrolments", staff,
                Map.of("programme", "HTN"));
        assertEquals(415, form.status(), "a cross-site form post is refused before it reaches the service");
        assertEquals(0, Http.get("/api/care/persons/" + h.father() + "/enrolments", staff).jsonArray().size());
    }
}
