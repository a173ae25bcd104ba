package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Station staff import a resident list on the import screen in a real browser: upload, map a column the headers do
 * not name, preview (new rows and an error with its line and field), apply refused whole, apply only the valid rows,
 * and download the row report; the REST import gives the same report as XLSX. Commune 23031 belongs to this class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportsBrowserIT {

    private static final String COMMUNE = "23031";
    private static final String STAFF = "ib-staff-23031";

    private Browser browser;
    private String unique;
    private Path files;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeVillageAndStaff() throws IOException {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = RecordExportIT.unit(th, COMMUNE, "Xã Nhập Màn Hình", "COMMUNE", "xa", 1);
        RecordExportIT.unit(th, COMMUNE + "-01", "Thôn Bảng Tính", "VILLAGE", "thon", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        files = Files.createTempDirectory("hssk-import-it-");
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("imports"));
        } finally {
            browser.close();
        }
    }

    @Test
    void stationStaffPreviewThenApplyOnlyTheValidRowsAndDownloadTheReport() throws IOException {
        String first = "Lương Văn Nhập " + unique;
        String second = "Mai Thị Bảng " + unique;
        String pid1 = "038080" + unique;
        String pid2 = "038195" + unique;
        Path csv = files.resolve("danh-sach.csv");
        Files.writeString(csv, "Họ và tên,Giới tính,Ngày sinh,Số định danh,Nơi ở (thôn)\n"
                + first + ",Nam,01/02/1980," + pid1 + "," + COMMUNE + "-01\n"
                + second + ",Nữ,03/04/1995," + pid2 + "," + COMMUNE + "-01\n"
                + "Sai Ngày " + unique + ",Nam,31/02/1990,038090" + unique + "," + COMMUNE + "-01\n",
                StandardCharsets.UTF_8);

        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-imports")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("upload:file_input"))).sendKeys(csv.toString());
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("mapping")));
        assertEquals("Họ và tên", selected(d, 0), "the name column is found by its header");
        assertEquals("", selected(d, 6), "no header names the village code");

        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                "mapping:fields:6:column_input", "Nơi ở (thôn)");
        d.findElement(By.id("mapping:preview")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        String counts = d.findElement(By.cssSelector(".import-counts")).getText();
        assertTrue(counts.contains("Mới: 2") && counts.contains("Lỗi: 1"), counts);
        String table = d.findElement(By.id("result:rows")).getText();
        assertTrue(table.contains("4") && table.contains("birthDate"), "the error names its line and field: " + table);
        assertTrue(table.contains("Ngày sinh phải theo dạng dd/MM/yyyy"), "said in Vietnamese: " + table);
        assertEquals(0, persons(pid1).size(), "a preview writes nothing");

        d.findElement(By.id("result:applyAll")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Không ghi gì"));
        assertEquals(0, persons(pid1).size(), "a file with errors is refused whole");

        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.elementToBeClickable(By.id("result:applyValid"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã nhập: 2 mới"));
        assertEquals(first, persons(pid1).getJsonObject(0).getString("fullName"));
        assertEquals(second, persons(pid2).getJsonObject(0).getString("fullName"));

        Path downloads = Files.createDirectories(files.resolve("downloads"));
        ((HasCdp) d).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.elementToBeClickable(By.id("result:reportCsv"))).click();
        Path report = downloads.resolve("bao-cao-nhap-danh-sach.csv");
        browser.waitUpTo(Browser.PAGE_WAIT).until(x -> Files.exists(report));
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFline,record,personal_id,full_name,outcome") && text.contains("ERROR")
                && text.contains("birthDate"), "a UTF-8 CSV with BOM, as Excel opens it: " + text);
        assertTrue(text.contains("birthDate: Ngày sinh phải theo dạng dd/MM/yyyy hoặc yyyy-MM-dd, không phải"
                + " “31/02/1990”"), "the downloaded report speaks the screen's language: " + text);
    }

    @Test
    void theRestImportGivesTheRowReportAsXlsx() throws Exception {
        String csv = "Họ và tên,Giới tính,Ngày sinh,Mã thôn\n"
                + "Đặng Văn Bảng Tính " + unique + ",Nam,31/02/1990," + COMMUNE + "-01\n";
        String sheetText = xlsxReport(csv, "en");
        assertTrue(sheetText.contains("Đặng Văn Bảng Tính " + unique) && sheetText.contains("birthDate")
                && sheetText.contains("ERROR"), sheetText);
        assertTrue(sheetText.contains("Date of birth must be dd/MM/yyyy or yyyy-MM-dd"), sheetText);
        String vietnamese = xlsxReport(csv, "vi");
        assertTrue(vietnamese.contains("Ngày sinh phải theo dạng dd/MM/yyyy hoặc yyyy-MM-dd"), vietnamese);
    }

    private static String xlsxReport(String csv, String language) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Http.APP + "/api/imports/persons?mode=preview"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + Keycloak.token(STAFF))
                .header("Content-Type", "text/csv").header("Accept-Language", language)
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        return xlsxText(r.body());
    }

    /**
     * The text of every XML part of a workbook, character references decoded: enough to find the cells' strings
     * without a spreadsheet library.
     */
    private static String xlsxText(byte[] xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        Path file = Files.createTempFile("report-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().startsWith("xl/")) {
                        text.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text);
        return refs.replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                Character.toString(Integer.parseInt(m.group(1), 16))));
    }

    private static String selected(WebDriver d, int field) {
        Object value = ((JavascriptExecutor) d).executeScript("return document.getElementById(arguments[0]).value;",
                "mapping:fields:" + field + ":column_input");
        return value == null ? "" : value.toString();
    }

    private static JsonArray persons(String pid) {
        return Http.get("/api/persons?q=" + URLEncoder.encode(pid, StandardCharsets.UTF_8), Keycloak.token(STAFF))
                .jsonArray();
    }
}
