package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.person;
import static vn.hssk.it.People.pid;
import static vn.hssk.it.People.register;

import java.io.IOException;
import java.lang.reflect.Method;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The personal-ID oracle and the review list in a real browser: station staff typing a date the picker cannot read
 * are told in Vietnamese which format to use, and registering an ID held in another commune gets the same neutral
 * sentence as the API, naming nothing; the province administrator finds the case on the review screen from the menu
 * and closes it with a note. Communes 17971/17972 belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonalIdReviewBrowserIT {

    private static final String COMMUNE_A = "17971";
    private static final String COMMUNE_B = "17972";
    private static final String COMMUNE_B_NAME = "Xã Màn Hình Bên Kia";
    private static final String STAFF_A = "rb-staff-17971";
    private static final String STAFF_B = "rb-staff-17972";

    private Browser browser;
    private long villageA;
    private long villageB;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesAndStaff() throws IOException {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        String th = Keycloak.token("th-admin");
        long communeA = Units.ensure(th, COMMUNE_A, "Xã Màn Hình Rà Soát", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, COMMUNE_B_NAME, "COMMUNE", "xa", 1);
        villageA = Units.ensure(th, COMMUNE_A + "-01", "Thôn Màn Một", "VILLAGE", "thon", communeA);
        villageB = Units.ensure(th, COMMUNE_B + "-01", "Thôn Màn Kia", "VILLAGE", "thon", communeB);
        Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
        Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("reviews"));
        } finally {
            browser.close();
        }
    }

    @Test
    void staffAreToldTheDateFormatInVietnameseAndGetTheNeutralAnswerForAnIdHeldElsewhere() {
        String pid = pid("038", '0', 1972);
        String holderName = "Quách Văn Giữ " + pid.substring(6);
        register(Keycloak.token(STAFF_B), person(holderName, "MALE", "1972-02-02", pid, villageB));

        browser.signIn(STAFF_A);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-persons")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("persons:table")));
        d.findElement(By.id("search:add")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("person:fullName")));
        type(d, "person:fullName", "Quách Văn Thử");
        choose(d, "person:sex_input", "MALE");
        choose(d, "person:villageId_input", String.valueOf(villageA));
        type(d, "person:personalId", pid);
        typeDate(d, "person:birthDate_input", "32/13/1972");
        d.findElement(By.id("person:save")).click();
        String dateMessage = messageOf(d, "person:birthDate");
        assertTrue(dateMessage.contains("dd/MM/yyyy") && dateMessage.contains("không phải là ngày hợp lệ"),
                "said in Vietnamese with the format: " + dateMessage);
        assertFalse(dateMessage.contains("could not be understood"), dateMessage);

        typeDate(d, "person:birthDate_input", "02/02/1972");
        d.findElement(By.id("person:save")).click();
        String idMessage = messageOf(d, "person:personalId");
        assertTrue(idMessage.contains("Không thể dùng số định danh này cho hồ sơ tại đây; trường hợp đã được chuyển"
                + " Sở Y tế xem xét."), idMessage);
        String page = d.findElement(By.tagName("body")).getText();
        assertFalse(page.contains(COMMUNE_B_NAME) || page.contains(holderName), "nothing of the holder on screen");
    }

    @Test
    void theProvinceAdministratorClosesACaseFromTheReviewScreen() {
        String pid = pid("038", '1', 1981);
        register(Keycloak.token(STAFF_B), person("Quách Thị Giữ", "FEMALE", "1981-01-01", pid, villageB));
        Http.Answer refused = Http.post("/api/persons", Keycloak.token(STAFF_A), person("Quách Thị Hỏi", "FEMALE",
                "1981-01-01", pid, villageA).build());
        assertEquals(409, refused.status(), refused::toString);

        browser.signIn("th-admin");
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-reviews")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("cases:table")));
        WebElement row = rowOf(d, pid);
        String text = row.getText();
        assertTrue(text.contains("Quách Thị Hỏi") && text.contains("Quách Thị Giữ") && text.contains(COMMUNE_B_NAME)
                && text.contains("01/01/1981"), text);
        row.findElement(By.cssSelector("button[id$=':resolve']")).click();
        WebElement note = browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("resolution:note")));
        note.sendKeys("Cùng một người, đã báo trạm xã bên kia");
        d.findElement(By.id("resolution:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='cases:table'] tbody tr")).stream()
                        .noneMatch(r -> r.getText().contains(pid)));
        assertTrue(d.findElement(By.id("cases:messages")).getText().contains("Đã đóng trường hợp"),
                d.findElement(By.id("cases:messages")).getText());
    }

    private WebElement rowOf(WebDriver d, String pid) {
        return browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='cases:table'] tbody tr")).stream()
                        .filter(r -> r.getText().contains(pid)).findFirst().orElse(null));
    }

    private String messageOf(WebDriver d, String inputId) {
        return browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            List<WebElement> messages = x.findElements(By.cssSelector("[id='" + inputId + "'] ~ .ui-message"));
            String t = messages.isEmpty() ? "" : messages.get(0).getText();
            return t.isBlank() ? null : t;
        });
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement input = d.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Types a date into a date picker, then closes its calendar so that it covers no other input. */
    private static void typeDate(WebDriver d, String id, String text) {
        type(d, id, text);
        assertEquals(text, d.findElement(By.id(id)).getAttribute("value"), "the date field takes typed keys");
        d.findElement(By.id(id)).sendKeys(Keys.TAB);
        d.findElement(By.cssSelector("[id='person'] h3")).click();
    }

    private static void choose(WebDriver d, String selectId, String value) {
        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                selectId, value);
    }
}
