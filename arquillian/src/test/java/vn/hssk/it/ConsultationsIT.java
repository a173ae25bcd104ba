package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tele-consultation with real tokens: station staff send a request about a person of their commune to a hospital of
 * the province, sharing chosen parts of the record and a PDF; the doctor of that hospital (role hospital-doctor,
 * facility claim) sees those parts only, answers, and the answer lands in part D as a visit; the station sees it
 * answered. A doctor of another hospital, staff of another commune and anyone of another province get 404; staff do
 * not answer, doctors do not send. Communes 24301 and 24303 (38) and 31301 (92), hospitals 38901, 38902 and 92901
 * are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsultationsIT {

    private static final String COMMUNE = "24301";
    private static final String OTHER_COMMUNE = "24303";
    private static final String COMMUNE_92 = "31301";
    private static final String STAFF = "cs-staff-24301";
    private static final String OTHER_STAFF = "cs-staff-24303";
    private static final String STAFF_92 = "cs-staff-31301";
    private static final String DOCTOR = "cs-doctor-38901";
    private static final String OTHER_DOCTOR = "cs-doctor-38902";
    private static final String DOCTOR_92 = "cs-doctor-92901";
    private static final String PDF_TEXT = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

    private static boolean usersMade;
    private static long village;
    private static long hospital;
    private static long otherHospital;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesHospitalsAndPeople() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long c = Units.ensure(th, COMMUNE, "Xã Hội Chẩn", "COMMUNE", "xa", 1);
        village = Units.ensure(th, COMMUNE + "-01", "Thôn Từ Xa", "VILLAGE", "thon", c);
        Units.ensure(th, OTHER_COMMUNE, "Xã Bên Kia", "COMMUNE", "xa", 1);
        hospital = hospital(th, "38901", "Bệnh viện Đa khoa Hội Chẩn");
        otherHospital = hospital(th, "38902", "Bệnh viện Nhi Hội Chẩn");
        String ct = Keycloak.token("ct-admin");
        Units.ensure(ct, COMMUNE_92, "Phường Hội Chẩn", "COMMUNE", "phuong", 1);
        hospital(ct, "92901", "Bệnh viện Cần Thơ Hội Chẩn");
        if (!usersMade) {
            Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
            Keycloak.user(OTHER_STAFF, "station-staff", "38", List.of(OTHER_COMMUNE));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of(COMMUNE_92));
            Keycloak.user(DOCTOR, "hospital-doctor", "38", null, "38901");
            Keycloak.user(OTHER_DOCTOR, "hospital-doctor", "38", null, "38902");
            Keycloak.user(DOCTOR_92, "hospital-doctor", "92", null, "92901");
            usersMade = true;
        }
    }

    /** The open hospital with this code, registered by the province administrator unless it exists. */
    static long hospital(String adminToken, String code, String name) {
        Http.Answer list = Http.get("/api/hospitals?includeClosed=true", adminToken);
        assertEquals(200, list.status(), list::toString);
        for (JsonObject h : list.jsonArray().getValuesAs(JsonObject.class)) {
            if (code.equals(h.getString("facilityCode"))) {
                if (!h.getBoolean("open")) {
                    Http.post("/api/hospitals/" + h.getJsonNumber("id") + "/reopen", adminToken,
                            Json.createObjectBuilder().build());
                }
                return h.getJsonNumber("id").longValue();
            }
        }
        Http.Answer created = Http.post("/api/hospitals", adminToken, Json.createObjectBuilder()
                .add("facilityCode", code).add("name", name).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static long person(String name) {
        return People.id(People.register(Keycloak.token(STAFF),
                People.person(name, "MALE", "1968-03-14", People.pid("038", '0', 1968), village)));
    }

    private static JsonObjectBuilder request(long person, long toHospital, List<String> parts, byte[] attachment) {
        JsonArrayBuilder p = Json.createArrayBuilder();
        parts.forEach(p::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("personId", person).add("hospitalId", toHospital)
                .add("question", "Ho kéo dài 3 tuần, sốt nhẹ về chiều. Xin ý kiến có cần chuyển tuyến?")
                .add("parts", p);
        if (attachment != null) {
            b.add("attachment", Base64.getEncoder().encodeToString(attachment)).add("attachmentName", "phim-xq.pdf");
        }
        return b;
    }

    private static JsonObject send(long person, List<String> parts, byte[] attachment) {
        Http.Answer sent = Http.post("/api/consultations", Keycloak.token(STAFF),
                request(person, hospital, parts, attachment).build());
        assertEquals(201, sent.status(), sent::toString);
        return sent.json();
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static JsonObject answerBody(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    @Test
    void theDoctorSeesOnlyTheSharedPartsAndTheAnswerLandsInPartD() {
        long person = person("Lò Văn Hội Chẩn");
        String staff = Keycloak.token(STAFF);
        assertEquals(201, Http.post("/api/persons/" + person + "/visits", staff, Json.createObjectBuilder()
                .add("visitDate", Epi.today().toString()).add("conclusion", "Viêm phế quản, nghe phổi ran nổ")
                .build()).status(), "a visit of the station, so that part D has something to share");
        JsonObject sent = send(person, List.of("A", "D"), PDF_TEXT.getBytes(StandardCharsets.US_ASCII));
        long id = id(sent);
        assertEquals("SENT", sent.getString("status"));
        assertEquals(List.of("A", "D"), sent.getJsonArray("sharedParts").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("application/pdf", sent.getString("attachmentType"));

        String doctor = Keycloak.token(DOCTOR);
        Http.Answer inbox = Http.get("/api/consultations?status=SENT", doctor);
        assertEquals(200, inbox.status(), inbox::toString);
        assertTrue(inbox.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(c -> id(c) == id),
                inbox::toString);

        Http.Answer opened = Http.get("/api/consultations/" + id, doctor);
        assertEquals(200, opened.status(), opened::toString);
        JsonArray sections = opened.json().getJsonArray("sections");
        assertEquals(List.of("A.", "D."), sections.getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("title").substring(0, 2)).toList(), "the chosen parts, nothing else");
        assertTrue(opened.body().contains("Lò Văn Hội Chẩn"), "part A was shared");
        assertTrue(opened.body().contains("nghe phổi ran nổ"), "part D was shared");
        assertFalse(opened.body().contains("B. Tiền sử") || opened.body().contains("C. Tiêm chủng"));

        Http.Answer file = Http.get("/api/consultations/" + id + "/attachment", doctor);
        assertEquals(200, file.status(), file::toString);
        assertEquals("application/pdf", file.contentType());
        assertEquals(PDF_TEXT, file.body());

        Http.Answer byStaff = Http.post("/api/consultations/" + id + "/answer", staff, answerBody("Không"));
        assertEquals(403, byStaff.status(), "station staff do not answer: " + byStaff);

        String advice = "Nghi lao phổi: chuyển khám chuyên khoa hô hấp, làm xét nghiệm đờm AFB.";
        Http.Answer answered = Http.post("/api/consultations/" + id + "/answer", doctor, answerBody(advice));
        assertEquals(200, answered.status(), answered::toString);
        assertEquals("ANSWERED", answered.json().getString("status"));
        long visit = answered.json().getJsonNumber("visitId").longValue();

        Http.Answer visits = Http.get("/api/persons/" + person + "/visits", staff);
        JsonObject note = visits.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getJsonNumber("id").longValue() == visit).findFirst().orElseThrow(() -> new AssertionError(visits.toString()));
        assertEquals("Hội chẩn từ xa", note.getString("reason"));
        assertEquals(advice, note.getString("conclusion"));
        assertEquals(Epi.today().toString(), note.getString("visitDate"));
        assertTrue(note.getString("examiner").contains("Bệnh viện Đa khoa Hội Chẩn"), note::toString);

        JsonObject seen = Http.get("/api/consultations/" + id, staff).json();
        assertEquals("ANSWERED", seen.getString("status"));
        assertEquals(advice, seen.getString("answer"));
        assertEquals(DOCTOR, seen.getString("answeredBy"));
        assertTrue(Http.get("/api/consultations?person=" + person, staff).body().contains(advice));

        Http.Answer again = Http.post("/api/consultations/" + id + "/answer", doctor, answerBody("Lần nữa"));
        Epi.assertField(again, 409, "status");

        String audit = Http.get("/api/audit?person=" + person + "&max=100", Keycloak.token("th-admin")).body();
        assertTrue(audit.contains("\"" + DOCTOR + "\""), "the doctor's reads and answer are audited: " + audit);
        assertTrue(audit.contains("consultation " + id), audit);
        assertTrue(audit.contains("consultation-attachment " + id), audit);
    }

    @Test
    void theDoctorWithoutPartAGetsNoName() {
        long person = person("Quàng Văn Kín");
        long id = id(send(person, List.of("D"), null));
        Http.Answer opened = Http.get("/api/consultations/" + id, Keycloak.token(DOCTOR));
        assertEquals(200, opened.status(), opened::toString);
        assertFalse(opened.body().contains("Quàng Văn Kín"), opened::toString);
        assertFalse(opened.json().containsKey("personName") && !opened.json().isNull("personName"));
        assertEquals(1, opened.json().getJsonArray("sections").size());
        assertEquals(404, Http.get("/api/consultations/" + id + "/attachment", Keycloak.token(DOCTOR)).status(),
                "no attachment");
        Http.Answer inbox = Http.get("/api/consultations", Keycloak.token(DOCTOR));
        assertEquals(200, inbox.status(), inbox::toString);
        assertTrue(inbox.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(c -> id(c) == id));
        assertFalse(inbox.body().contains("Quàng Văn Kín"), "the inbox names nobody whose part A was not shared");
    }

    @Test
    void anotherHospitalAnotherCommuneAndAnotherProvinceFindNothing() {
        long person = person("Cầm Văn Riêng");
        long id = id(send(person, List.of("A"), PDF_TEXT.getBytes(StandardCharsets.US_ASCII)));
        String unknownDetail = Http.get("/api/consultations/999999999", Keycloak.token(DOCTOR)).json()
                .getString("detail").replace("999999999", "N");
        for (String outsider : List.of(OTHER_DOCTOR, OTHER_STAFF, STAFF_92, DOCTOR_92)) {
            String token = Keycloak.token(outsider);
            Http.Answer read = Http.get("/api/consultations/" + id, token);
            assertEquals(404, read.status(), outsider + ": " + read);
            assertEquals(unknownDetail, read.json().getString("detail").replace(String.valueOf(id), "N"),
                    outsider + " learns nothing that an unknown id does not tell");
            assertEquals(404, Http.get("/api/consultations/" + id + "/attachment", token).status(), outsider);
            Http.Answer list = Http.get("/api/consultations", token);
            assertEquals(200, list.status(), outsider + ": " + list);
            assertFalse(list.body().contains("Cầm Văn Riêng"), outsider);
            assertFalse(list.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(c -> id(c) == id),
                    outsider);
        }
        assertEquals(404, Http.post("/api/consultations/" + id + "/answer", Keycloak.token(OTHER_DOCTOR),
                answerBody("Không phải của tôi")).status());
        assertEquals(404, Http.post("/api/consultations/" + id + "/cancel", Keycloak.token(OTHER_STAFF),
                Json.createObjectBuilder().build()).status());
        assertEquals(404, Http.post("/api/consultations", Keycloak.token(OTHER_STAFF),
                request(person, hospital, List.of("A"), null).build()).status(),
                "staff of another commune cannot send about this person");
        assertEquals("SENT", Http.get("/api/consultations/" + id, Keycloak.token(STAFF)).json().getString("status"));
    }

    @Test
    void doctorsDoNotSendAndOtherRolesAreRefused() {
        long person = person("Hà Văn Vai Trò");
        Http.Answer byDoctor = Http.post("/api/consultations", Keycloak.token(DOCTOR),
                request(person, hospital, List.of("A"), null).build());
        assertEquals(403, byDoctor.status(), byDoctor::toString);
        for (String other : List.of("national-admin", "th-admin", "th-quangdai-chair")) {
            Http.Answer list = Http.get("/api/consultations", Keycloak.token(other));
            assertEquals(403, list.status(), other + ": " + list);
        }
        long id = id(send(person, List.of("A"), null));
        String pid = Http.get("/api/persons/" + person, Keycloak.token(STAFF)).json().getString("personalId");
        String login = "it-cs-" + pid;
        Citizens.citizen(login, pid, "Hà Văn", "Vai Trò");
        String citizen = Citizens.token(login);
        assertEquals(403, Http.get("/api/consultations", citizen).status(), "the citizen portal is elsewhere");
        assertEquals(403, Http.get("/api/consultations/" + id, citizen).status(),
                "not even a request about the citizen themself");
        assertEquals(403, Http.get("/api/consultations/" + id, Keycloak.token("national-admin")).status());
        Http.Answer doctorReadsPerson = Http.get("/api/persons/" + person, Keycloak.token(DOCTOR));
        assertEquals(403, doctorReadsPerson.status(), "a doctor reads no record outside a consultation");
        assertEquals(403, Http.get("/api/hospitals", Keycloak.token(DOCTOR)).status());
        Http.Answer staffRegisters = Http.post("/api/hospitals", Keycloak.token(STAFF),
                Json.createObjectBuilder().add("facilityCode", "38903").add("name", "BV").build());
        assertEquals(403, staffRegisters.status(), staffRegisters::toString);
    }

    @Test
    void badAttachmentsPartsAndHospitalsAreRefusedByField() {
        long person = person("Vi Văn Tệp");
        String staff = Keycloak.token(STAFF);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        Epi.assertField(Http.post("/api/consultations", staff, request(person, hospital, List.of("A"), html).build()),
                400, "attachment");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF_TEXT.getBytes(StandardCharsets.US_ASCII), 0, big, 0, PDF_TEXT.length());
        Http.Answer oversize = Http.post("/api/consultations", staff,
                request(person, hospital, List.of("A"), big).build());
        Epi.assertField(oversize, 400, "attachment");
        assertTrue(oversize.body().contains("5 MB"), oversize::toString);
        Epi.assertField(Http.post("/api/consultations", staff, request(person, hospital, List.of(), null).build()),
                400, "parts");
        Epi.assertField(Http.post("/api/consultations", staff, request(person, 999999999L, List.of("A"), null)
                .build()), 400, "hospitalId");
        Epi.assertField(Http.post("/api/consultations", staff, request(person, hospital, List.of("A"), null)
                .add("question", " ").build()), 400, "question");
        assertTrue(Http.get("/api/consultations?person=" + person, staff).jsonArray().isEmpty(), "nothing was sent");

        String admin = Keycloak.token("th-admin");
        Epi.assertField(Http.post("/api/hospitals", admin, Json.createObjectBuilder().add("facilityCode", "92999")
                .add("name", "Bệnh viện tỉnh khác").build()), 400, "facilityCode");
        Epi.assertField(Http.post("/api/hospitals", admin, Json.createObjectBuilder().add("facilityCode", "38901")
                .add("name", "Trùng mã").build()), 409, "facilityCode");
    }

    @Test
    void theStationCancelsAnUnansweredRequestAndAClosedHospitalTakesNoNewOne() {
        long person = person("Lục Văn Hủy");
        String staff = Keycloak.token(STAFF);
        long id = id(send(person, List.of("A", "B"), null));
        Http.Answer cancelled = Http.post("/api/consultations/" + id + "/cancel", staff,
                Json.createObjectBuilder().build());
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        Epi.assertField(Http.post("/api/consultations/" + id + "/answer", Keycloak.token(DOCTOR),
                answerBody("Muộn")), 409, "status");
        JsonObject seen = Http.get("/api/consultations/" + id, staff).json();
        assertFalse(seen.containsKey("visitId") && !seen.isNull("visitId"), seen::toString);
        assertTrue(Http.get("/api/persons/" + person + "/visits", staff).jsonArray().isEmpty(),
                "no visit without an answer");

        String admin = Keycloak.token("th-admin");
        assertEquals(200, Http.post("/api/hospitals/" + otherHospital + "/close", admin,
                Json.createObjectBuilder().build()).status());
        try {
            Epi.assertField(Http.post("/api/consultations", staff,
                    request(person, otherHospital, List.of("A"), null).build()), 400, "hospitalId");
            assertFalse(Http.get("/api/hospitals", staff).body().contains("\"38902\""),
                    "staff choose among open hospitals");
        } finally {
            Http.post("/api/hospitals/" + otherHospital + "/reopen", admin, Json.createObjectBuilder().build());
        }
    }

    @Test
    void theProvinceAdministratorMakesADoctorAccountForAnOpenHospital() {
        String admin = Keycloak.token("th-admin");
        String username = "cs-made-doctor-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        java.util.function.Function<String, JsonObjectBuilder> account = facility -> Json.createObjectBuilder()
                .add("username", username).add("email", username + "@test.hssk.vn").add("role", "hospital-doctor")
                .add("facility", facility);
        Epi.assertField(Http.post("/api/accounts", admin, account.apply("38999").build()), 400, "facility");
        Epi.assertField(Http.post("/api/accounts", admin, account.apply("38901")
                .add("communes", Json.createArrayBuilder().add(COMMUNE)).build()), 400, "communes");

        Http.Answer made = Http.post("/api/accounts", admin, account.apply("38901").build());
        assertEquals(201, made.status(), made::toString);
        assertEquals("hospital-doctor", made.json().getJsonObject("account").getString("role"));
        JsonObject user = Keycloak.findUser(username);
        assertEquals("38901", user.getJsonObject("attributes").getJsonArray("facility").getString(0));
        assertEquals("38", user.getJsonObject("attributes").getJsonArray("tenant").getString(0));

        Keycloak.setPassword(username, Keycloak.PASSWORD);
        String doctor = Keycloak.token(username);
        long id = id(send(person("Lường Văn Tài Khoản"), List.of("A"), null));
        Http.Answer inbox = Http.get("/api/consultations", doctor);
        assertEquals(200, inbox.status(), inbox::toString);
        assertTrue(inbox.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(c -> id(c) == id),
                "the new account's token carries the facility claim of its hospital");
        Http.Answer listed = Http.get("/api/accounts", admin);
        assertTrue(listed.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(a ->
                username.equals(a.getString("username")) && "38901".equals(a.getString("facility", null))),
                "the province's list shows the doctor's hospital");
    }
}
