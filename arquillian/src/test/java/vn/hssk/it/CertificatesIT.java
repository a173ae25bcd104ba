package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vaccination certificates and the public pages: a certificate PDF whose QR code points to a public URL that needs no
 * login, shows only what the certificate shows and tells a forged or altered token apart; the citizen look-up by
 * personal ID and date of birth, answering nothing else, rate-limited and audited. Commune 21021 is this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatesIT {

    private static final String COMMUNE = "21021";
    private static final String OTHER = "21022";
    private static final String STAFF = "cert-staff-21021";
    private static final String STAFF_OTHER = "cert-staff-21022";
    private static final Pattern TOKEN = Pattern.compile("/public/certificates/(38\\.[A-Z2-7]{20}\\.[A-Za-z0-9_-]{43})");
    private static final Set<String> CERTIFICATE_FIELDS = Set.of("number", "province", "fullName", "birthDate",
            "issuedBy", "issuedOn", "doses");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static boolean usersMade;
    private static long village;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Epi.unit(th, COMMUNE, "Xã Chứng Nhận", "COMMUNE", "xa", 1);
        village = Epi.unit(th, COMMUNE + "-01", "Thôn Chứng", "VILLAGE", "thon", commune);
        Epi.unit(th, OTHER, "Xã Khác", "COMMUNE", "xa", 1);
        if (!usersMade) {
            Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
            Keycloak.user(STAFF_OTHER, "station-staff", "38", List.of(OTHER));
            usersMade = true;
        }
    }

    private static HttpResponse<byte[]> issue(long person, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Http.APP + "/api/persons/" + person
                        + "/immunizations/certificate")).header("Authorization", "Bearer " + token)
                .header("Accept", "application/pdf, application/json").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aCertificateCarriesASignedQrUrlThatAnyoneCanVerifyWithoutLogin() throws Exception {
        String staff = Keycloak.token(STAFF);
        LocalDate born = Epi.today().minusMonths(3);
        long child = Epi.newborn(staff, "Ngô Bảo Chứng", born, village);
        assertEquals(201, Http.post("/api/persons/" + child + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(2)).build()).status());

        HttpResponse<byte[]> pdf = issue(child, staff);
        assertEquals(200, pdf.statusCode(), () -> new String(pdf.body()));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF"));
        String url = pdf.headers().firstValue("X-Verify-Url").orElseThrow();
        var m = TOKEN.matcher(url);
        assertTrue(m.find(), url);
        String token = m.group(1);

        Http.Answer verified = Http.get("/public/certificates/" + token, null);
        assertEquals(200, verified.status(), verified::toString);
        JsonObject body = verified.json();
        assertTrue(body.getBoolean("genuine"));
        JsonObject certificate = body.getJsonObject("certificate");
        assertEquals(CERTIFICATE_FIELDS, certificate.keySet(), "only what the certificate shows");
        assertEquals("Ngô Bảo Chứng", certificate.getString("fullName"));
        assertEquals("BCG", certificate.getJsonArray("doses").getJsonObject(0).getString("vaccine"));
        assertEquals(Set.of("vaccine", "vaccineName", "vaccineNameEn", "doseNumber", "givenOn", "station"),
                certificate.getJsonArray("doses").getJsonObject(0).keySet(), "a past dose: no lot, the place given");

        Http.Answer page = Http.send("/public/certificates/" + token, null, null, null, "text/html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Ngô Bảo Chứng") && page.body().contains("id=\"genuine\"")
                && page.body().contains("Giấy chứng nhận hợp lệ"), page::toString);

        String[] parts = token.split("\\.");
        String altered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
                + parts[2].substring(1);
        String otherNumber = parts[0] + "." + "A".repeat(20) + "." + parts[2];
        String otherProvince = "92." + parts[1] + "." + parts[2];
        for (String bad : List.of(altered, otherNumber, otherProvince, "38.123", "1")) {
            Http.Answer refused = Http.get("/public/certificates/" + bad, null);
            assertEquals(404, refused.status(), bad + " " + refused);
            assertFalse(refused.body().contains("Ngô"), refused::toString);
        }
        assertTrue(Http.get("/api/audit?person=" + child, Keycloak.token("th-admin")).body()
                .contains("certificate-verification"), "a verification is audited");
    }

    @Test
    void onlyStationStaffOfThePersonsCommuneIssueCertificates() throws Exception {
        String staff = Keycloak.token(STAFF);
        long child = Epi.newborn(staff, "Mai Văn Riêng", Epi.today().minusMonths(2), village);
        assertEquals(201, Http.post("/api/persons/" + child + "/immunizations", staff,
                Epi.historical("BCG", 1, Epi.today().minusMonths(2)).build()).status());
        assertEquals(404, issue(child, Keycloak.token(STAFF_OTHER)).statusCode());
        assertEquals(403, issue(child, Keycloak.token("national-admin")).statusCode());
        assertEquals(403, issue(child, Keycloak.token("th-admin")).statusCode());
        int other = issue(child, Keycloak.token("ct-admin")).statusCode();
        assertTrue(other == 403 || other == 404, "another province: " + other);
        long none = Epi.newborn(staff, "Mai Văn Chưa", Epi.today().minusMonths(1), village);
        assertEquals(409, issue(none, staff).statusCode(), "nothing to certify");
    }

    /**
     * A child of 18 months with a birth dose and BCG from the card, two OPV doses, the measles dose at 9 months and the
     * first MR dose given today at the station from its lot: the PDF says who (name, date of birth, personal ID in
     * full), each dose with the vaccine's Vietnamese name, the dose as the vaccine's series counts it (the first MR
     * dose is "Mũi 1", not the schedule's "MCV2"), its date, lot and where it was given, and who issued it when; its
     * QR code opens the public page, which shows the same doses and only part of the personal ID.
     */
    @Test
    void aChildsCertificateShowsEachDoseWithItsVietnameseNameNumberLotAndStation() throws Exception {
        String th = Keycloak.token("th-admin");
        String stationName = "Trạm Y tế xã Chứng Nhận";
        long station = Epi.station(th, COMMUNE, stationName);
        String issuer = Http.get("/api/stations?commune=" + COMMUNE, th).jsonArray().getJsonObject(0)
                .getString("name");
        String staff = Keycloak.token(STAFF);
        LocalDate today = Epi.today();
        LocalDate born = today.minusMonths(18).minusDays(10);
        String pid = People.pid("038", '2', born.getYear());
        String name = "Đặng Minh Chứng " + pid.substring(6);
        long child = People.id(People.register(staff, People.person(name, "MALE", born.toString(), pid, village)));
        long mrLot = Epi.stockedLot(th, "MR", station, 5);
        String mrLotNumber = Http.get("/api/lots/" + mrLot, th).json().getString("lotNumber");
        record Dose(String vaccine, int number, LocalDate on, String lot, String where) {
        }
        List<Dose> doses = List.of(new Dose("HEPB-MONOVALENT", 1, born, null, "Bệnh viện huyện"),
                new Dose("BCG", 1, born.plusDays(2), null, "Bệnh viện huyện"),
                new Dose("OPV", 1, born.plusMonths(2), null, "Bệnh viện huyện"),
                new Dose("OPV", 2, born.plusMonths(3), null, "Bệnh viện huyện"),
                new Dose("MEASLES-MONOVALENT", 1, born.plusMonths(9), null, "Bệnh viện huyện"),
                new Dose("MR", 1, today, mrLotNumber, stationName));
        for (Dose d : doses) {
            Http.Answer a = Http.post("/api/persons/" + child + "/immunizations", staff, d.lot() == null
                    ? Epi.historical(d.vaccine(), d.number(), d.on()).build()
                    : Epi.given(d.vaccine(), d.number(), d.on(), station, mrLot).build());
            assertEquals(201, a.status(), a::toString);
        }
        Map<String, JsonObject> catalog = Http.get("/api/vaccines?all=true", th).jsonArray().stream()
                .map(JsonObject.class::cast).collect(Collectors.toMap(v -> v.getString("code"), v -> v));
        assertEquals("Vắc xin sởi - rubella (MR)", catalog.get("MR").getString("nameVi"), "the catalog's name");

        HttpResponse<byte[]> issued = issue(child, staff);
        assertEquals(200, issued.statusCode(), () -> new String(issued.body()));
        String text = RecordExportIT.pdfText(issued.body());
        String flat = squashed(text);
        assertTrue(text.contains("GIẤY CHỨNG NHẬN TIÊM CHỦNG"), text);
        assertTrue(flat.contains(squashed("Họ và tên " + name)), "full name: " + text);
        assertTrue(flat.contains(squashed("Ngày sinh " + DAY.format(born))), "date of birth dd/MM/yyyy: " + text);
        assertTrue(flat.contains(squashed("Số định danh cá nhân " + pid)), "personal ID in full: " + text);
        assertTrue(flat.contains(squashed("Cơ sở cấp " + issuer)) && flat.contains(squashed("Ngày cấp "
                + DAY.format(today))), "issuing station and day: " + text);
        for (Dose d : doses) {
            String vietnamese = catalog.get(d.vaccine()).getString("nameVi");
            assertTrue(flat.contains(squashed(vietnamese)), d.vaccine() + " by its Vietnamese name: " + text);
            String row = line(text, DAY.format(d.on()), "Mũi");
            assertTrue(row.contains("Mũi " + d.number()), d + " counted as the schedule does: " + row);
            assertTrue(flat.contains(squashed(d.where())), d + " where it was given: " + text);
        }
        String mrRow = line(text, mrLotNumber, "");
        assertTrue(mrRow.contains("Mũi 1") && mrRow.contains(DAY.format(today)), "the MR dose's lot: " + mrRow);
        assertFalse(text.contains("MCV2") || text.contains("rubella 1"), "no schedule label for a dose: " + text);
        assertFalse(text.contains(catalog.get("MR").getString("name")), "not the catalog's English name: " + text);

        String url = EpiScreensBrowserIT.qrText(issued.body());
        assertEquals(issued.headers().firstValue("X-Verify-Url").orElseThrow(), url, "the QR code verifies it");
        String path = url.substring(url.indexOf("/public/"));
        String masked = pid.substring(0, 3) + "******" + pid.substring(9);
        Http.Answer verified = Http.get(path, null);
        assertEquals(200, verified.status(), verified::toString);
        JsonObject shown = verified.json().getJsonObject("certificate");
        assertEquals(masked, shown.getString("personalId"));
        assertFalse(verified.body().contains(pid), "not the full personal ID: " + verified.body());
        assertEquals(doses.size(), shown.getJsonArray("doses").size());
        JsonObject mr = shown.getJsonArray("doses").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("vaccine").equals("MR")).findFirst().orElseThrow();
        assertEquals(1, mr.getInt("doseNumber"));
        assertEquals(mrLotNumber, mr.getString("lotNumber"));
        assertEquals(stationName, mr.getString("station"));
        assertEquals(issuer, shown.getString("issuedBy"));

        Http.Answer page = Http.send(path, null, null, null, "text/html");
        assertEquals(200, page.status(), page::toString);
        String html = page.body();
        assertTrue(html.contains(masked) && !html.contains(pid), "the page shows the personal ID masked: " + html);
        assertTrue(html.contains(esc(name)) && html.contains(DAY.format(born)) && html.contains(mrLotNumber)
                && html.contains(esc(stationName)) && html.contains(DAY.format(today)), html);
        for (Dose d : doses) {
            assertTrue(html.contains(esc(catalog.get(d.vaccine()).getString("nameVi"))), d + ": " + html);
        }
        assertTrue(html.contains("Mũi 2") && !html.contains("MCV2"), html);

        Http.Answer english = Http.send(path + "?lang=en", null, null, null, "text/html");
        assertTrue(english.body().contains("Genuine certificate") && english.body().contains("Dose 1")
                && english.body().contains(esc(catalog.get("MR").getString("name"))), english::toString);
        HttpResponse<byte[]> inEnglish = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        Http.APP + "/api/persons/" + child + "/immunizations/certificate?lang=en"))
                .header("Authorization", "Bearer " + staff).header("Accept", "application/pdf, application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, inEnglish.statusCode());
        String englishText = RecordExportIT.pdfText(inEnglish.body());
        assertTrue(englishText.contains("VACCINATION CERTIFICATE") && line(englishText, mrLotNumber, "")
                .contains("Dose 1"), englishText);
    }

    /** The first line of the PDF's text with both texts: the first line of a table row has all its short cells. */
    private static String line(String pdfText, String text, String also) {
        return Arrays.stream(pdfText.split("\n")).filter(l -> l.contains(text) && l.contains(also)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in " + pdfText));
    }

    private static String squashed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Test
    void twoFactsANeighbourKnowsNoLongerOpenAChildsVaccinationHistory() {
        String staff = Keycloak.token(STAFF);
        LocalDate born = Epi.today().minusMonths(4).withDayOfMonth(10);
        String pid = "0382" + String.format("%02d", born.getYear() % 100)
                + String.format("%06d", (int) Math.floorMod(System.nanoTime(), 1_000_000L));
        Http.Answer person = Http.post("/api/persons", staff, Json.createObjectBuilder()
                .add("fullName", "Tạ Văn Tra").add("sex", "MALE").add("birthDate", born.toString())
                .add("personalId", pid).add("villageId", village).build());
        assertEquals(201, person.status(), person::toString);
        long id = person.json().getJsonNumber("id").longValue();
        assertEquals(201, Http.post("/api/persons/" + id + "/immunizations", staff,
                Epi.historical("HEPB-MONOVALENT", 1, born).build()).status());

        Http.Answer closed = Http.post("/public/lookup", null, Json.createObjectBuilder().add("personalId", pid)
                .add("birthDate", born.toString()).build());
        assertEquals(410, closed.status(), closed::toString);
        assertTrue(closed.body().contains("/citizen/"), "the answer points to the citizen portal");
        assertFalse(closed.body().contains("HEPB"), closed.body());
        assertFalse(Http.get("/api/audit?person=" + id, Keycloak.token("th-admin")).body().contains("public-lookup"),
                "nobody read the record");
    }
}
