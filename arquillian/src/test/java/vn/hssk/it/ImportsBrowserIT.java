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
 * Station staff import a resident list on the import screen in a real browser, as background jobs: upload, map a
 * column the headers do not name, start a preview job and watch it end (new rows and an error with its line and field,
 * in Vietnamese), apply it as a new job that writes only the valid rows, and download the row report; a list of
 * 150,000 rows shows its progress bar moving, is cancelled while it writes and resumed to the end; the old address and
 * the province administrator's menu lead to the same screen; the REST import gives the same report as XLSX. Commune
 * 23031 belongs to this class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportsBrowserIT {

    private static final String COMMUNE = "23031";
    private static final String STAFF = "ib-staff-23031";
    private static final Duration JOB_WAIT = Duration.ofMinutes(4);
    private static final String REPORT_HEADER = "line,record,personal_id,full_name,outcome,person_id,changed_fields,"
            + "similar_persons,other_rows,messages";

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
    void stationStaffPreviewAJobThenApplyItsValidRowsAndDownloadTheReport() throws IOException {
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
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.urlContains("/imports/jobs.xhtml"));
        upload(d, csv);
        assertEquals("Họ và tên", selected(d, 0), "the name column is found by its header");
        assertEquals("", selected(d, 6), "no header names the village code");

        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                "mapping:fields:6:column_input", "Nơi ở (thôn)");
        d.findElement(By.id("mapping:preview")).click();
        awaitEnd(d, "Đã xong");
        assertTrue(text(d, "job:panel").contains("Xem trước"), "the job is a preview");
        String counts = counts(d);
        assertTrue(counts.contains("Mới: 2") && counts.contains("Lỗi: 1") && counts.contains("Tổng số dòng: 3"),
                counts);
        String table = browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(
                x -> x.findElement(By.id("job:rows")).getText());
        assertTrue(table.contains("4") && table.contains("birthDate"), "the error names its line and field: " + table);
        assertTrue(table.contains("Ngày sinh phải theo dạng dd/MM/yyyy"), "said in Vietnamese: " + table);
        assertEquals(0, persons(pid1).size(), "a preview writes nothing");

        click(d, "job:apply");
        browser.waitUpTo(Browser.PAGE_WAIT).until(x -> text(x, "job:panel").contains("Ghi vào hồ sơ"));
        awaitEnd(d, "Đã xong");
        assertTrue(counts(d).contains("Mới: 2"), counts(d));
        assertEquals(first, persons(pid1).getJsonObject(0).getString("fullName"));
        assertEquals(second, persons(pid2).getJsonObject(0).getString("fullName"));

        String report = download(d, "job:reportCsv");
        assertEquals(REPORT_HEADER, report.lines().findFirst().orElse(""), "the REST report's columns: " + report);
        assertTrue(report.contains("ERROR") && report.contains("birthDate: Ngày sinh phải theo dạng dd/MM/yyyy hoặc"
                + " yyyy-MM-dd, không phải “31/02/1990”"), "the downloaded report speaks the screen's language: "
                + report);
        String jobs = text(d, "list:jobs");
        assertTrue(jobs.contains("Ghi vào hồ sơ") && jobs.contains("Xem trước") && jobs.contains(STAFF), jobs);

        d.get(Browser.APP + "province/imports.xhtml");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.urlContains("/imports/jobs.xhtml"));

        try (Browser admin = Browser.open()) {
            admin.signIn("th-admin");
            admin.driver().findElement(By.id("menu-imports")).click();
            admin.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.urlContains("/imports/jobs.xhtml"));
            String seen = text(admin.driver(), "list:jobs");
            assertTrue(seen.contains(STAFF), "a province administrator sees the province's jobs: " + seen);
        }
    }

    @Test
    void aListOf150000RowsShowsItsProgressAndIsCancelledAndResumedOnTheScreen() throws IOException {
        // Large enough that the preview runs for several of the page's polls and the apply for long enough to cancel.
        int rows = 150_000;
        Path csv = files.resolve("so-ho-khau.csv");
        Files.writeString(csv, ImportJobsIT.register(rows, COMMUNE, "Bảng Tính", 0), StandardCharsets.UTF_8);

        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        d.get(Browser.APP + "imports/jobs.xhtml");
        upload(d, csv);
        d.findElement(By.id("mapping:preview")).click();
        int before = browser.waitUpTo(JOB_WAIT).until(x -> {
            Integer p = percent(x);
            return "Đang chạy".equals(state(x)) && p != null && p > 0 && p < 100 ? p : null;
        });
        int after = browser.waitUpTo(JOB_WAIT).until(x -> {
            Integer p = percent(x);
            return p != null && p != before ? p : null;
        });
        assertTrue(after > before, "the bar moves on: " + before + " then " + after);
        awaitEnd(d, "Đã xong");
        assertEquals(100, percent(d));
        String counts = counts(d);
        assertTrue(counts.contains("Tổng số dòng: 150.000") && counts.contains("Hợp lệ: 150.000")
                && counts.contains("Không nhận: 0"), "counts in Vietnamese figures: " + counts);

        click(d, "job:apply");
        browser.waitUpTo(JOB_WAIT).until(x -> {
            Integer p = percent(x);
            return text(x, "job:panel").contains("Ghi vào hồ sơ") && "Đang chạy".equals(state(x)) && p != null
                    && p > 0;
        });
        click(d, "job:cancel");
        awaitEnd(d, "Đã tạm dừng");
        int stoppedAt = percent(d);
        assertTrue(stoppedAt > 0 && stoppedAt < 100, "stopped halfway: " + counts(d));
        assertTrue(text(d, "list:jobs").contains("Đã tạm dừng"), "the list says so too");

        click(d, "job:resume");
        browser.waitUpTo(Browser.PAGE_WAIT).until(x -> List.of("Đang chờ", "Đang chạy", "Đã xong").contains(state(x)));
        awaitEnd(d, "Đã xong");
        counts = counts(d);
        assertTrue(counts.contains("Tổng số dòng: 150.000") && counts.contains("Hợp lệ: 150.000"), counts);
    }

    /** Chooses the file; the mapping step appears once its header is read. */
    private void upload(WebDriver d, Path file) {
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("upload:file_input"))).sendKeys(file.toString());
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("mapping")));
    }

    /** Waits, as the page polls, until the open job has stopped in the state said by {@code state}. */
    private void awaitEnd(WebDriver d, String state) {
        browser.waitUpTo(JOB_WAIT).until(x -> {
            String now = state(x);
            return now != null && !List.of("Đang chờ", "Đang chạy", "Đang dừng").contains(now);
        });
        assertEquals(state, state(d), () -> text(d, "job:panel"));
    }

    private void click(WebDriver d, String id) {
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Downloads what the button gives into an empty folder and answers its text. */
    private String download(WebDriver d, String button) throws IOException {
        Path downloads = Files.createDirectories(files.resolve("downloads"));
        ((HasCdp) d).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        click(d, button);
        Path report = browser.waitUpTo(Browser.PAGE_WAIT).until(x -> {
            try (var listed = Files.list(downloads)) {
                return listed.filter(f -> f.getFileName().toString().matches("import-\\d+-report\\.csv"))
                        .findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        return Files.readString(report, StandardCharsets.UTF_8);
    }

    private static String state(WebDriver d) {
        return (String) script(d, "var e = document.getElementById('job:state'); return e ? e.textContent : null;");
    }

    /** The progress bar's value, from its label ("42 %"). */
    private static Integer percent(WebDriver d) {
        Object label = script(d, "var e = document.querySelector('[id=\"job:bar\"] .ui-progressbar-label');"
                + " return e ? e.textContent : null;");
        String digits = label == null ? "" : label.toString().replaceAll("\\D", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }

    private static String counts(WebDriver d) {
        return (String) script(d, "var e = document.querySelector('.import-counts'); return e ? e.innerText : '';");
    }

    private static String text(WebDriver d, String id) {
        return (String) script(d, "var e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
    }

    private static Object script(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
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
