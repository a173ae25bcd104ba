package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The province administrator types seed 002's village quotas into the grid of a commune and sees the total 7,219;
 * the commune chair reads the dashboard (villages, quota, records created this week, charts) and downloads the
 * report as XLSX and PDF. Commune 22011 and its villages belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlansBrowserIT {

    private static final String COMMUNE = "22011";
    private static final String CHAIR = "pb-chair-22011";
    private static final String STAFF = "pb-staff-22011";
    private static final String[] VILLAGES = {"Huệ Nghiêm", "Hòa Đông", "Kênh Lâm", "Thủ Phú", "Phú Xá"};
    private static final int[] QUOTAS = {1180, 1001, 884, 2381, 1773};

    private Browser browser;
    private final long[] villages = new long[5];
    private Path downloads;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeVillagesAndUsers() throws IOException {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        String th = Keycloak.token("th-admin");
        long province = Http.get("/api/units?level=PROVINCE", th).jsonArray().getJsonObject(0).getJsonNumber("id")
                .longValue();
        long commune = Units.ensure(th, COMMUNE, "Xã Quảng Đại Thử", "COMMUNE", "xa", province);
        for (int i = 0; i < 5; i++) {
            villages[i] = Units.ensure(th, COMMUNE + "-0" + (i + 1), VILLAGES[i], "VILLAGE", "thon", commune);
        }
        Keycloak.user(CHAIR, "commune-chair", "38", List.of(COMMUNE));
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        downloads = Files.createTempDirectory("hssk-downloads-");
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("plans"));
        } finally {
            browser.close();
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theAdministratorEntersTheSeedQuotasAndTheChairReadsTheDashboardAndDownloadsTheReports()
            throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        browser.signIn("th-admin");
        WebDriver d = browser.driver();
        d.get(Browser.APP + "province/quotas.xhtml?commune=" + COMMUNE + "&year=" + year);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("quotas:grid")));
        List<String> names = d.findElements(By.cssSelector(".quota-village")).stream().map(WebElement::getText)
                .toList();
        assertEquals(List.of(VILLAGES), names);
        for (int i = 0; i < 5; i++) {
            type(d, "quotas:grid:" + i + ":population_input", String.valueOf(QUOTAS[i]));
            type(d, "quotas:grid:" + i + ":quota_input", String.valueOf(QUOTAS[i]));
        }
        d.findElement(By.id("quotas:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã lưu chỉ tiêu"));
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("quotas:grid:totalQuota")).getText().equals("7.219"));
        JsonObject grid = Http.get("/api/quotas?commune=" + COMMUNE + "&year=" + year, Keycloak.token("th-admin"))
                .json();
        for (int i = 0; i < 5; i++) {
            assertEquals(QUOTAS[i], grid.getJsonArray("lines").getJsonObject(i).getInt("quota"));
            assertEquals(QUOTAS[i], grid.getJsonArray("lines").getJsonObject(i).getInt("population"));
        }
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("history:changes")).getText().contains("th-admin"));

        String staff = Keycloak.token(STAFF);
        String unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        for (int i = 0; i < 2; i++) {
            Http.Answer created = Http.post("/api/persons", staff, Json.createObjectBuilder()
                    .add("fullName", "Người Dân " + i + " " + unique).add("sex", "FEMALE")
                    .add("birthDate", "1985-05-05").add("villageId", villages[0]).add("ethnicity", "Kinh")
                    .add("personalId", "038185" + String.format("%06d", (Integer.parseInt(unique) + i) % 1_000_000))
                    .build());
            assertEquals(201, created.status(), created::toString);
        }

        browser.close();
        browser = Browser.open();
        browser.signIn(CHAIR);
        d = browser.driver();
        d.get(Browser.APP + "province/dashboard.xhtml");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("dashboard:villages")));
        List<String> rows = d.findElements(By.cssSelector("[id='dashboard:villages_data'] tr")).stream()
                .map(WebElement::getText).toList();
        assertEquals(5, rows.size(), rows::toString);
        assertTrue(rows.get(0).startsWith("Huệ Nghiêm") && rows.get(0).contains("1.180"), rows.get(0));
        assertEquals("2", d.findElement(By.cssSelector("[id='dashboard:villages_data'] tr .dash-week")).getText());
        assertEquals("2", d.findElement(By.id("dashboard:villages:totalCreated")).getText());
        assertEquals("7.219", d.findElement(By.id("dashboard:villages:totalQuota")).getText());
        assertTrue(d.findElements(By.cssSelector("[id='dashboard:trend'] canvas")).size() == 1, "trend chart");
        assertTrue(d.findElements(By.cssSelector("[id='dashboard:weekly'] canvas")).size() == 1, "weekly chart");

        ((HasCdp) d).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        d.findElement(By.id("report:xlsx")).click();
        byte[] xlsx = downloaded(".xlsx");
        assertArrayEquals("PK".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(xlsx, 2));
        ((JavascriptExecutor) d).executeScript("window.scrollTo(0, document.body.scrollHeight);");
        d.findElement(By.id("report:pdf")).click();
        byte[] pdf = downloaded(".pdf");
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf, 4));
    }

    @Test
    void overdueTasksStandOutAndAPlanIsCopiedToANewYear() {
        String th = Keycloak.token("th-admin");
        String title = "Kế hoạch trình duyệt " + Math.floorMod(System.nanoTime(), 1_000_000L);
        Http.Answer created = Http.post("/api/plans", th, Json.createObjectBuilder().add("unitCode", COMMUNE)
                .add("title", title).add("periodFrom", "2024-07-01").add("periodTo", "2024-12-31")
                .add("tasks", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Nhập phần A").add("leadUnit", "Tổ nhập liệu")
                                .add("deadline", "2024-08-31").add("status", "DONE"))
                        .add(Json.createObjectBuilder().add("name", "Nhập phần B").add("leadUnit", "Trạm Y tế")
                                .add("deadline", "2024-11-30").add("status", "IN_PROGRESS")))
                .build());
        assertEquals(201, created.status(), created::toString);

        browser.signIn("th-admin");
        WebDriver d = browser.driver();
        d.get(Browser.APP + "province/plans.xhtml");
        WebElement link = browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'plan-title') and text()='" + title + "']")));
        link.click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("plan-heading"), title));
        List<WebElement> rows = d.findElements(By.cssSelector("[id='plan:tasks_data'] tr"));
        assertEquals(2, rows.size());
        assertTrue(!rows.get(0).getDomAttribute("class").contains("plan-overdue"), "a done task is not overdue");
        assertTrue(rows.get(1).getDomAttribute("class").contains("plan-overdue"), "the open task past its deadline");

        d.findElement(By.id("plan:copy")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("copyForm:year_input")));
        WebElement year = d.findElement(By.id("copyForm:year_input"));
        year.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        year.sendKeys("2099");
        type(d, "copyForm:copyTitle", title + " (2099)");
        d.findElement(By.id("copyForm:doCopy")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("plan-heading"), title + " (2099)"));
        JsonObject copy = Http.get("/api/plans", th).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> (title + " (2099)").equals(p.getString("title"))).findFirst().orElseThrow();
        assertEquals("2099-11-30", copy.getJsonArray("tasks").getJsonObject(1).getString("deadline"));
        assertEquals("NOT_STARTED", copy.getJsonArray("tasks").getJsonObject(1).getString("status"));
    }

    private byte[] downloaded(String suffix) throws IOException {
        Path[] found = new Path[1];
        browser.waitUpTo(Browser.PAGE_WAIT).until(x -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> file = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                file.ifPresent(p -> found[0] = p);
                return file.isPresent();
            } catch (IOException e) {
                return false;
            }
        });
        return Files.readAllBytes(found[0]);
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement input = d.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

}
