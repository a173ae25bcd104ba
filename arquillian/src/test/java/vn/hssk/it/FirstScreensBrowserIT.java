package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What a province's people see first: Keycloak's login page in Vietnamese (the hssk theme), each role landing on
 * its own screen (a commune chair on the commune's dashboard, station staff on the persons list, the province
 * administrator on the overview), and numbers written the way each language writes them: a quota total of
 * {@code 7.219} and a share of {@code 10,5 %} in Vietnamese, {@code 7,219} and {@code 10.5 %} in English. Commune
 * 24101 and its two villages belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstScreensBrowserIT {

    private static final String COMMUNE = "24101";
    private static final String CHAIR = "fs-chair-24101";
    private static final String STAFF = "fs-staff-24101";
    /** 7,200 + 19 = 7,219: the total has a thousands separator; 2 of 19 is 10.5 %, a share with a decimal. */
    private static final int[] QUOTAS = {7200, 19};
    private static final int[] POPULATION = {8000, 25};

    private Browser browser;
    private long[] villages;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeQuotasAndUsers() {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        String th = Keycloak.token("th-admin");
        long province = Http.get("/api/units?level=PROVINCE", th).jsonArray().getJsonObject(0).getJsonNumber("id")
                .longValue();
        long commune = Units.ensure(th, COMMUNE, "Xã Màn Hình Đầu", "COMMUNE", "xa", province);
        villages = new long[] {
            Units.ensure(th, COMMUNE + "-01", "Thôn Đông Đầu", "VILLAGE", "thon", commune),
            Units.ensure(th, COMMUNE + "-02", "Thôn Tây Đầu", "VILLAGE", "thon", commune)};
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (int i = 0; i < villages.length; i++) {
            entries.add(Json.createObjectBuilder().add("villageId", villages[i]).add("population", POPULATION[i])
                    .add("quota", QUOTAS[i]));
        }
        Http.Answer saved = Http.put("/api/quotas", th, Json.createObjectBuilder().add("commune", COMMUNE)
                .add("year", year).add("confirmAbovePopulation", false).add("entries", entries).build());
        assertEquals(200, saved.status(), saved::toString);
        Keycloak.user(CHAIR, "commune-chair", "38", List.of(COMMUNE));
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            try {
                browser.screenshot("first-screens-" + test.getTestMethod().map(Method::getName).orElse("test"));
            } finally {
                browser.close();
            }
        }
    }

    @Test
    void theLoginPageSpeaksVietnameseAndItsLanguageMenuSaysTiengViet() throws IOException {
        browser = Browser.open("vi");
        WebDriver d = browser.driver();
        d.get(Browser.APP);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(d.getCurrentUrl().startsWith(Browser.KEYCLOAK), d.getCurrentUrl());
        String username = d.findElement(By.cssSelector("label[for='username']")).getText();
        assertTrue(username.contains("Tên đăng nhập"), "username label: " + username);
        String password = d.findElement(By.cssSelector("label[for='password']")).getText();
        assertTrue(password.contains("Mật khẩu"), "password label: " + password);
        WebElement login = d.findElement(By.id("kc-login"));
        String button = login.getDomProperty("value") == null || login.getDomProperty("value").isBlank()
                ? login.getText() : login.getDomProperty("value");
        assertEquals("Đăng nhập", button.trim());
        Select languages = new Select(d.findElement(By.id("login-select-toggle")));
        assertEquals("Tiếng Việt", languages.getFirstSelectedOption().getText().trim());
        assertTrue(languages.getOptions().stream().map(o -> o.getText().trim()).toList().contains("English"),
                "the menu offers English");
        assertTrue(d.findElement(By.tagName("body")).getDomProperty("textContent").contains("Hồ sơ sức khỏe"),
                "the platform's name, not the realm's code");
        assertTrue(d.getTitle().contains("Hồ sơ sức khỏe"), d.getTitle());
    }

    @Test
    void theChairLandsOnTheCommuneDashboardWithNumbersInEachLanguage() throws IOException {
        String staff = Keycloak.token(STAFF);
        long unique = Math.floorMod(System.nanoTime(), 999_000L);
        for (int i = 0; i < 2; i++) {
            Http.Answer created = Http.post("/api/persons", staff, Json.createObjectBuilder()
                    .add("fullName", "Người Đầu Tiên " + i + " " + unique).add("sex", "FEMALE")
                    .add("birthDate", "1985-05-05").add("villageId", villages[1]).add("ethnicity", "Kinh")
                    .add("personalId", "038185" + String.format("%06d", unique + i)).build());
            assertEquals(201, created.status(), created::toString);
        }

        browser = Browser.open();
        browser.signIn(CHAIR);
        WebDriver d = browser.driver();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.urlContains("/province/dashboard"));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("dashboard-commune"), "Xã Màn Hình Đầu"));
        assertEquals("7.219", d.findElement(By.id("dashboard:villages:totalQuota")).getText());
        assertEquals("2", d.findElement(By.id("dashboard:villages:totalCreated")).getText());
        assertTrue(village(d, "Thôn Đông Đầu").contains("7.200"), village(d, "Thôn Đông Đầu"));
        assertEquals("10,5 %", share(d, "Thôn Tây Đầu"));
        assertEquals("vi-VN", chart(d, "dashboard:trend").getString("locale"),
                "the charts write numbers in Vietnamese");

        d.findElement(By.cssSelector("a[lang='en']")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("dashboard:villages:totalQuota")).getText().equals("7,219"));
        assertEquals("10.5 %", share(d, "Thôn Tây Đầu"));
        assertTrue(village(d, "Thôn Đông Đầu").contains("7,200"), village(d, "Thôn Đông Đầu"));
        assertEquals("en-US", chart(d, "dashboard:trend").getString("locale"), "the charts write numbers in English");
    }

    @Test
    void stationStaffLandOnThePersonsListOfTheirCommuneWhichSaysHowManyPersonsItHas() throws IOException {
        String staff = Keycloak.token(STAFF);
        long unique = Math.floorMod(System.nanoTime(), 900_000L);
        for (int i = 0; i < 55; i++) {
            Http.Answer created = Http.post("/api/persons", staff, Json.createObjectBuilder()
                    .add("fullName", "Người Trong Danh Sách " + i + " " + unique).add("sex", "MALE")
                    .add("birthDate", "1980-03-02").add("villageId", villages[0])
                    .add("personalId", "038080" + String.format("%06d", (unique + i) % 1_000_000)).build());
            assertEquals(201, created.status(), created::toString);
        }
        int inCommune = Http.get("/api/persons?max=200", staff).jsonArray().size();
        assertTrue(inCommune > 50 && inCommune < 200, "more persons than the list shows: " + inCommune);

        browser = Browser.open();
        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.urlContains("/province/persons"));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("persons-title")));
        assertEquals("Tìm thấy " + inCommune + " người", d.findElement(By.id("persons:found")).getText(),
                "the real number of persons, not the rows listed");
        String hint = d.findElement(By.id("persons")).getText();
        assertTrue(hint.contains("Chỉ hiển thị 50 trong số " + inCommune), hint);
    }

    @Test
    void theProvinceAdministratorLandsOnTheOverviewScaledToTheTarget() throws IOException {
        browser = Browser.open();
        browser.signIn("th-admin");
        WebDriver d = browser.driver();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.urlContains("/province/overview"));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("overview:communes")));
        JsonObject axis = chart(d, "overview:chart").getJsonObject("scales").getJsonObject("x");
        assertEquals(0, axis.getJsonNumber("max").bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(100)),
                "the chart's axis ends at 100 % of the target, not at the best commune: " + axis);
        String total = d.findElement(By.id("province-quota")).getText();
        assertTrue(total.matches("\\d{1,3}(\\.\\d{3})*"), "the province's quota in Vietnamese digits: " + total);

        for (String screen : List.of("tree", "plans", "quotas")) {
            d.get(Browser.APP + "province/" + screen + ".xhtml" + ("quotas".equals(screen)
                    ? "?commune=" + COMMUNE : ""));
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.className("hssk-table")));
            browser.screenshot("first-screens-" + screen);
        }
    }

    private static String village(WebDriver d, String name) {
        return d.findElements(By.cssSelector("[id='dashboard:villages_data'] tr")).stream()
                .map(WebElement::getText).filter(t -> t.startsWith(name)).findFirst().orElse("(no row " + name + ")");
    }

    private static String share(WebDriver d, String name) {
        return d.findElement(By.xpath("//tbody[@id='dashboard:villages_data']/tr[.//span[text()='" + name
                + "']]//span[contains(@class,'hssk-share-label')]")).getText().trim();
    }

    /** The options of the Chart.js configuration the page gave the chart with this client id. */
    private static JsonObject chart(WebDriver d, String id) {
        Object config = ((JavascriptExecutor) d).executeScript("for (var k in PrimeFaces.widgets) {"
                + " var w = PrimeFaces.widgets[k];"
                + " if (w && w.cfg && w.cfg.id === arguments[0]) { return JSON.stringify(w.cfg.config); } }"
                + " return null;", id);
        assertTrue(config instanceof String, "chart " + id + " is on the page");
        return Json.createReader(new StringReader((String) config)).readObject().getJsonObject("options");
    }
}
