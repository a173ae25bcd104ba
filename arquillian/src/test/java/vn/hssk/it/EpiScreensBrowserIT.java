package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import com.lowagie.text.pdf.PdfReader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The immunization screens the other browser test does not walk, in a real browser and in Vietnamese: the province
 * administrator receives a lot and allocates part of it on the lots screen (an expired lot and an allocation above what
 * is left refused next to their field); station staff plan sessions for a village and for the whole commune and print
 * each session's invitations; staff download a child's certificate from part C, whose QR code leads anyone, without
 * signing in, to a page saying it is genuine (and a tampered one that it is not); the commune's coverage with its XLSX
 * download; the invitations page's 404 and 400 pages, and the screens naming vaccines in Vietnamese. Each test has its
 * own commune (21061 to 21066).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EpiScreensBrowserIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern TOKEN = Pattern.compile("/public/certificates/(38\\.[A-Z2-7]{20}\\.[A-Za-z0-9_-]{43})$");
    private static final List<Object[]> FIRST_YEAR = List.of(new Object[] {"HEPB-MONOVALENT", 1, 0},
            new Object[] {"BCG", 1, 0}, new Object[] {"DPT-VGB-HIB", 1, 2}, new Object[] {"DPT-VGB-HIB", 2, 3},
            new Object[] {"DPT-VGB-HIB", 3, 4}, new Object[] {"OPV", 1, 2}, new Object[] {"OPV", 2, 3},
            new Object[] {"OPV", 3, 4}, new Object[] {"IPV", 1, 5}, new Object[] {"IPV", 2, 9},
            new Object[] {"MEASLES-MONOVALENT", 1, 9});

    private Browser browser;
    private Path downloads;
    private String th;
    private String unique;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void province() throws IOException {
        Tenants.ensureBoth();
        th = Keycloak.token("th-admin");
        unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        downloads = Files.createTempDirectory("hssk-epi-downloads-");
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            browser.closeKeepingEvidence("epi-" + test.getTestMethod().orElseThrow().getName());
            browser = null;
        }
    }

    @Test
    void provinceAdministratorReceivesALotAndAllocatesPartOfItToAStation() throws IOException {
        Epi.unit(th, "21061", "Xã Nhận Lô", "COMMUNE", "xa", 1);
        long station = Epi.station(th, "21061", "Trạm Y tế xã Nhận Lô");
        String lotNumber = Epi.lotNumber("OPV-UI");

        browser = Browser.open();
        browser.signIn("th-admin");
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-lots")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("lots-title")));

        fillLot(d, lotNumber, Epi.today().minusDays(1));
        click(d, "[id='receiveForm:receive']");
        waitForMessage("Hạn dùng: Lô vắc xin đã hết hạn trước ngày nhận");
        assertTrue(d.findElement(By.id("receiveForm")).findElements(By.cssSelector(".ui-message-error")).stream()
                .anyMatch(e -> e.getText().contains("đã hết hạn trước ngày nhận")), "said next to the expiry too");
        assertTrue(lot(lotNumber).isEmpty(), "an expired lot is not received");

        fillLot(d, lotNumber, Epi.today().plusMonths(6));
        click(d, "[id='receiveForm:receive']");
        waitForMessage("Đã nhập lô " + lotNumber + " (100 liều).");
        String row = rowWith(d, "lotsForm:lots", lotNumber);
        assertTrue(row.contains("OPV") && row.contains(DAY.format(Epi.today().plusMonths(6))), row);
        long lotId = lot(lotNumber).orElseThrow().getJsonNumber("id").longValue();
        assertEquals(100, lot(lotNumber).orElseThrow().getInt("unallocated"));

        choose(d, "allocateForm:lotId", optionValue(d, "allocateForm:lotId_input", lotNumber));
        choose(d, "allocateForm:stationId", String.valueOf(station));
        typeIn(d, "allocateForm:quantity_input", "30");
        click(d, "[id='allocateForm:allocate']");
        waitForMessage("Đã phân bổ 30 liều.");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                cells(x, "lotsForm:lots", lotNumber).contains("70"));
        List<String> stock = cells(d, "stockForm:stock", lotNumber);
        assertTrue(stock.get(0).contains("Trạm Y tế xã Nhận Lô") && stock.contains("30"), stock::toString);
        assertEquals(70, lot(lotNumber).orElseThrow().getInt("unallocated"));
        assertEquals(30, Epi.balance(th, station, lotId), "the station's stock as the API sees it");

        choose(d, "allocateForm:lotId", String.valueOf(lotId));
        choose(d, "allocateForm:stationId", String.valueOf(station));
        typeIn(d, "allocateForm:quantity_input", "80");
        click(d, "[id='allocateForm:allocate']");
        waitForMessage("Số liều: Lô " + lotNumber + " còn ít hơn 80 liều chưa phân bổ tại kho tỉnh");
        assertTrue(d.findElement(By.id("allocateForm")).findElements(By.cssSelector(".ui-message-error")).stream()
                .anyMatch(e -> e.getText().contains("còn ít hơn 80 liều")), "said next to the quantity too");
        assertEquals(70, lot(lotNumber).orElseThrow().getInt("unallocated"), "nothing allocated");
        assertEquals(30, Epi.balance(th, station, lotId));
    }

    @Test
    void stationStaffPlanSessionsAndPrintTheirInvitations() throws IOException {
        String staffName = "epi-ui-staff-21062";
        long commune = Epi.unit(th, "21062", "Xã Lên Lịch", "COMMUNE", "xa", 1);
        long east = Epi.unit(th, "21062-01", "Thôn Đông Lịch", "VILLAGE", "thon", commune);
        long west = Epi.unit(th, "21062-02", "Thôn Tây Lịch", "VILLAGE", "thon", commune);
        long station = Epi.station(th, "21062", "Trạm Y tế xã Lên Lịch");
        Keycloak.user(staffName, "station-staff", "38", List.of("21062"));
        String staff = Keycloak.token(staffName);
        LocalDate day = Epi.today().plusDays(3);
        String eastChild = "Trần Văn Đông " + unique;
        String westChild = "Trần Thị Tây " + unique;
        Epi.newborn(staff, eastChild, day.minusMonths(2), east);
        Epi.newborn(staff, westChild, day.minusMonths(2), west);
        String villagePlace = "Nhà văn hóa thôn Đông " + unique;
        String communePlace = "Trạm y tế xã " + unique;

        browser = Browser.open();
        browser.signIn(staffName);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-immunization")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(By.id("sessionForm:plan")));

        browser.setDate("sessionForm:sessionDate_input", DAY.format(day));
        typeIn(d, "sessionForm:place", villagePlace);
        choose(d, "sessionForm:villageId", String.valueOf(east));
        click(d, "[id='sessionForm:plan']");
        waitForMessage("Vắc xin dự kiến: Hãy chọn ít nhất một vắc xin cho buổi tiêm chủng");
        assertEquals(0, sessions(staff, station).size(), "a session without vaccines is not planned");

        browser.setDate("sessionForm:sessionDate_input", DAY.format(day));
        typeIn(d, "sessionForm:place", villagePlace);
        choose(d, "sessionForm:villageId", String.valueOf(east));
        check(d, "sessionForm:vaccines", "DPT-VGB-HIB");
        check(d, "sessionForm:vaccines", "OPV");
        click(d, "[id='sessionForm:plan']");
        waitForMessage("Đã lên lịch buổi tiêm tại " + villagePlace + ".");
        List<String> planned = waitForCells(d, "sessionForm:sessions", villagePlace);
        assertEquals(DAY.format(day), planned.get(0));
        assertEquals("Thôn Đông Lịch", planned.get(2));
        assertTrue(planned.get(3).contains(vietnamese("DPT-VGB-HIB")) && planned.get(3).contains(vietnamese("OPV")),
                planned::toString);

        browser.setDate("sessionForm:sessionDate_input", DAY.format(day));
        typeIn(d, "sessionForm:place", communePlace);
        choose(d, "sessionForm:villageId", "");
        check(d, "sessionForm:vaccines", "OPV");
        click(d, "[id='sessionForm:plan']");
        waitForMessage("Đã lên lịch buổi tiêm tại " + communePlace + ".");
        List<String> whole = waitForCells(d, "sessionForm:sessions", communePlace);
        assertEquals("Cả xã", whole.get(2), "a session for the whole commune says so");
        assertEquals(vietnamese("OPV"), whole.get(3), "the vaccines planned by their Vietnamese names");

        JsonArray listed = sessions(staff, station);
        assertEquals(2, listed.size(), listed::toString);
        JsonObject village = listed.stream().map(JsonObject.class::cast)
                .filter(s -> villagePlace.equals(s.getString("place"))).findFirst().orElseThrow();
        assertEquals(east, village.getJsonNumber("villageId").longValue());
        assertEquals(day.toString(), village.getString("sessionDate"));
        assertEquals(Set.of("DPT-VGB-HIB", "OPV"), Set.copyOf(village.getJsonArray("vaccines")
                .getValuesAs(jakarta.json.JsonString::getString)));

        String invitations = openInvitations(d, villagePlace);
        assertTrue(invitations.contains(eastChild), invitations);
        assertFalse(invitations.contains(westChild), "only the session's village: " + invitations);
        assertTrue(invitations.contains(vietnamese("DPT-VGB-HIB")) && invitations.contains(vietnamese("OPV"))
                && !invitations.contains(vietnamese("BCG")), "only the vaccines planned, by name: " + invitations);
        assertTrue(d.findElement(By.id("invitations-title")).getText().contains("Thôn Đông Lịch")
                && d.findElement(By.id("invitations-title")).getText().contains(YearMonth.from(day)
                .format(DateTimeFormatter.ofPattern("MM/yyyy"))), d.findElement(By.id("invitations-title")).getText());
        assertTrue(d.findElement(By.id("invitations-session")).getText().contains(DAY.format(day)));
        closeInvitations(d);

        String commune2 = openInvitations(d, communePlace);
        assertTrue(commune2.contains(eastChild) && commune2.contains(westChild), "the whole commune: " + commune2);
        assertTrue(d.findElement(By.id("invitations-title")).getText().contains("Xã Lên Lịch"));
        closeInvitations(d);
    }

    @Test
    void stationStaffDownloadTheCertificateWhoseQrCodeAnyoneVerifiesWithoutSigningIn() throws Exception {
        String staffName = "epi-ui-staff-21063";
        long commune = Epi.unit(th, "21063", "Xã Giấy Chứng", "COMMUNE", "xa", 1);
        long village = Epi.unit(th, "21063-01", "Thôn Xác Thực", "VILLAGE", "thon", commune);
        Keycloak.user(staffName, "station-staff", "38", List.of("21063"));
        String staff = Keycloak.token(staffName);
        LocalDate born = Epi.today().minusMonths(3);
        String name = "Hoàng Gia Chứng " + unique;
        long child = Epi.newborn(staff, name, born, village);
        for (JsonObject dose : List.of(Epi.historical("HEPB-MONOVALENT", 1, born).build(),
                Epi.historical("BCG", 1, born.plusDays(3)).build())) {
            Http.Answer a = Http.post("/api/persons/" + child + "/immunizations", staff, dose);
            assertEquals(201, a.status(), a::toString);
        }

        browser = Browser.open();
        browser.signIn(staffName);
        WebDriver d = browser.driver();
        openPartC(d, name);
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.cssSelector("[id$='partCForm:doses']")).getText().contains("BCG"));
        allowDownloads(d);
        click(d, "[id$='partCForm:certificate']");
        Path file = downloaded(f -> f.startsWith("chung-nhan-tiem-chung-") && f.endsWith(".pdf"));
        byte[] pdf = Files.readAllBytes(file);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.ISO_8859_1), "a PDF");
        String text = squashed(RecordExportIT.pdfText(pdf));
        assertTrue(text.contains(squashed(name)) && text.contains(squashed(vietnamese("BCG")))
                && text.contains(squashed(vietnamese("HEPB-MONOVALENT")))
                && text.contains(DAY.format(born.plusDays(3))), "the doses by their Vietnamese names: " + text);

        String url = qrText(pdf);
        Matcher token = TOKEN.matcher(url);
        assertTrue(token.find(), "the QR code carries the verification URL: " + url);
        Http.Answer verified = Http.get("/public/certificates/" + token.group(1), null);
        assertEquals(200, verified.status(), verified::toString);
        assertEquals(name, verified.json().getJsonObject("certificate").getString("fullName"));

        browser.close();
        browser = Browser.open();
        WebDriver anyone = browser.driver();
        anyone.get(url);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("genuine")));
        assertFalse(anyone.getCurrentUrl().startsWith(Browser.KEYCLOAK), "no login for the public page");
        String page = anyone.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Giấy chứng nhận hợp lệ") && page.contains(name), page);
        assertTrue(page.contains(vietnamese("HEPB-MONOVALENT")) && page.contains(vietnamese("BCG"))
                && page.contains("Mũi 1") && page.contains(DAY.format(born))
                && page.contains(DAY.format(born.plusDays(3))), "the doses, dated dd/MM/yyyy: " + page);

        String[] parts = token.group(1).split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
                + parts[2].substring(1);
        anyone.get(url.replace(token.group(1), tampered));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("not-genuine")));
        String refused = anyone.findElement(By.tagName("body")).getText();
        assertTrue(refused.contains("Không xác thực được"), refused);
        assertFalse(refused.contains(name) || refused.contains("BCG"), "no data for a tampered token: " + refused);
        assertTrue(anyone.findElements(By.id("genuine")).isEmpty());
    }

    @Test
    void stationStaffSeeTheCoverageOfTheirCommuneAndDownloadItAsXlsx() throws IOException {
        String staffName = "epi-ui-staff-21064";
        long commune = Epi.unit(th, "21064", "Xã Bao Phủ Màn Hình", "COMMUNE", "xa", 1);
        long village = Epi.unit(th, "21064-01", "Thôn Phủ Kín", "VILLAGE", "thon", commune);
        Epi.station(th, "21064", "Trạm Y tế xã Bao Phủ Màn Hình");
        Keycloak.user(staffName, "station-staff", "38", List.of("21064"));
        String staff = Keycloak.token(staffName);
        YearMonth month = YearMonth.from(Epi.today()).minusMonths(1);
        LocalDate born = month.minusMonths(12).atDay(5);
        long full = People.id(People.register(staff, People.person("Lý Văn Đủ " + unique, "MALE",
                born.toString(), People.pid("038", '2', born.getYear()), village)));
        long partial = People.id(People.register(staff, People.person("Lý Thị Thiếu " + unique, "FEMALE",
                born.toString(), People.pid("038", '3', born.getYear()), village)));
        for (Object[] dose : FIRST_YEAR) {
            Http.Answer a = Http.post("/api/persons/" + full + "/immunizations", staff, Epi.historical(
                    (String) dose[0], (Integer) dose[1], born.plusMonths((Integer) dose[2])).build());
            assertEquals(201, a.status(), a::toString);
        }
        assertEquals(201, Http.post("/api/persons/" + partial + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(1)).build()).status());

        browser = Browser.open();
        browser.signIn(staffName);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-immunization")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.id("coverageForm:showCoverage")));

        typeIn(d, "coverageForm:from", month.toString());
        typeIn(d, "coverageForm:to", month.minusMonths(1).toString());
        click(d, "[id='coverageForm:showCoverage']");
        waitForMessage("Đến tháng: Tháng cuối (to) không được trước tháng đầu (from)");
        typeIn(d, "coverageForm:to", "2026-13");
        click(d, "[id='coverageForm:showCoverage']");
        waitForMessage("Đến tháng: yyyy-MM");

        typeIn(d, "coverageForm:to", month.toString());
        click(d, "[id='coverageForm:showCoverage']");
        List<String> fully = waitForCells(d, "coverageForm:coverage", "21064 Xã Bao Phủ Màn Hình",
                "Tiêm chủng đầy đủ");
        assertEquals(List.of(month.toString(), "21064 Xã Bao Phủ Màn Hình", "Tiêm chủng đầy đủ", "2", "1", "50,0"),
                fully);
        String bcg = vietnamese("BCG") + " – Mũi 1";
        assertEquals(List.of(month.toString(), "21064-01 Thôn Phủ Kín", bcg, "2", "2", "100,0"),
                cells(d, "coverageForm:coverage", "21064-01 Thôn Phủ Kín", bcg));
        JsonObject api = Http.get("/api/coverage?unit=" + commune + "&from=" + month + "&to=" + month, staff)
                .jsonArray().stream().map(JsonObject.class::cast).filter(r -> "COMMUNE".equals(r.getString("level"))
                        && "FULLY_IMMUNIZED".equals(r.getString("indicator"))).findFirst().orElseThrow();
        assertEquals(2, api.getInt("cohort"));
        assertEquals(1, api.getInt("vaccinated"));

        allowDownloads(d);
        click(d, "[id='coverageForm:coverageXlsx']");
        Path xlsx = downloaded(f -> f.equals("bao-phu-tiem-chung.xlsx"));
        byte[] body = Files.readAllBytes(xlsx);
        assertEquals("PK", new String(body, 0, 2, StandardCharsets.ISO_8859_1), "an XLSX (zip) file");
        String sheet = xlsxText(xlsx);
        assertTrue(sheet.contains("21064-01") && sheet.contains("FULLY_IMMUNIZED") && sheet.contains(month.toString()),
                sheet);
    }

    /**
     * The immunization screen and the invitations in Vietnamese (vaccines by their catalog names, doses as "Mũi n",
     * statuses in words), and the invitations page's answers to parameters it cannot serve: another commune's village
     * or session, an id that does not exist or is not a number is the 404 page; a month that is not a month, or no
     * village nor session, the 400 page saying the format expected. Never a 500.
     */
    @Test
    void theInvitationsPageAnswersNotFoundOrBadRequestAndTheScreensSpeakVietnamese() throws Exception {
        String staffName = "epi-ui-staff-21065";
        String otherName = "epi-ui-staff-21066";
        long commune = Epi.unit(th, "21065", "Xã Giấy Mời", "COMMUNE", "xa", 1);
        long village = Epi.unit(th, "21065-01", "Thôn Mời Đúng", "VILLAGE", "thon", commune);
        long otherCommune = Epi.unit(th, "21066", "Xã Mời Khác", "COMMUNE", "xa", 1);
        long otherVillage = Epi.unit(th, "21066-01", "Thôn Mời Khác", "VILLAGE", "thon", otherCommune);
        long station = Epi.station(th, "21065", "Trạm Y tế xã Giấy Mời");
        long otherStation = Epi.station(th, "21066", "Trạm Y tế xã Mời Khác");
        Keycloak.user(staffName, "station-staff", "38", List.of("21065"));
        Keycloak.user(otherName, "station-staff", "38", List.of("21066"));
        String staff = Keycloak.token(staffName);
        String other = Keycloak.token(otherName);
        Epi.stockedLot(th, "BCG", station, 20);
        String child = "Phan Văn Mời " + unique;
        Epi.newborn(staff, child, Epi.today().minusDays(40), village);
        Http.Answer planned = Http.post("/api/sessions", other, jakarta.json.Json.createObjectBuilder()
                .add("stationId", otherStation).add("sessionDate", Epi.today().plusDays(2).toString())
                .add("place", "Nhà văn hóa thôn Mời Khác").add("villageId", otherVillage)
                .add("vaccines", jakarta.json.Json.createArrayBuilder().add("OPV")).build());
        assertEquals(201, planned.status(), planned::toString);
        long foreignSession = planned.json().getJsonNumber("id").longValue();

        browser = Browser.open();
        browser.signIn(staffName);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-immunization")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("stockForm:stock"), vietnamese("BCG")));
        choose(d, "dueForm:village", String.valueOf(village));
        click(d, "[id='dueForm:showDue']");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("dueForm:due")).getText().contains(child));
        String due = d.findElement(By.id("dueForm:due")).getText();
        assertTrue(due.contains(vietnamese("HEPB-MONOVALENT")) && due.contains(vietnamese("BCG"))
                && due.contains("Mũi 1"), "vaccines by their Vietnamese names, doses as Mũi n: " + due);
        assertTrue(due.contains("Quá hạn") || due.contains("Đến hạn"), due);
        for (String raw : List.of("OVERDUE", "UPCOMING", "status.", "HepB monovalent", "birth")) {
            assertFalse(due.contains(raw), "nothing raw (" + raw + "): " + due);
        }

        String month = YearMonth.from(Epi.today()).toString();
        String page = "/province/invitations.xhtml?";
        List<Object> own = fetch(d, page + "village=" + village + "&month=" + month);
        assertEquals(200L, own.get(0));
        assertTrue(((String) own.get(1)).contains(child), "the village's own list");
        assertEquals(200L, fetch(d, page + "village=" + village + "&month="
                + YearMonth.from(Epi.today()).format(DateTimeFormatter.ofPattern("MM/yyyy")).replace("/", "%2F"))
                .get(0), "the month as the page prints it");
        for (String query : List.of("village=" + otherVillage + "&month=" + month, "village=999999999&month=" + month,
                "village=abc&month=" + month, "village=-5", "village=99999999999999999999999", "session=999999",
                "session=" + foreignSession, "session=abc", "session=-1", "session=1e3")) {
            List<Object> answer = fetch(d, page + query);
            assertEquals(404L, answer.get(0), query);
            String body = (String) answer.get(1);
            assertTrue(body.contains("id=\"not-found\"") && body.contains("Không tìm thấy"), query + ": " + body);
            assertFalse(body.contains("Thôn Mời Khác") || body.contains("Nhà văn hóa thôn Mời Khác"),
                    "nothing of another commune: " + body);
        }
        for (String query : List.of("village=" + village + "&month=2026-13", "village=" + village + "&month=abc",
                "village=" + village + "&month=-999999999-01", "village=" + village + "&month=99999-12",
                "village=" + village + "&month=2026-1", "", "village=&session=")) {
            List<Object> answer = fetch(d, page + query);
            assertEquals(400L, answer.get(0), query);
            String body = (String) answer.get(1);
            assertTrue(body.contains("id=\"bad-request\"") && body.contains("Yêu cầu không hợp lệ"),
                    query + ": " + body);
        }
        assertTrue(((String) fetch(d, page + "village=" + village + "&month=2026-13").get(1)).contains("yyyy-MM"),
                "the 400 page says the format expected");

        d.get(Browser.APP + "province/invitations.xhtml?village=" + otherVillage + "&month=" + month);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
        assertTrue(d.findElement(By.id("not-found")).getText().contains("Không có thôn hay buổi tiêm chủng này"),
                d.findElement(By.id("not-found")).getText());
        d.get(Browser.APP + "province/invitations.xhtml?village=" + village + "&month=12-2026");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("bad-request")));
        String bad = d.findElement(By.id("bad-request")).getText();
        assertTrue(bad.contains("12-2026") && bad.contains("yyyy-MM") && bad.contains("MM/yyyy"), bad);

        d.get(Browser.APP + "province/invitations.xhtml?village=" + village + "&month=" + month);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("invitations-title")));
        String invitations = d.findElement(By.tagName("body")).getText();
        assertTrue(invitations.contains(child) && invitations.contains(vietnamese("BCG"))
                && invitations.contains("Mũi 1") && (invitations.contains("Quá hạn")
                || invitations.contains("Đến hạn")), invitations);
        assertFalse(invitations.contains("OVERDUE") || invitations.contains("HepB monovalent"), invitations);
    }

    /** The status and body of a GET in the signed-in browser (its session cookie goes with it). */
    @SuppressWarnings("unchecked")
    private static List<Object> fetch(WebDriver d, String path) {
        return (List<Object>) ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                + ".then(r => r.text().then(t => done([r.status, t]))).catch(e => done([0, String(e)]));", path);
    }

    private void fillLot(WebDriver d, String lotNumber, LocalDate expiry) {
        choose(d, "receiveForm:vaccine", "OPV");
        typeIn(d, "receiveForm:lotNumber", lotNumber);
        browser.setDate("receiveForm:expiry_input", DAY.format(expiry));
        typeIn(d, "receiveForm:quantity_input", "100");
    }

    /** The Vietnamese name the province's catalog gives a vaccine, as the API shows it. */
    private String vietnamese(String code) {
        return Http.get("/api/vaccines?all=true", th).jsonArray().stream().map(JsonObject.class::cast)
                .filter(v -> code.equals(v.getString("code"))).findFirst().orElseThrow().getString("nameVi");
    }

    private Optional<JsonObject> lot(String lotNumber) {
        return Http.get("/api/lots?vaccine=OPV", th).jsonArray().stream().map(JsonObject.class::cast)
                .filter(l -> lotNumber.equals(l.getString("lotNumber"))).findFirst();
    }

    private static JsonArray sessions(String token, long station) {
        return Http.get("/api/sessions?station=" + station, token).jsonArray();
    }

    /** Persons screen: finds the person by name, opens them and their part C tab. */
    private void openPartC(WebDriver d, String name) {
        d.findElement(By.id("menu-persons")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("search:query")))
                .sendKeys(name);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='persons:table'] .person-name")).size() == 1
                        && x.findElement(By.id("persons:table")).getText().contains(name));
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            x.findElement(By.cssSelector("[id='persons:table'] tbody tr button")).click();
            return true;
        });
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Phần C"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='partCForm:doses']")));
    }

    /** Follows a session's invitation link, which opens in a new tab, and answers the tab's text. */
    private String openInvitations(WebDriver d, String place) {
        String main = d.getWindowHandle();
        WebElement link = browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(x -> row(x, "sessionForm:sessions", place).findElement(By.cssSelector(".session-invitations")));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        link.click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.numberOfWindowsToBe(2));
        d.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst().ifPresent(h -> d.switchTo().window(h));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("invitations-title")));
        return d.findElement(By.tagName("body")).getText();
    }

    private void closeInvitations(WebDriver d) {
        String tab = d.getWindowHandle();
        d.close();
        d.switchTo().window(d.getWindowHandles().stream().filter(h -> !h.equals(tab)).findFirst().orElseThrow());
    }

    private void allowDownloads(WebDriver d) {
        ((HasCdp) d).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    /** Waits for a finished download whose name passes {@code named}. */
    private Path downloaded(java.util.function.Predicate<String> named) {
        return browser.waitUpTo(Browser.PAGE_WAIT).until(x -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> all = files.toList();
                boolean pending = all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
                return pending ? null : all.stream().filter(p -> named.test(p.getFileName().toString()))
                        .findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Waits until the page's message list shows {@code text} (PrimeFaces updates it after every ajax request). */
    private void waitForMessage(String text) {
        browser.waitForMessage(text);
    }

    /** The row of a data table whose text has all of {@code texts}. */
    private static WebElement row(WebDriver d, String tableId, String... texts) {
        return d.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
                .filter(r -> Stream.of(texts).allMatch(r.getText()::contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + List.of(texts) + " in "
                        + d.findElement(By.id(tableId)).getText()));
    }

    private static List<String> cells(WebDriver d, String tableId, String... texts) {
        return row(d, tableId, texts).findElements(By.tagName("td")).stream().map(c -> c.getText().strip()).toList();
    }

    private List<String> waitForCells(WebDriver d, String tableId, String... texts) {
        return browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(AssertionError.class).until(x -> cells(x, tableId, texts));
    }

    private static String rowWith(WebDriver d, String tableId, String text) {
        return row(d, tableId, text).getText();
    }

    /** The value of the option of a select whose label has {@code label}. */
    private static String optionValue(WebDriver d, String selectId, String label) {
        return (String) ((JavascriptExecutor) d).executeScript("return Array.from(document.getElementById("
                + "arguments[0]).options).find(o => o.text.includes(arguments[1])).value;", selectId, label);
    }

    /** Selects the option of a PrimeFaces select-one menu by its value, as a click on its item would. */
    private void choose(WebDriver d, String id, String value) {
        browser.choose(id, value);
    }

    /** Ticks an item of a PrimeFaces check-box menu, as a click on it would. */
    private void check(WebDriver d, String id, String value) {
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) d).executeScript("PrimeFaces.widgets[arguments[0]].selectValue(arguments[1]);",
                "widget_" + id.replace(':', '_'), value);
    }

    private void click(WebDriver d, String css) {
        browser.click(css);
    }

    /** Puts a dd/MM/yyyy date into a date picker's input, as the text the form submits, without its calendar. */
    /**
     * Types over what an input holds, as a person selecting its text would: {@code clear()} does not empty a
     * PrimeFaces number input, whose script puts its value back.
     */
    private void typeIn(WebDriver d, String id, String text) {
        browser.typeIn(id, text);
    }

    private static String squashed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /**
     * Reads the QR code the certificate draws as filled squares on its page, as a phone would read it: the squares of
     * the most common size are the dark modules, placed on their grid and decoded by ZXing.
     */
    static String qrText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        String page;
        try {
            page = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
        } finally {
            reader.close();
        }
        Matcher m = Pattern.compile("(-?[\\d.]+) (-?[\\d.]+) ([\\d.]+) ([\\d.]+) re").matcher(page);
        List<double[]> squares = new ArrayList<>();
        Map<Long, Integer> sizes = new HashMap<>();
        while (m.find()) {
            double[] r = {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
            if (r[2] > 0 && Math.abs(r[2] - r[3]) < 0.02) {
                squares.add(r);
                sizes.merge(Math.round(r[2] * 100), 1, Integer::sum);
            }
        }
        assertFalse(squares.isEmpty(), "the certificate draws a QR code");
        long size = Collections.max(sizes.entrySet(), Map.Entry.comparingByValue()).getKey();
        double cell = size / 100.0;
        squares.removeIf(r -> Math.round(r[2] * 100) != size);
        double left = squares.stream().mapToDouble(r -> r[0]).min().orElseThrow();
        double right = squares.stream().mapToDouble(r -> r[0] + r[2]).max().orElseThrow();
        double top = squares.stream().mapToDouble(r -> r[1] + r[3]).max().orElseThrow();
        BitMatrix bits = new BitMatrix((int) Math.round((right - left) / cell));
        for (double[] r : squares) {
            bits.set((int) Math.round((r[0] - left) / cell), (int) Math.round((top - r[1] - r[3]) / cell));
        }
        return new Decoder().decode(bits).getText();
    }

    /** The text of a workbook's XML parts: enough to find its strings without a spreadsheet library. */
    private static String xlsxText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/")) {
                    text.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
