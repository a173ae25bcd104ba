package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.assertField;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Persons (part A of the personal health record) and their audit trail through the real API, tokens and database:
 * registration with the personal-ID rules, provisional newborns, diacritic-free search, the commune scope, and audit
 * rows the application's own database user cannot change. Communes 17701/17702 and their villages are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonsIT {

    private static final String COMMUNE_A = "17701";
    private static final String COMMUNE_B = "17702";
    private static final String STAFF_A = "pr-staff-17701";
    private static final String CHAIR_A = "pr-chair-17701";
    private static final String STAFF_B = "pr-staff-17702";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 500_000L));

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
        long communeA = Units.ensure(th, COMMUNE_A, "Xã Hồ Sơ A", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, "Xã Hồ Sơ B", "COMMUNE", "xa", 1);
        villageA1 = Units.ensure(th, COMMUNE_A + "-01", "Thôn Thượng", "VILLAGE", "thon", communeA);
        villageA2 = Units.ensure(th, COMMUNE_A + "-02", "Thôn Hạ", "VILLAGE", "thon", communeA);
        villageB1 = Units.ensure(th, COMMUNE_B + "-01", "Thôn Trung", "VILLAGE", "thon", communeB);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            usersMade = true;
        }
    }

    @Test
    void stationStaffRegisterAPersonWithPartA() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid("038", '1', 1990);
        Http.Answer created = Http.post("/api/persons", staff, person("Trần Thị Hồng Nhung", "FEMALE", "1990-07-15",
                pid, villageA1).add("bhytNumber", "GD4380123456789").add("ethnicity", "Kinh")
                .add("religion", "Không").add("occupation", "Nông dân").add("phone", "0912 345 678")
                .add("address", "Số 5, xóm 2").add("bloodAbo", "O").add("bloodRh", "positive").build());
        assertEquals(201, created.status(), created::toString);
        JsonObject p = created.json();
        long id = p.getJsonNumber("id").longValue();
        assertEquals(pid, p.getString("personalId"));
        assertEquals("0123456789", p.getString("bhytNumber"), "an old 15-character card keeps its last 10 digits");
        assertEquals("0912345678", p.getString("phone"));
        assertEquals(COMMUNE_A, p.getString("communeCode"));
        assertEquals("O", p.getString("bloodAbo"));
        assertEquals("POSITIVE", p.getString("bloodRh"));
        assertFalse(p.getBoolean("provisional"));
        assertEquals(0, p.getJsonArray("warnings").size());

        JsonObject read = Http.get("/api/persons/" + id, staff).json();
        assertEquals("Trần Thị Hồng Nhung", read.getString("fullName"));
        assertEquals("1990-07-15", read.getString("birthDate"));
        assertEquals("Kinh", read.getString("ethnicity"));
    }

    @Test
    void aRecordCountsAsCreatedOnlyWithAValidIdAndCompletePartAUntilItIsVoided() throws SQLException {
        String staff = Keycloak.token(STAFF_A);
        JsonObject complete = Http.post("/api/persons", staff, person("Đỗ Thị Đủ", "FEMALE", "1979-02-02",
                pid("038", '1', 1979), villageA1).add("ethnicity", "Kinh").build()).json();
        JsonObject noEthnicity = Http.post("/api/persons", staff, person("Đỗ Văn Thiếu", "MALE", "1979-02-02",
                pid("038", '0', 1979), villageA1).build()).json();
        JsonObject newborn = Http.post("/api/persons", staff, person("Đỗ Bé Sơ Sinh", "MALE",
                LocalDate.now().minusDays(20).toString(), null, villageA1).add("ethnicity", "Kinh").build()).json();
        assertTrue(complete.getBoolean("recordCreated"));
        assertNotNull(complete.getString("completedAt"));
        assertFalse(noEthnicity.getBoolean("recordCreated"));
        assertFalse(newborn.getBoolean("recordCreated"), "no personal ID yet");
        long completeId = complete.getJsonNumber("id").longValue();
        long newbornId = newborn.getJsonNumber("id").longValue();
        assertTrue(inCreatedView(completeId));
        assertFalse(inCreatedView(noEthnicity.getJsonNumber("id").longValue()));
        assertFalse(inCreatedView(newbornId));

        Http.Answer identified = Http.post("/api/persons/" + newbornId + "/identify", staff, Json
                .createObjectBuilder().add("personalId", pid("038", '2', LocalDate.now().minusDays(20).getYear()))
                .build());
        assertEquals(200, identified.status(), identified::toString);
        assertTrue(identified.json().getBoolean("recordCreated"));
        assertTrue(inCreatedView(newbornId), "created from the day it got its ID");

        Http.Answer voided = Http.post("/api/persons/" + completeId + "/void", staff, Json.createObjectBuilder()
                .add("reason", "Nhập nhầm").build());
        assertEquals(200, voided.status(), voided::toString);
        assertFalse(voided.json().getBoolean("recordCreated"));
        assertFalse(inCreatedView(completeId));
    }

    private static boolean inCreatedView(long personId) throws SQLException {
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT completed_at FROM hssk_t38.created_record WHERE person_id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null;
            }
        }
    }

    @Test
    void nameSearchRanksTheExactNameThenTheGivenNameThenNamesStartingWithTheWordsAndFiltersByAge() {
        String staff = Keycloak.token(STAFF_A);
        String word = letters(SEQUENCE.incrementAndGet() + 7_000_000);
        String given = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        long full = register(staff, "Nguyễn Văn " + given, "MALE", "1990-01-01", pid("038", '0', 1990), villageA1);
        long shortName = register(staff, "Lê " + given, "MALE", "1960-01-01", pid("038", '0', 1960), villageA1);
        long familyFirst = register(staff, given + " Thị Hoa", "FEMALE", "2010-01-01", pid("038", '3', 2010),
                villageA1);

        assertEquals(List.of(shortName, full, familyFirst), ids(Http.get("/api/persons?q=" + word, staff)),
                "given name matches by name, then names that start with the word");
        assertEquals(List.of(full), ids(Http.get("/api/persons?q=" + enc("nguyen van " + word), staff)));
        assertEquals(List.of(full), ids(Http.get("/api/persons?q=" + enc("Văn " + given), staff)));
        assertEquals(List.of(shortName, full), ids(Http.get("/api/persons?q=" + word.substring(0, 4), staff)
        ).stream().filter(id -> id == shortName || id == full).toList(), "a given name typed halfway");
        assertEquals(List.of(full), ids(Http.get("/api/persons?q=" + word + "&first=1&max=1", staff)));
        assertEquals(List.of(familyFirst), ids(Http.get("/api/persons?q=" + word + "&ageTo=17", staff)));
        assertEquals(List.of(shortName), ids(Http.get("/api/persons?q=" + word + "&ageFrom=60", staff)));
        assertEquals(List.of(full), ids(Http.get("/api/persons?q=" + word + "&ageFrom=18&ageTo=59", staff)));
        assertField(Http.get("/api/persons?q=" + word + "&ageFrom=30&ageTo=20", staff), 400, "ageTo");
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + word, Keycloak.token(STAFF_B))));
    }

    @Test
    void fieldErrorsAreSaidInVietnameseWhenAskedWithTheirCodes() {
        String staff = Keycloak.token(STAFF_A);
        JsonObjectBuilder bad = person(" ", "MALE", "1985-01-01", "03808500123", villageA1).add("phone", "12345");
        Http.Answer vi = Http.post("/api/persons", staff, bad.build(), "vi");
        assertEquals(400, vi.status(), vi::toString);
        JsonArray errors = vi.json().getJsonArray("errors");
        assertEquals("Họ và tên: bắt buộc phải nhập", message(errors, "fullName"), errors::toString);
        assertEquals("Số định danh cá nhân phải gồm đúng 12 chữ số", message(errors, "personalId"));
        assertTrue(message(errors, "phone").startsWith("Điện thoại: phải là số điện thoại Việt Nam"));
        assertEquals("personalId.length", errors.getValuesAs(JsonObject.class).stream()
                .filter(e -> "personalId".equals(e.getString("field"))).findFirst().orElseThrow().getString("code"));
        assertEquals("Họ và tên: bắt buộc phải nhập", vi.json().getString("detail"));

        Http.Answer en = Http.post("/api/persons", staff, person(" ", "MALE", "1985-01-01", "03808500123",
                villageA1).add("phone", "12345").build());
        assertEquals("Full name is required", message(en.json().getJsonArray("errors"), "fullName"));
    }

    private static String message(JsonArray errors, String field) {
        return errors.getValuesAs(JsonObject.class).stream().filter(e -> field.equals(e.getString("field")))
                .findFirst().orElseThrow(() -> new AssertionError(field + " in " + errors)).getString("message");
    }

    @Test
    void eachRefusalNamesTheFieldAtFault() {
        String staff = Keycloak.token(STAFF_A);
        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01", "03808500123",
                villageA1).build()), 400, "personalId");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01",
                pid("038", '1', 1985), villageA1).build()), 400, "personalId");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01",
                pid("038", '2', 1985), villageA1).build()), 400, "personalId");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01",
                "038086" + six(), villageA1).build()), 400, "personalId");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", tomorrow, null, villageA1)
                .build()), 400, "birthDate");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01",
                pid("038", '0', 1985), villageB1).build()), 400, "villageId");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01",
                pid("038", '0', 1985), villageA1).add("bhytNumber", "12345").build()), 400, "bhytNumber");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01", null, villageA1)
                .build()), 400, "personalId");
        assertField(Http.post("/api/persons", staff, person(" ", "MALE", "1985-01-01", pid("038", '0', 1985),
                villageA1).build()), 400, "fullName");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "BOY", "1985-01-01",
                pid("038", '0', 1985), villageA1).build()), 400, "sex");
        assertField(Http.post("/api/persons", staff, person("Lê Văn Sai", "MALE", "1985-01-01",
                pid("038", '0', 1985), villageA1).add("bloodAbo", "C").build()), 400, "bloodAbo");
        assertEquals(0, Http.get("/api/persons?q=le%20van%20sai", staff).jsonArray().size(),
                "refused persons are not stored");
    }

    @Test
    void aPersonJoinsAnOpenHouseholdOfTheirOwnVillage() {
        String staff = Keycloak.token(STAFF_A);
        Http.Answer household = Http.post("/api/households", staff, Json.createObjectBuilder()
                .add("code", "PR-" + SEQUENCE.incrementAndGet()).add("villageId", villageA1)
                .add("headName", "Cao Văn Chủ").build());
        assertEquals(201, household.status(), household::toString);
        long householdId = household.json().getJsonNumber("id").longValue();

        Http.Answer head = Http.post("/api/persons", staff, person("Cao Văn Chủ", "MALE", "1970-01-01",
                pid("038", '0', 1970), villageA1).add("householdId", householdId).add("relationToHead", "head")
                .build());
        assertEquals(201, head.status(), head::toString);
        assertEquals(householdId, head.json().getJsonNumber("householdId").longValue());
        assertEquals("HEAD", head.json().getString("relationToHead"));

        assertField(Http.post("/api/persons", staff, person("Cao Thị Khác", "FEMALE", "1972-01-01",
                pid("038", '1', 1972), villageA2).add("householdId", householdId).add("relationToHead", "SPOUSE")
                .build()), 400, "householdId");
        assertField(Http.post("/api/persons", staff, person("Cao Thị Khác", "FEMALE", "1972-01-01",
                pid("038", '1', 1972), villageA1).add("householdId", householdId).build()), 400, "relationToHead");
        assertField(Http.post("/api/persons", staff, person("Cao Thị Khác", "FEMALE", "1972-01-01",
                pid("038", '1', 1972), villageA1).add("relationToHead", "SPOUSE").build()), 400, "householdId");
        assertField(Http.post("/api/persons", staff, person("Cao Thị Khác", "FEMALE", "1972-01-01",
                pid("038", '1', 1972), villageA1).add("householdId", householdId).add("relationToHead", "AUNT")
                .build()), 400, "relationToHead");
    }

    @Test
    void anUnknownProvincePrefixIsAWarningNotARejection() {
        String staff = Keycloak.token(STAFF_A);
        Http.Answer created = Http.post("/api/persons", staff, person("Phạm Văn Lạ", "MALE", "1979-02-03",
                pid("099", '0', 1979), villageA1).build());
        assertEquals(201, created.status(), created::toString);
        JsonArray warnings = created.json().getJsonArray("warnings");
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals("personalId", warnings.getJsonObject(0).getString("field"));
        assertTrue(warnings.getJsonObject(0).getString("message").contains("099"));
    }

    @Test
    void theSamePersonalIdIsOnePerson() {
        String pid = pid("038", '0', 1960);
        long id = register(Keycloak.token(STAFF_A), "Hoàng Văn Một", "MALE", "1960-05-05", pid, villageA1);
        Http.Answer taken = Http.post("/api/persons", Keycloak.token(STAFF_A), person("Hoàng Văn Hai", "MALE",
                "1960-05-05", pid, villageA2).build());
        assertField(taken, 409, "personalId");
        assertEquals("The personal ID " + pid + " already belongs to record " + id + " (Hoàng Văn Một) in your"
                + " communes; open that record", taken.error("personalId").getString("message"));
        Http.Answer takenVi = Http.post("/api/persons", Keycloak.token(STAFF_A), person("Hoàng Văn Hai", "MALE",
                "1960-05-05", pid, villageA2).build(), "vi");
        assertField(takenVi, 409, "personalId");
        assertEquals("Số định danh cá nhân " + pid + " đã thuộc về hồ sơ số " + id + " (Hoàng Văn Một) trong xã"
                + " của bạn; hãy mở hồ sơ đó", takenVi.error("personalId").getString("message"));
        assertEquals("personalId.taken", takenVi.error("personalId").getString("code"));
        Http.Answer elsewhere = Http.post("/api/persons", Keycloak.token(STAFF_B), person("Hoàng Văn Ba", "MALE",
                "1960-05-05", pid, villageB1).build());
        assertField(elsewhere, 409, "personalId");
        assertEquals("personalId.unavailable", elsewhere.error("personalId").getString("code"),
                "another commune's staff learn nothing about the holder");
        assertFalse(elsewhere.body().contains("Hoàng Văn Một") || elsewhere.body().contains(COMMUNE_A),
                elsewhere::toString);
        long other = register(Keycloak.token(STAFF_A), "Hoàng Văn Bốn", "MALE", "1960-05-05",
                pid("038", '0', 1960), villageA1);
        JsonObject current = Http.get("/api/persons/" + other, Keycloak.token(STAFF_A)).json();
        assertField(Http.put("/api/persons/" + other, Keycloak.token(STAFF_A), person("Hoàng Văn Bốn", "MALE",
                "1960-05-05", pid, villageA1).add("version", current.getInt("version")).build()), 409, "personalId");
        assertTrue(id != other);
    }

    @Test
    void concurrentRegistrationsOfOneIdMakeOnePerson() throws Exception {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid("038", '1', 1991);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Http.Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "Đồng Thị Đua " + i;
                answers.add(pool.submit(() -> Http.post("/api/persons", staff,
                        person(name, "FEMALE", "1991-01-01", pid, villageA1).build())));
            }
            int created = 0;
            for (java.util.concurrent.Future<Http.Answer> f : answers) {
                Http.Answer a = f.get();
                if (a.status() == 201) {
                    created++;
                } else {
                    assertField(a, 409, "personalId");
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, ids(Http.get("/api/persons?q=" + pid, staff)).size());
    }

    @Test
    void aNewbornGetsAProvisionalRecordAndLaterItsIdWithoutLosingAnything() {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = LocalDate.now().minusDays(3);
        Http.Answer created = Http.post("/api/persons", staff, person("Bé Ngô Gia Bảo", "MALE", born.toString(), null,
                villageA2).add("bloodAbo", "A").add("address", "Nhà ông Ngô Văn Tư").build());
        assertEquals(201, created.status(), created::toString);
        JsonObject p = created.json();
        long id = p.getJsonNumber("id").longValue();
        assertTrue(p.getBoolean("provisional"));
        String key = p.getString("provisionalKey");
        assertFalse(key.isBlank());
        assertTrue(absent(p, "personalId"));

        String century = born.getYear() >= 2000 ? "2" : "0";
        String wrongSex = "038" + (century.equals("2") ? "3" : "1") + yy(born.getYear()) + six();
        assertField(Http.post("/api/persons/" + id + "/identify", staff,
                Json.createObjectBuilder().add("personalId", wrongSex).build()), 400, "personalId");
        String pid = "038" + century + yy(born.getYear()) + six();
        Http.Answer identified = Http.post("/api/persons/" + id + "/identify", staff,
                Json.createObjectBuilder().add("personalId", pid).build());
        assertEquals(200, identified.status(), identified::toString);
        JsonObject after = identified.json();
        assertEquals(id, after.getJsonNumber("id").longValue());
        assertEquals(pid, after.getString("personalId"));
        assertEquals(key, after.getString("provisionalKey"), "the provisional key stays with the record");
        assertFalse(after.getBoolean("provisional"));
        assertEquals("A", after.getString("bloodAbo"));
        assertEquals("Nhà ông Ngô Văn Tư", after.getString("address"));
        assertField(Http.post("/api/persons/" + id + "/identify", staff,
                Json.createObjectBuilder().add("personalId", pid).build()), 409, "personalId");
        JsonArray found = Http.get("/api/persons?q=" + pid, staff).jsonArray();
        assertEquals(1, found.size());
        assertEquals(id, found.getJsonObject(0).getJsonNumber("id").longValue());
    }

    @Test
    void searchFindsByNameWithoutDiacriticsAndByExactNumbers() {
        String staff = Keycloak.token(STAFF_A);
        String marker = "Xuyến" + letters(SEQUENCE.incrementAndGet());
        String pid = pid("038", '1', 1972);
        long id = Http.post("/api/persons", staff, person("Nguyễn Thị " + marker, "FEMALE", "1972-09-09", pid,
                villageA2).add("bhytNumber", "7912345" + (100 + SEQUENCE.incrementAndGet() % 900))
                .add("phone", "098" + (1_000_000 + SEQUENCE.incrementAndGet() % 9_000_000)).build())
                .json().getJsonNumber("id").longValue();
        JsonObject p = Http.get("/api/persons/" + id, staff).json();

        String folded = "nguyen thi " + Folding.fold(marker);
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + enc(folded), staff)));
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + enc("NGUYỄN THỊ " + marker), staff)));
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + pid, staff)));
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + p.getString("bhytNumber"), staff)));
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + p.getString("phone"), staff)));
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + enc(folded) + "&village=" + villageA2
                + "&sex=FEMALE&bornFrom=1972-01-01&bornTo=1972-12-31", staff)));
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + enc(folded) + "&village=" + villageA1, staff)));
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + enc(folded) + "&sex=MALE", staff)));
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + enc(folded) + "&bornFrom=1973-01-01", staff)));
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + enc(folded) + "&bornFrom=01/09/1972"
                + "&bornTo=30/09/1972", staff)), "dates as forms write them, dd/MM/yyyy, are understood too");
        Http.Answer badDay = Http.get("/api/persons?bornTo=31/13/1972", staff);
        assertField(badDay, 400, "bornTo");
        assertEquals("date.format", badDay.error("bornTo").getString("code"));
        assertField(Http.get("/api/persons?max=0", staff), 400, "max");
    }

    @Test
    void nobodyOutsideTheCommuneOrRoleReachesAPerson() {
        String pid = pid("038", '0', 1950);
        long id = register(Keycloak.token(STAFF_A), "Đinh Văn Riêng", "MALE", "1950-03-03", pid, villageA1);
        String url = "/api/persons/" + id;

        assertEquals(404, Http.get(url, Keycloak.token(STAFF_B)).status(), "another commune's staff");
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + pid, Keycloak.token(STAFF_B))));
        assertEquals(List.of(), ids(Http.get("/api/persons?q=dinh%20van%20rieng", Keycloak.token(STAFF_B))));
        assertEquals(404, Http.put(url, Keycloak.token(STAFF_B), person("Đinh Văn Khác", "MALE", "1950-03-03", pid,
                villageB1).add("version", 0).build()).status());
        assertEquals(404, Http.post(url + "/void", Keycloak.token(STAFF_B),
                Json.createObjectBuilder().add("reason", "x").build()).status());

        String chair = Keycloak.token(CHAIR_A);
        assertEquals(200, Http.get(url, chair).status(), "the chair reads their commune");
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + pid, chair)));
        assertEquals(403, Http.put(url, chair, person("Đinh Văn Khác", "MALE", "1950-03-03", pid, villageA1)
                .add("version", 0).build()).status());
        assertEquals(403, Http.post("/api/persons", chair, person("Đinh Văn Mới", "MALE", "1950-03-03",
                pid("038", '0', 1950), villageA1).build()).status());

        assertEquals(200, Http.get(url, Keycloak.token("th-admin")).status(), "the province reads the province");
        assertEquals(403, Http.post("/api/persons", Keycloak.token("th-admin"), person("Đinh Văn Mới", "MALE",
                "1950-03-03", pid("038", '0', 1950), villageA1).build()).status());
        String ct = Keycloak.token("ct-admin");
        assertEquals(404, Http.get(url, ct).status(), "another province");
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + pid, ct)));
        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get(url, national).status());
        assertEquals(403, Http.get("/api/persons?q=" + pid, national).status());
        assertEquals(403, Http.get("/api/audit?person=" + id, national).status());
        assertEquals(200, Http.get(url, Keycloak.token(STAFF_A)).status(), "the record is still there");
    }

    @Test
    void correctionsNeedTheVersionAndAVoidedRecordStaysButLeavesTheSearch() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid("038", '1', 1988);
        long id = register(staff, "Vũ Thị Sửa", "FEMALE", "1988-08-08", pid, villageA1);
        String url = "/api/persons/" + id;
        assertField(Http.put(url, staff, person("Vũ Thị Sửa", "FEMALE", "1988-08-08", pid, villageA1).build()), 400,
                "version");
        Http.Answer ok = Http.put(url, staff, person("Vũ Thị Sửa Đổi", "FEMALE", "1988-08-08", pid, villageA2)
                .add("version", 0).build());
        assertEquals(200, ok.status(), ok::toString);
        assertEquals(villageA2, ok.json().getJsonNumber("villageId").longValue());
        assertField(Http.put(url, staff, person("Vũ Thị Cũ", "FEMALE", "1988-08-08", pid, villageA1)
                .add("version", 0).build()), 409, "version");
        assertField(Http.put(url, staff, person("Vũ Thị Sửa", "FEMALE", "1988-08-08", null, villageA1)
                .add("version", 1).build()), 400, "personalId");

        assertField(Http.post(url + "/void", staff, Json.createObjectBuilder().add("reason", " ").build()), 400,
                "reason");
        Http.Answer voided = Http.post(url + "/void", staff,
                Json.createObjectBuilder().add("reason", "Nhập trùng").build());
        assertEquals(200, voided.status(), voided::toString);
        assertTrue(voided.json().getBoolean("voided"));
        assertEquals(List.of(), ids(Http.get("/api/persons?q=" + pid, staff)));
        assertEquals(200, Http.get(url, staff).status(), "voided, never deleted");
        assertField(Http.put(url, staff, person("Vũ Thị Sửa", "FEMALE", "1988-08-08", pid, villageA1)
                .add("version", voided.json().getInt("version")).build()), 409, "voided");
    }

    @Test
    void everyReadAndChangeIsAuditedForTheProvinceAdministrator() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid("038", '0', 1966);
        long id = register(staff, "Lý Văn Kiểm", "MALE", "1966-06-06", pid, villageA1);
        assertEquals(200, Http.get("/api/persons/" + id, staff).status());
        Http.Answer updated = Http.put("/api/persons/" + id, staff, person("Lý Văn Kiểm", "MALE", "1966-06-06", pid,
                villageA1).add("phone", "0977111222").add("version", 0).build());
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(List.of(id), ids(Http.get("/api/persons?q=" + pid, staff)));

        Http.Answer trail = Http.get("/api/audit?person=" + id, Keycloak.token("th-admin"));
        assertEquals(200, trail.status(), trail::toString);
        JsonArray events = trail.jsonArray();
        JsonObject create = only(events, "CREATE", null);
        JsonObject read = only(events, "READ", null);
        JsonObject update = only(events, "UPDATE", null);
        JsonObject searched = only(events, "READ", "search");
        for (JsonObject e : List.of(create, read, update, searched)) {
            assertEquals(STAFF_A, e.getString("username"));
            assertTrue(e.getString("roles").contains("station-staff"), e::toString);
            assertEquals("38", e.getString("tenant"));
            assertEquals("Person", e.getString("entityType"));
            assertEquals(id, e.getJsonNumber("entityId").longValue());
            assertFalse(absent(e, "clientAddress") || e.getString("clientAddress").isBlank(), e::toString);
            assertNotNull(e.getString("occurredAt"));
        }
        JsonObject phone = update.getJsonObject("changes").getJsonObject("phone");
        assertTrue(absent(phone, "before"), phone::toString);
        assertEquals("0977111222", phone.getString("after"));
        assertFalse(update.getJsonObject("changes").containsKey("fullName"), "unchanged fields are not listed");
        assertEquals(pid, create.getJsonObject("changes").getJsonObject("personalId").getString("after"));

        JsonArray touched = Http.get("/api/audit?user=" + STAFF_A + "&max=500", Keycloak.token("th-admin"))
                .jsonArray();
        assertTrue(touched.stream().map(v -> v.asJsonObject())
                .anyMatch(e -> e.getJsonNumber("entityId").longValue() == id), "what the user touched");
        assertEquals(403, Http.get("/api/audit?person=" + id, staff).status());
        assertEquals(403, Http.get("/api/audit?user=" + STAFF_A, Keycloak.token(CHAIR_A)).status());
        assertField(Http.get("/api/audit", Keycloak.token("th-admin")), 400, "person");
        assertEquals(List.of(), Http.get("/api/audit?person=" + id, Keycloak.token("ct-admin")).jsonArray()
                .getValuesAs(JsonObject.class), "another province's trail does not hold this person");
    }

    @Test
    void theApplicationsDatabaseUserCannotChangeOrDeleteAuditRows() throws SQLException {
        long id = register(Keycloak.token(STAFF_A), "Mai Văn Vết", "MALE", "1977-07-07", pid("038", '0', 1977),
                villageA1);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:"
                + System.getProperty("hssk.db.port", "3306") + "/hssk_t38", "hssk", "hssk")) {
            long rows = count(c, id);
            assertTrue(rows >= 1, "the registration wrote an audit row");
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE audit_event SET username = 'someone-else' WHERE entity_type = 'Person' AND entity_id = ?")) {
                update.setLong(1, id);
                SQLException refused = assertThrows(SQLException.class, update::executeUpdate);
                assertTrue(refused.getMessage().contains("append-only"), refused::getMessage);
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM audit_event WHERE entity_type = 'Person' AND entity_id = ?")) {
                delete.setLong(1, id);
                SQLException refused = assertThrows(SQLException.class, delete::executeUpdate);
                assertTrue(refused.getMessage().contains("append-only"), refused::getMessage);
            }
            assertEquals(rows, count(c, id));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE username = 'someone-else'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    private static long count(Connection c, long personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'Person' AND entity_id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonObject only(JsonArray events, String action, String context) {
        List<JsonObject> matching = events.getValuesAs(JsonObject.class).stream()
                .filter(e -> action.equals(e.getString("action")))
                .filter(e -> context == null ? absent(e, "context") : !absent(e, "context")
                        && context.equals(e.getString("context")))
                .toList();
        assertEquals(1, matching.size(), () -> action + "/" + context + " in " + events);
        return matching.get(0);
    }

    /** JSON-B leaves null properties out; a missing key and an explicit null both mean "no value". */
    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static long register(String token, String name, String sex, String born, String pid, long village) {
        Http.Answer created = Http.post("/api/persons", token, person(name, sex, born, pid, village).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static JsonObjectBuilder person(String name, String sex, String born, String pid, long village) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fullName", name).add("sex", sex)
                .add("birthDate", born).add("villageId", village);
        if (pid != null) {
            b.add("personalId", pid);
        }
        return b;
    }

    /** A fresh personal ID: province prefix, century/sex digit, the year's last two digits, six unique digits. */
    private static String pid(String prefix, char centuryDigit, int year) {
        return prefix + centuryDigit + yy(year) + six();
    }

    private static String yy(int year) {
        return String.format("%02d", year % 100);
    }

    private static String six() {
        return String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }

    private static List<Long> ids(Http.Answer answer) {
        assertEquals(200, answer.status(), answer::toString);
        return answer.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }


}
