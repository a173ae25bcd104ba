package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hssk.claims.ClaimEnvelopes;
import vn.hssk.claims.ClaimEnvelopes.Claim;

/**
 * Claim intake with real tokens and synthetic envelopes: QĐ 130 and QĐ 4210, base64 and inline, BOM/CRLF/namespaces,
 * several claims per envelope; matching by personal ID and BHYT card links a visit in part D, name + birth date only
 * offers a candidate for review; an envelope sent twice changes nothing; a bad table refuses its claim alone; a file
 * that is no envelope is 400, a too large one 413. Scope: another commune's resident is neither linked nor revealed,
 * another province sees nothing, the national administrator is refused. Communes 25401, 25402 (38) and 32401 (92)
 * are this class's; facility 38777 with run-unique MA_LK.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClaimsIT {

    private static final String COMMUNE_A = "25401";
    private static final String COMMUNE_B = "25402";
    private static final String COMMUNE_92 = "32401";
    private static final String STAFF_A = "cl-staff-25401";
    private static final String STAFF_B = "cl-staff-25402";
    private static final String STAFF_92 = "cl-staff-32401";
    private static final String FACILITY = "38777";
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger CARDS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private static final java.util.Random RANDOM = new java.util.Random();

    private static boolean usersMade;
    private static long villageA;
    private static long villageB;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesAndStaff() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long a = Units.ensure(th, COMMUNE_A, "Xã Giám Định", "COMMUNE", "xa", 1);
        villageA = Units.ensure(th, COMMUNE_A + "-01", "Thôn Hồ Sơ", "VILLAGE", "thon", a);
        long b = Units.ensure(th, COMMUNE_B, "Xã Thanh Toán", "COMMUNE", "xa", 1);
        villageB = Units.ensure(th, COMMUNE_B + "-01", "Thôn Bảo Hiểm", "VILLAGE", "thon", b);
        String ct = Keycloak.token("ct-admin");
        Units.ensure(ct, COMMUNE_92, "Phường Giám Định", "COMMUNE", "phuong", 1);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of(COMMUNE_92));
            usersMade = true;
        }
    }

    private static String key() {
        return "LK" + RUN + "-" + SEQ.incrementAndGet();
    }

    private static String bhxh() {
        return "8" + String.format("%09d", CARDS.incrementAndGet() % 1_000_000_000);
    }

    private static final class Resident {
        long id;
        String pid;
        String bhxh;
        String name;
        String born;
    }

    private static Resident resident(String name, long village, boolean withCard) {
        Resident r = new Resident();
        r.name = name;
        int year = 1950 + RANDOM.nextInt(50);
        r.born = String.format("%d-%02d-%02d", year, 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        r.pid = People.pid("038", '0', year);
        r.bhxh = withCard ? bhxh() : null;
        var body = People.person(name, "MALE", r.born, r.pid, village);
        if (r.bhxh != null) {
            body.add("bhytNumber", r.bhxh);
        }
        r.id = People.id(People.register(Keycloak.token(village == villageA ? STAFF_A : STAFF_B), body));
        return r;
    }

    private static Claim claimOf(Resident r) {
        Claim c = new Claim(key());
        c.facility = FACILITY;
        c.name = r.name;
        c.birth = r.born.replace("-", "");
        c.main = "J02";
        return c;
    }

    private static Http.Answer upload(String token, String xml) {
        return Http.postRaw("/api/claims", token, "application/xml", xml);
    }

    private static JsonObject uploaded(String token, String xml) {
        Http.Answer a = upload(token, xml);
        assertEquals(201, a.status(), a::toString);
        return a.json();
    }

    private static JsonObject line(JsonObject report, String key) {
        return report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> key.equals(l.getString("claimKey"))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + " in " + report));
    }

    private static JsonArray visits(long person) {
        Http.Answer v = Http.get("/api/persons/" + person + "/visits", Keycloak.token("th-admin"));
        assertEquals(200, v.status(), v::toString);
        return v.jsonArray();
    }

    private static JsonArray review(String token) {
        Http.Answer r = Http.get("/api/claims/review?max=200", token);
        assertEquals(200, r.status(), r::toString);
        return r.jsonArray();
    }

    private static JsonObject inReview(String token, String key) {
        return review(token).getValuesAs(JsonObject.class).stream().filter(c -> key.equals(c.getString("claimKey")))
                .findFirst().orElse(null);
    }

    @Test
    void bothEncodingsLinkByPersonalIdAndCardIntoPartDAndASecondImportChangesNothing() {
        Resident byPid = resident("Lê Văn Giám", villageA, false);
        Resident byCard = resident("Phạm Thị Định", villageA, true);
        Claim c1 = claimOf(byPid);
        c1.personalId = byPid.pid;
        c1.secondary = "I10;Z99.9";
        c1.referral = true;
        Claim c3 = claimOf(resident("Ai Đó Khác", villageB, false));
        c3.name = "Người Không Có Hồ Sơ";
        c3.commune = COMMUNE_A;
        String envelope130 = ClaimEnvelopes.envelope(FACILITY, true, true, c1, c3);
        String staff = Keycloak.token(STAFF_A);

        JsonObject first = uploaded(staff, envelope130);
        assertEquals(2, first.getInt("claims"));
        assertEquals("LINKED", line(first, c1.key).getString("outcome"));
        assertEquals("REVIEW", line(first, c3.key).getString("outcome"));
        JsonArray v = visits(byPid.id);
        assertEquals(1, v.size(), v::toString);
        JsonObject visit = v.getJsonObject(0);
        assertEquals("2024-01-15", visit.getString("visitDate"));
        assertEquals(List.of("J02", "I10"), visit.getJsonArray("diagnoses").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("code")).toList());
        String findings = visit.getString("findings");
        assertTrue(findings.contains(FACILITY) && findings.contains("Z99.9") && findings.contains("Paracetamol")
                && findings.contains("Giấy chuyển tuyến"), findings);
        assertTrue(visit.getJsonArray("tests").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> "Glucose".equals(t.getString("name"))), visit::toString);

        Claim old = claimOf(byCard).old();
        old.cards = "XX9999999999999;GD438" + byCard.bhxh;
        old.main = "K29";
        old.secondary = "J069";
        JsonObject oldReport = uploaded(Keycloak.token("th-admin"), ClaimEnvelopes.envelope(FACILITY, false, old));
        assertEquals("LINKED", line(oldReport, old.key).getString("outcome"), oldReport::toString);
        assertEquals(1, visits(byCard.id).size());

        JsonObject again = uploaded(staff, envelope130);
        assertEquals(2, again.getInt("duplicates"), again::toString);
        assertEquals(0, again.getInt("linked"));
        assertEquals(1, visits(byPid.id).size(), "the second import adds no visit");
        JsonObject stored = Http.get("/api/claims/envelopes/" + first.getJsonNumber("id"), staff).json();
        assertEquals(1, stored.getInt("linked"));
        assertEquals(1, stored.getInt("waiting"));

        JsonArray audit = Http.get("/api/audit?person=" + byPid.id, Keycloak.token("th-admin")).jsonArray();
        assertTrue(audit.getValuesAs(JsonObject.class).stream().anyMatch(e -> "Visit".equals(e.getString("entityType"))
                && "CREATE".equals(e.getString("action")) && e.getString("context").contains(c1.key)),
                "the visit made from the claim is audited: " + audit);
    }

    @Test
    void aBadTableRefusesItsClaimByNameAndTheGoodClaimsAreKept() {
        Resident r = resident("Trịnh Văn Tốt", villageA, false);
        Claim good = claimOf(r);
        good.personalId = r.pid;
        Claim badTable = claimOf(r).table("XML3", "PGJyb2tlbg==");
        Claim badDate = claimOf(r);
        badDate.in = "15/01/2024";
        String xml = ClaimEnvelopes.envelope(FACILITY, true, good, badTable, badDate);
        Http.Answer vi = Http.send("/api/claims", Keycloak.token(STAFF_A), "application/xml", xml,
                "application/json", "vi");
        assertEquals(201, vi.status(), vi::toString);
        JsonObject report = vi.json();
        assertEquals("LINKED", line(report, good.key).getString("outcome"));
        JsonObject t = line(report, badTable.key);
        assertEquals("REFUSED", t.getString("outcome"));
        assertEquals("claims.table", t.getString("code"));
        assertTrue(t.getString("message").contains(badTable.key) && t.getString("message").contains("bảng XML3"),
                t::toString);
        JsonObject d = line(report, badDate.key);
        assertTrue(d.getString("message").contains("NGAY_VAO") && d.getString("message").contains("XML1"),
                d::toString);
        assertEquals(1, visits(r.id).size());
        Claim fixed = claimOf(r);
        fixed.key = badTable.key;
        fixed.personalId = r.pid;
        JsonObject resent = uploaded(Keycloak.token(STAFF_A), ClaimEnvelopes.envelope(FACILITY, false, fixed));
        assertEquals("LINKED", line(resent, fixed.key).getString("outcome"), "a refused claim may be sent again");
    }

    @Test
    void whatIsNotAnEnvelopeIs400AndAnEnvelopeOverTheLimitIs413NamingIt() {
        String staff = Keycloak.token(STAFF_A);
        Http.Answer html = upload(staff, "<html><body>hello</body></html>");
        assertEquals(400, html.status(), html::toString);
        assertTrue(html.isProblem());
        assertTrue(html.json().getString("detail").contains("GIAMDINHHS"), html::toString);
        assertEquals(400, upload(staff, "not xml at all").status());
        Http.Answer xxe = upload(staff, "<?xml version=\"1.0\"?><!DOCTYPE GIAMDINHHS [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><GIAMDINHHS><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>&x;"
                + "</NOIDUNGFILE></FILEHOSO></HOSO></GIAMDINHHS>");
        assertEquals(400, xxe.status(), xxe::toString);
        assertFalse(xxe.body().contains("root:"), "no external entity is ever read");
        Http.Answer big = upload(staff, "<GIAMDINHHS>" + "x".repeat(21 * 1024 * 1024) + "</GIAMDINHHS>");
        assertEquals(413, big.status(), () -> big.status() + " " + big.contentType());
        assertTrue(big.json().getString("detail").contains("20 MB"), big::toString);
        assertEquals(415, Http.postRaw("/api/claims", staff, "text/plain",
                ClaimEnvelopes.envelope(FACILITY, false, new Claim(key()))).status());
    }

    @Test
    void nameAndBirthOnlyOfferACandidateThatStaffLinkOrDismiss() {
        Resident r = resident("Đỗ Thị Ứng Viên", villageA, false);
        Claim byName = claimOf(r);
        byName.name = "DO THI UNG VIEN";
        Claim nobody = claimOf(r);
        nobody.name = "Không Ai Cả " + RUN;
        nobody.commune = COMMUNE_A;
        JsonObject report = uploaded(Keycloak.token("th-admin"), ClaimEnvelopes.envelope(FACILITY, true, byName,
                nobody));
        assertEquals("REVIEW", line(report, byName.key).getString("outcome"), "never linked silently");
        assertEquals(0, visits(r.id).size());

        String staffA = Keycloak.token(STAFF_A);
        JsonObject item = inReview(staffA, byName.key);
        assertNotNull(item, "in the review list of the candidate's commune");
        assertEquals(r.id, item.getJsonObject("candidate").getJsonNumber("personId").longValue());
        long claimId = item.getJsonNumber("id").longValue();
        String staffB = Keycloak.token(STAFF_B);
        assertEquals(null, inReview(staffB, byName.key), "not in another commune's list");
        assertEquals(404, Http.get("/api/claims/review/" + claimId, staffB).status());
        assertEquals(404, Http.post("/api/claims/" + claimId + "/link", staffB,
                Json.createObjectBuilder().add("personId", r.id).build()).status());

        JsonObject detail = Http.get("/api/claims/review/" + claimId, staffA).json();
        assertFalse(detail.getJsonArray("lines").isEmpty());
        Http.Answer linked = Http.post("/api/claims/" + claimId + "/link", staffA,
                Json.createObjectBuilder().add("personId", r.id).build());
        assertEquals(200, linked.status(), linked::toString);
        assertEquals("LINKED", linked.json().getString("status"));
        assertEquals(1, visits(r.id).size());
        assertEquals(404, Http.post("/api/claims/" + claimId + "/link", staffA,
                Json.createObjectBuilder().add("personId", r.id).build()).status(), "linked once only");

        JsonObject waiting = inReview(staffA, nobody.key);
        assertNotNull(waiting, "an unmatched claim waits in the commune of its residence code");
        assertFalse(waiting.containsKey("candidate") && !waiting.isNull("candidate"));
        long nobodyId = waiting.getJsonNumber("id").longValue();
        assertEquals(400, Http.post("/api/claims/" + nobodyId + "/dismiss", staffA,
                Json.createObjectBuilder().add("reason", " ").build()).status());
        Http.Answer dismissed = Http.post("/api/claims/" + nobodyId + "/dismiss", staffA,
                Json.createObjectBuilder().add("reason", "Không phải người của xã").build());
        assertEquals(200, dismissed.status(), dismissed::toString);
        assertEquals("DISMISSED", dismissed.json().getString("status"));
        assertEquals(null, inReview(staffA, nobody.key));
        JsonArray audit = Http.get("/api/audit?person=" + r.id, Keycloak.token("th-admin")).jsonArray();
        assertTrue(audit.getValuesAs(JsonObject.class).stream().anyMatch(e -> "Person".equals(e.getString("entityType"))
                && "READ".equals(e.getString("action")) && e.getString("context").startsWith("claim-review")),
                "the candidate shown is an audited read: " + audit);
    }

    @Test
    void anotherCommunesResidentIsNeitherLinkedNorRevealedAndOtherProvincesAndTheNationLevelSeeNothing() {
        Resident r = resident("Vũ Văn Ngoài Xã", villageA, true);
        Claim c = claimOf(r);
        c.personalId = r.pid;
        String staffB = Keycloak.token(STAFF_B);
        JsonObject report = uploaded(staffB, ClaimEnvelopes.envelope(FACILITY, false, c));
        JsonObject l = line(report, c.key);
        assertEquals("REVIEW", l.getString("outcome"), "not linked by staff of another commune");
        Claim unknown = claimOf(r);
        unknown.name = "Không Ai " + RUN;
        unknown.personalId = null;
        JsonObject nobody = uploaded(staffB, ClaimEnvelopes.envelope(FACILITY, false, unknown));
        JsonObject n = line(nobody, unknown.key);
        assertEquals(n.getString("code"), l.getString("code"));
        assertEquals(n.getString("message").replace(unknown.key, "K"), l.getString("message").replace(c.key, "K"),
                "the same words as for a claim that matched nobody");
        assertEquals(0, visits(r.id).size());
        assertEquals(null, inReview(staffB, c.key));
        JsonObject atHome = inReview(Keycloak.token(STAFF_A), c.key);
        assertNotNull(atHome, "waits in the resident's own commune");
        assertEquals(r.id, atHome.getJsonObject("candidate").getJsonNumber("personId").longValue());

        String staff92 = Keycloak.token(STAFF_92);
        Claim elsewhere = claimOf(r);
        elsewhere.personalId = r.pid;
        JsonObject report92 = uploaded(staff92, ClaimEnvelopes.envelope(FACILITY, false, elsewhere));
        assertEquals("REVIEW", line(report92, elsewhere.key).getString("outcome"), "92 does not know 38's person");
        Http.Answer across = Http.get("/api/claims/envelopes/" + report.getJsonNumber("id"), staff92);
        assertTrue(across.status() == 404 || !across.body().contains(c.key),
                "the same id in 92 is 92's own envelope, never 38's: " + across);
        assertEquals(null, inReview(staff92, c.key));
        assertEquals(null, inReview(Keycloak.token("th-admin"), elsewhere.key), "38 sees nothing of 92's claims");
        assertEquals(404, Http.get("/api/claims/envelopes/" + report.getJsonNumber("id"),
                Keycloak.token(STAFF_A)).status(), "another user's envelope");

        String national = Keycloak.token("national-admin");
        assertEquals(403, upload(national, ClaimEnvelopes.envelope(FACILITY, false, claimOf(r))).status());
        assertEquals(403, Http.get("/api/claims/review", national).status());
    }
}
