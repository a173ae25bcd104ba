package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.assertField;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parts B (history and risk factors) and D (visits) of the personal health record, the part-B catalog and the
 * ICD-10 search, through the real API, tokens and database: round trips, refusals that name the field, the BMI
 * computed by the server, lines that are voided and never edited, audit rows found by person, and the scope (other
 * commune and other province 404, national administrator 403, chairs and province administrators read only).
 * Communes 20001/20002 and their villages are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonPartsIT {

    private static final String COMMUNE_A = "20001";
    private static final String COMMUNE_B = "20002";
    private static final String STAFF_A = "parts-staff-20001";
    private static final String CHAIR_A = "parts-chair-20001";
    private static final String STAFF_B = "parts-staff-20002";
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(500_000 + (int) Math.floorMod(System.nanoTime(), 400_000L));

    private static boolean usersMade;
    private static long villageA;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = Units.ensure(th, COMMUNE_A, "Xã Phần Bốn A", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, "Xã Phần Bốn B", "COMMUNE", "xa", 1);
        villageA = Units.ensure(th, COMMUNE_A + "-01", "Thôn Khám", "VILLAGE", "thon", communeA);
        Units.ensure(th, COMMUNE_B + "-01", "Thôn Bệnh", "VILLAGE", "thon", communeB);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(CHAIR_A, "commune-chair", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            usersMade = true;
        }
    }

    @Test
    void historyLinesAreGroupedByCategoryAndVoidedWithAReason() {
        String staff = Keycloak.token(STAFF_A);
        long person = person(staff, "Nguyễn Văn Tiền Sử", "MALE", 1970);
        String url = "/api/persons/" + person + "/history";
        assertEquals(0, Http.get(url, staff).json().getJsonArray("groups").size());

        long tobaccoLine = created(Http.post(url, staff, entry(item(staff, "HABIT", "TOBACCO"))
                .add("status", "regular").add("numberValue", 10).add("sinceYear", 1990).build()));
        long hypertension = created(Http.post(url, staff, entry(item(staff, "DISEASE", "HYPERTENSION"))
                .add("sinceYear", 2015).build()));
        Http.Answer family = Http.post(url, staff, entry(item(staff, "DISEASE", "DIABETES"))
                .add("relative", "Mẹ").add("icd10Code", "e11").build());
        assertEquals(201, family.status(), family::toString);
        assertEquals("E11", family.json().getString("icd10Code"), "a more precise code than the item's E14");

        JsonObject history = Http.get(url, staff).json();
        assertEquals(List.of("DISEASE", "FAMILY", "HABIT"), categories(history));
        JsonObject tobacco = group(history, "HABIT").getJsonObject(0);
        assertEquals("REGULAR", tobacco.getString("status"));
        assertEquals(0, new BigDecimal("10").compareTo(tobacco.getJsonNumber("numberValue").bigDecimalValue()));
        assertEquals("điếu/ngày", tobacco.getString("numberUnit"));
        assertEquals("I10", group(history, "DISEASE").getJsonObject(0).getString("icd10Code"),
                "the item's ICD-10 code is the default");
        assertEquals("Mẹ", group(history, "FAMILY").getJsonObject(0).getString("relative"));

        assertField(Http.post(url, staff, entry(item(staff, "HABIT", "TOBACCO")).add("status", "NO").build()), 409,
                "itemId");
        assertField(Http.post(url + "/" + tobaccoLine + "/void", staff, Json.createObjectBuilder().build()), 400,
                "reason");
        Http.Answer voided = Http.post(url + "/" + tobaccoLine + "/void", staff,
                Json.createObjectBuilder().add("reason", "Nhập nhầm người").build());
        assertEquals(200, voided.status(), voided::toString);
        assertTrue(voided.json().getBoolean("voided"));
        assertField(Http.post(url + "/" + tobaccoLine + "/void", staff,
                Json.createObjectBuilder().add("reason", "Lần nữa").build()), 409, "voided");
        assertEquals(201, Http.post(url, staff, entry(item(staff, "HABIT", "TOBACCO")).add("status", "YES")
                .add("quit", true).build()).status(), "after the void the item is recorded again");

        JsonObject current = Http.get(url, staff).json();
        assertEquals("YES", group(current, "HABIT").getJsonObject(0).getString("status"));
        assertEquals(1, group(current, "HABIT").size(), "the voided line leaves the current history");
        JsonArray withVoided = group(Http.get(url + "?includeVoided=true", staff).json(), "HABIT");
        assertEquals(2, withVoided.size());
        JsonObject kept = withVoided.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("id").longValue() == tobaccoLine).findFirst().orElseThrow();
        assertEquals("Nhập nhầm người", kept.getString("voidReason"));
        assertEquals("REGULAR", kept.getString("status"), "a voided line keeps what it said");
        assertTrue(hypertension > 0);
    }

    @Test
    void historyRefusalsNameTheField() {
        String staff = Keycloak.token(STAFF_A);
        long man = person(staff, "Trần Văn Kiểm", "MALE", 1980);
        String url = "/api/persons/" + man + "/history";
        assertField(Http.post(url, staff, Json.createObjectBuilder().add("itemId", 999_999).build()), 400, "itemId");
        assertField(Http.post(url, staff, Json.createObjectBuilder().build()), 400, "itemId");
        long tobacco = item(staff, "HABIT", "TOBACCO");
        assertField(Http.post(url, staff, entry(tobacco).build()), 400, "status");
        assertField(Http.post(url, staff, entry(tobacco).add("status", "SOMETIMES").build()), 400, "status");
        assertField(Http.post(url, staff, entry(tobacco).add("status", "YES").add("numberValue", 500).build()), 400,
                "numberValue");
        assertField(Http.post(url, staff, entry(tobacco).add("status", "YES").add("relative", "Bố").build()), 400,
                "relative");
        assertField(Http.post(url, staff, entry(tobacco).add("status", "YES").add("sinceYear", 1975).build()), 400,
                "sinceYear");
        long hypertension = item(staff, "DISEASE", "HYPERTENSION");
        assertField(Http.post(url, staff, entry(hypertension).add("quit", true).build()), 400, "quit");
        assertField(Http.post(url, staff, entry(hypertension).add("icd10Code", "X99.99").build()), 400,
                "icd10Code");
        assertField(Http.post(url, staff, entry(hypertension).add("status", "YES").build()), 400, "status");
        assertField(Http.post(url, staff, entry(item(staff, "ALLERGY", "DRUG")).build()), 400, "description");
        assertField(Http.post(url, staff, entry(item(staff, "BIRTH", "BIRTH_WEIGHT")).add("numberValue", 12000)
                .build()), 400, "numberValue");
        assertField(Http.post(url, staff, entry(item(staff, "REPRODUCTIVE", "PREGNANCIES")).add("numberValue", 2)
                .build()), 400, "itemId");
        Http.Answer several = Http.post(url, staff, entry(tobacco).add("relative", "Bố").add("sinceYear", 1800)
                .build());
        assertEquals(400, several.status());
        assertEquals(3, several.json().getJsonArray("errors").size(), "every bad field at once: " + several);

        long woman = person(staff, "Lê Thị Sinh", "FEMALE", 1985);
        Http.Answer pregnancies = Http.post("/api/persons/" + woman + "/history", staff,
                entry(item(staff, "REPRODUCTIVE", "PREGNANCIES")).add("numberValue", 2).build());
        assertEquals(201, pregnancies.status(), pregnancies::toString);
        assertEquals(0, Http.get(url, staff).json().getJsonArray("groups").size(), "refused lines are not stored");
    }

    @Test
    void visitsAppendWithTheBmiComputedAndAreVoidedNeverEdited() {
        String staff = Keycloak.token(STAFF_A);
        long person = person(staff, "Phạm Thị Khám", "FEMALE", 1975);
        String url = "/api/persons/" + person + "/visits";
        String older = LocalDate.now().minusDays(30).toString();
        String today = LocalDate.now().toString();

        Http.Answer first = Http.post(url, staff, visit(older).add("heightCm", 160).add("weightKg", 64)
                .add("bmi", 99).add("pulse", 78).add("temperature", 36.8).add("bpSystolic", 150)
                .add("bpDiastolic", 95).add("respiratoryRate", 18).add("waistCm", 82.5)
                .add("findings", "Tỉnh, tiếp xúc tốt").add("diagnoses", Json.createArrayBuilder().add("i10")
                        .add("E11"))
                .add("tests", Json.createArrayBuilder().add(Json.createObjectBuilder().add("group", "LAB")
                        .add("name", "Đường huyết lúc đói").add("result", "7,8 mmol/l")))
                .add("advice", "Ăn nhạt, tái khám sau 1 tháng").build());
        assertEquals(201, first.status(), first::toString);
        JsonObject v1 = first.json();
        assertEquals(0, new BigDecimal("25.0").compareTo(v1.getJsonNumber("bmi").bigDecimalValue()),
                "64 kg at 1.60 m is BMI 25.0, computed by the server whatever the client sent");
        JsonArray dx = v1.getJsonArray("diagnoses");
        assertEquals("I10", dx.getJsonObject(0).getString("code"));
        assertEquals("Tăng huyết áp vô căn (nguyên phát)", dx.getJsonObject(0).getString("name"));
        assertEquals("E11", dx.getJsonObject(1).getString("code"));
        assertEquals("7,8 mmol/l", v1.getJsonArray("tests").getJsonObject(0).getString("result"));
        long firstId = v1.getJsonNumber("id").longValue();

        long secondId = created(Http.post(url, staff, visit(today).add("heightCm", 160).add("weightKg", 62.5)
                .add("diagnoses", Json.createArrayBuilder().add("I10")).build()));
        List<Long> order = ids(Http.get(url, staff).jsonArray());
        assertEquals(List.of(secondId, firstId), order, "newest first");

        Http.Answer one = Http.get(url + "/" + firstId, staff);
        assertEquals(200, one.status());
        assertEquals(older, one.json().getString("visitDate"));
        assertEquals(405, Http.put(url + "/" + firstId, staff, visit(today).build()).status(),
                "a visit is never edited in place");

        assertField(Http.post(url + "/" + secondId + "/void", staff, Json.createObjectBuilder().build()), 400,
                "reason");
        Http.Answer voided = Http.post(url + "/" + secondId + "/void", staff,
                Json.createObjectBuilder().add("reason", "Sai cân nặng").build());
        assertEquals(200, voided.status(), voided::toString);
        assertTrue(voided.json().getBoolean("voided"));
        assertEquals("Sai cân nặng", voided.json().getString("voidReason"));
        long again = created(Http.post(url, staff, visit(today).add("heightCm", 160).add("weightKg", 63)
                .build()));
        JsonArray all = Http.get(url, staff).jsonArray();
        assertEquals(3, all.size(), "the voided visit stays in the record, marked");
        assertEquals(List.of(again, secondId, firstId), ids(all));
        assertTrue(all.getJsonObject(1).getBoolean("voided"));
        assertFalse(all.getJsonObject(0).getBoolean("voided"));
        assertEquals(404, Http.get("/api/persons/" + person(staff, "Người Khác", "MALE", 1990) + "/visits/"
                + firstId, staff).status(), "a visit is reached only through its own person");
    }

    @Test
    void visitRefusalsNameTheField() {
        String staff = Keycloak.token(STAFF_A);
        long person = person(staff, "Hoàng Văn Đo", "MALE", 2000);
        String url = "/api/persons/" + person + "/visits";
        String today = LocalDate.now().toString();
        assertField(Http.post(url, staff, visit(LocalDate.now().plusDays(2).toString()).build()), 400, "visitDate");
        assertField(Http.post(url, staff, visit("1999-12-31").build()), 400, "visitDate");
        assertField(Http.post(url, staff, visit("31/13/2025").build()), 400, "visitDate");
        assertField(Http.post(url, staff, Json.createObjectBuilder().add("pulse", 70).build()), 400, "visitDate");
        assertField(Http.post(url, staff, visit(today).add("heightCm", 300).build()), 400, "heightCm");
        assertField(Http.post(url, staff, visit(today).add("heightCm", 19).build()), 400, "heightCm");
        assertField(Http.post(url, staff, visit(today).add("weightKg", 0.2).build()), 400, "weightKg");
        assertField(Http.post(url, staff, visit(today).add("weightKg", 401).build()), 400, "weightKg");
        assertField(Http.post(url, staff, visit(today).add("temperature", 46).build()), 400, "temperature");
        assertField(Http.post(url, staff, visit(today).add("temperature", 29.9).build()), 400, "temperature");
        assertField(Http.post(url, staff, visit(today).add("pulse", 300).build()), 400, "pulse");
        assertField(Http.post(url, staff, visit(today).add("respiratoryRate", 2).build()), 400, "respiratoryRate");
        assertField(Http.post(url, staff, visit(today).add("bpSystolic", 120).add("bpDiastolic", 130).build()), 400,
                "bpDiastolic");
        assertField(Http.post(url, staff, visit(today).add("bpSystolic", 120).build()), 400, "bpDiastolic");
        assertField(Http.post(url, staff, visit(today).add("bpSystolic", 400).add("bpDiastolic", 80).build()), 400,
                "bpSystolic");
        assertField(Http.post(url, staff, visit(today).add("heightCm", 50).add("weightKg", 200).build()), 400,
                "weightKg");
        assertField(Http.post(url, staff, visit(today).add("diagnoses", Json.createArrayBuilder().add("Q99.99"))
                .build()), 400, "diagnoses[0]");
        assertField(Http.post(url, staff, visit(today).add("tests", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("group", "LAB").add("name", " "))).build()), 400,
                "tests[0].name");
        assertField(Http.post(url, staff, visit(today).add("tests", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("group", "XRAY").add("name", "Phổi"))).build()), 400,
                "tests[0].group");
        assertField(Http.post(url, staff, Json.createObjectBuilder().add("visitDate", today).build()), 400,
                "findings");
        Http.Answer several = Http.post(url, staff, visit(today).add("pulse", 5).add("temperature", 50)
                .add("heightCm", 5).build());
        assertEquals(3, several.json().getJsonArray("errors").size(), "every bad field at once: " + several);
        assertEquals("Pulse must be between 20 and 250 /min", several.error("pulse").getString("message"));
        Http.Answer severalVi = Http.post(url, staff, visit(today).add("pulse", 5).add("temperature", 50)
                .add("heightCm", 5).build(), "vi");
        assertEquals("Mạch phải từ 20 đến 250 lần/phút", severalVi.error("pulse").getString("message"));
        assertEquals("visit.range", severalVi.error("pulse").getString("code"));
        assertEquals("Nhiệt độ phải từ 30 đến 45 °C", severalVi.error("temperature").getString("message"));
        assertEquals(0, Http.get(url, staff).jsonArray().size(), "refused visits are not stored");
    }

    @Test
    void icd10IsFoundByCodePrefixOrByNameWithOrWithoutDiacritics() {
        String staff = Keycloak.token(STAFF_A);
        assertTrue(codes(Http.get("/api/icd10?q=E11", staff)).contains("E11"));
        assertTrue(codes(Http.get("/api/icd10?q=e1", staff)).containsAll(List.of("E10", "E11", "E14")));
        List<String> folded = codes(Http.get("/api/icd10?q=" + enc("dai thao duong"), staff));
        assertTrue(folded.containsAll(List.of("E10", "E11", "E14")), folded::toString);
        assertEquals(folded, codes(Http.get("/api/icd10?q=" + enc("Đái tháo đường"), staff)));
        assertTrue(codes(Http.get("/api/icd10?q=" + enc("huyet ap tang"), staff)).contains("I10"),
                "words in any order");
        assertEquals(List.of(), codes(Http.get("/api/icd10?q=" + enc("khong co benh nay"), staff)));
        assertField(Http.get("/api/icd10?q=", staff), 400, "q");

        String code = "U8" + new Random().nextInt(10) + "." + Integer.toString(SEQUENCE.incrementAndGet(), 36)
                .toUpperCase().substring(0, 3);
        JsonObject added = Json.createObjectBuilder().add("code", code).add("name", "Bệnh mới của tỉnh").build();
        assertEquals(403, Http.post("/api/icd10", staff, added).status(), "station staff do not extend the catalog");
        String th = Keycloak.token("th-admin");
        Http.Answer made = Http.post("/api/icd10", th, added);
        assertEquals(201, made.status(), made::toString);
        assertEquals("PROVINCE", made.json().getString("source"));
        assertTrue(codes(Http.get("/api/icd10?q=" + enc("benh moi cua tinh"), staff)).contains(code));
        assertEquals(List.of(), codes(Http.get("/api/icd10?q=" + enc("benh moi cua tinh"),
                Keycloak.token("ct-admin"))), "another province's catalog does not have it");
        assertField(Http.post("/api/icd10", th, added), 409, "code");
        assertField(Http.post("/api/icd10", th, Json.createObjectBuilder().add("code", "110").add("name", "x")
                .build()), 400, "code");
        assertField(Http.post("/api/icd10", th, Json.createObjectBuilder().add("code", "U89.9").build()), 400,
                "name");
    }

    @Test
    void theProvinceExtendsThePartBCatalog() {
        String th = Keycloak.token("th-admin");
        String staff = Keycloak.token(STAFF_A);
        JsonArray diseases = Http.get("/api/history-items?category=DISEASE", staff).jsonArray();
        assertEquals(15, diseases.size(), "the 15 disease groups of the form");
        assertEquals(7, Http.get("/api/history-items?category=DISABILITY", staff).jsonArray().size());
        String code = "GOUT_" + SEQUENCE.incrementAndGet();
        JsonObject item = Json.createObjectBuilder().add("category", "DISEASE").add("code", code)
                .add("name", "Gút").add("icd10Code", "M10").add("familyApplies", true).build();
        assertEquals(403, Http.post("/api/history-items", staff, item).status());
        Http.Answer made = Http.post("/api/history-items", th, item);
        assertEquals(201, made.status(), made::toString);
        assertField(Http.post("/api/history-items", th, item), 409, "code");
        assertField(Http.post("/api/history-items", th, Json.createObjectBuilder().add("category", "FOOD")
                .add("code", "X").add("name", "x").build()), 400, "category");
        assertField(Http.post("/api/history-items", th, Json.createObjectBuilder().add("category", "HABIT")
                .add("code", "bad code!").add("name", "x").build()), 400, "code");
        assertField(Http.post("/api/history-items", th, Json.createObjectBuilder().add("category", "HABIT")
                .add("code", "TEA_" + SEQUENCE.incrementAndGet()).add("name", "Trà").add("icd10Code", "Z99.99")
                .build()), 400, "icd10Code");
        assertField(Http.post("/api/history-items", th, Json.createObjectBuilder().add("category", "HABIT")
                .add("code", "TEA_" + SEQUENCE.incrementAndGet()).add("name", "Trà").add("numberRequired", true)
                .build()), 400, "numberUnit");

        long itemId = made.json().getJsonNumber("id").longValue();
        long person = person(staff, "Đỗ Văn Gút", "MALE", 1960);
        assertEquals(201, Http.post("/api/persons/" + person + "/history", staff, entry(itemId).build()).status(),
                "a new item is recorded like any other");
        assertEquals(403, Http.get("/api/history-items", Keycloak.token("national-admin")).status());
    }

    @Test
    void everyReadAndChangeOfPartsBAndDIsAuditedUnderThePerson() {
        String staff = Keycloak.token(STAFF_A);
        long person = person(staff, "Vũ Thị Nhật Ký", "FEMALE", 1992);
        String base = "/api/persons/" + person;
        assertEquals(200, Http.get(base + "/history", staff).status());
        long line = created(Http.post(base + "/history", staff, entry(item(staff, "ALLERGY", "DRUG"))
                .add("description", "Penicillin").build()));
        assertEquals(200, Http.post(base + "/history/" + line + "/void", staff,
                Json.createObjectBuilder().add("reason", "Nhầm thuốc").build()).status());
        long visit = created(Http.post(base + "/visits", staff, visit(LocalDate.now().toString()).add("pulse", 80)
                .build()));
        assertEquals(200, Http.get(base + "/visits", staff).status());
        assertEquals(200, Http.get(base + "/visits/" + visit, Keycloak.token(CHAIR_A)).status());
        assertEquals(200, Http.post(base + "/visits/" + visit + "/void", staff,
                Json.createObjectBuilder().add("reason", "Khám nhầm người").build()).status());

        JsonArray events = Http.get("/api/audit?person=" + person, Keycloak.token("th-admin")).jsonArray();
        assertEquals(1, count(events, "PersonHistory", "READ", STAFF_A, "history"), events::toString);
        assertEquals(1, count(events, "PersonHistory", "CREATE", STAFF_A, "entry " + line), events::toString);
        assertEquals(1, count(events, "PersonHistory", "VOID", STAFF_A, "entry " + line), events::toString);
        assertEquals(1, count(events, "Visit", "CREATE", STAFF_A, "visit " + visit), events::toString);
        assertEquals(1, count(events, "Visit", "READ", STAFF_A, "visits"), events::toString);
        assertEquals(1, count(events, "Visit", "READ", CHAIR_A, "visit " + visit), events::toString);
        assertEquals(1, count(events, "Visit", "VOID", STAFF_A, "visit " + visit), events::toString);
        JsonObject voidRow = events.getValuesAs(JsonObject.class).stream()
                .filter(e -> "Visit".equals(e.getString("entityType")) && "VOID".equals(e.getString("action")))
                .findFirst().orElseThrow();
        assertTrue(voidRow.get("changes").toString().contains("Khám nhầm người"), voidRow::toString);

        Http.Answer refused = Http.post(base + "/visits", staff, visit(LocalDate.now().toString())
                .add("pulse", 999).build());
        assertEquals(400, refused.status());
        JsonArray after = Http.get("/api/audit?person=" + person, Keycloak.token("th-admin")).jsonArray();
        assertEquals(events.size(), after.size(), "a refused change leaves no audit row");
    }

    @Test
    void partsBAndDStayInsideTheCallersScope() {
        String staff = Keycloak.token(STAFF_A);
        long person = person(staff, "Bùi Văn Phạm Vi", "MALE", 1965);
        String base = "/api/persons/" + person;
        long tobacco = item(staff, "HABIT", "TOBACCO");
        long line = created(Http.post(base + "/history", staff, entry(tobacco).add("status", "YES").build()));
        long visit = created(Http.post(base + "/visits", staff, visit(LocalDate.now().toString())
                .add("pulse", 72).build()));
        JsonObject newLine = entry(item(staff, "DISEASE", "ASTHMA")).build();
        JsonObject newVisit = visit(LocalDate.now().toString()).add("pulse", 70).build();
        JsonObject reason = Json.createObjectBuilder().add("reason", "Thử phạm vi").build();

        for (String outsider : List.of(Keycloak.token(STAFF_B), Keycloak.token("ct-admin"))) {
            assertEquals(404, Http.get(base + "/history", outsider).status());
            assertEquals(404, Http.get(base + "/visits", outsider).status());
            assertEquals(404, Http.get(base + "/visits/" + visit, outsider).status());
        }
        String otherStaff = Keycloak.token(STAFF_B);
        assertEquals(404, Http.post(base + "/history", otherStaff, newLine).status());
        assertEquals(404, Http.post(base + "/history/" + line + "/void", otherStaff, reason).status());
        assertEquals(404, Http.post(base + "/visits", otherStaff, newVisit).status());
        assertEquals(404, Http.post(base + "/visits/" + visit + "/void", otherStaff, reason).status());

        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get(base + "/history", national).status());
        assertEquals(403, Http.get(base + "/visits", national).status());
        assertEquals(403, Http.get(base + "/visits/" + visit, national).status());
        assertEquals(403, Http.post(base + "/visits", national, newVisit).status());
        assertEquals(403, Http.get("/api/icd10?q=I10", national).status());

        for (String reader : List.of(Keycloak.token(CHAIR_A), Keycloak.token("th-admin"))) {
            assertEquals(200, Http.get(base + "/history", reader).status());
            assertEquals(200, Http.get(base + "/visits", reader).status());
            assertEquals(200, Http.get(base + "/visits/" + visit, reader).status());
            assertEquals(403, Http.post(base + "/history", reader, newLine).status(), "readers do not write");
            assertEquals(403, Http.post(base + "/history/" + line + "/void", reader, reason).status());
            assertEquals(403, Http.post(base + "/visits", reader, newVisit).status());
            assertEquals(403, Http.post(base + "/visits/" + visit + "/void", reader, reason).status());
        }
        assertEquals(1, Http.get(base + "/visits", staff).jsonArray().size(), "nothing was written by outsiders");
        assertFalse(Http.get(base + "/visits", staff).jsonArray().getJsonObject(0).getBoolean("voided"));

        Http.Answer voidPerson = Http.post(base + "/void", staff, Json.createObjectBuilder()
                .add("reason", "Trùng hồ sơ").build());
        assertEquals(200, voidPerson.status(), voidPerson::toString);
        assertField(Http.post(base + "/visits", staff, newVisit), 409, "voided");
        assertField(Http.post(base + "/history", staff, newLine), 409, "voided");
        assertEquals(200, Http.get(base + "/visits", staff).status(), "a voided record is still readable");
    }

    private static long count(JsonArray events, String type, String action, String user, String context) {
        return events.getValuesAs(JsonObject.class).stream()
                .filter(e -> type.equals(e.getString("entityType")) && action.equals(e.getString("action"))
                        && user.equals(e.getString("username")) && e.containsKey("context") && !e.isNull("context")
                        && context.equals(e.getString("context")))
                .count();
    }

    private static List<String> categories(JsonObject history) {
        return history.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .map(g -> g.getString("category")).sorted().toList();
    }

    private static JsonArray group(JsonObject history, String category) {
        return history.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> category.equals(g.getString("category"))).findFirst().orElseThrow()
                .getJsonArray("entries");
    }

    private static long item(String token, String category, String code) {
        return Http.get("/api/history-items?category=" + category, token).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(i -> code.equals(i.getString("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no catalog item " + category + "/" + code))
                .getJsonNumber("id").longValue();
    }

    private static JsonObjectBuilder entry(long itemId) {
        return Json.createObjectBuilder().add("itemId", itemId);
    }

    private static JsonObjectBuilder visit(String date) {
        return Json.createObjectBuilder().add("visitDate", date).add("examiner", "BS. Lê Văn Khám");
    }

    private static List<String> codes(Http.Answer answer) {
        assertEquals(200, answer.status(), answer::toString);
        return answer.jsonArray().getValuesAs(JsonObject.class).stream().map(o -> o.getString("code")).toList();
    }

    private static List<Long> ids(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    private static long created(Http.Answer answer) {
        assertEquals(201, answer.status(), answer::toString);
        return answer.json().getJsonNumber("id").longValue();
    }

    private static long person(String token, String name, String sex, int year) {
        char century = (char) ((year >= 2000 ? '2' : '0') + ("FEMALE".equals(sex) ? 1 : 0));
        String pid = "038" + century + String.format("%02d", year % 100)
                + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
        return created(Http.post("/api/persons", token, Json.createObjectBuilder().add("fullName", name)
                .add("sex", sex).add("birthDate", year + "-03-15").add("personalId", pid).add("villageId", villageA)
                .add("ethnicity", "Kinh").build()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }


}
