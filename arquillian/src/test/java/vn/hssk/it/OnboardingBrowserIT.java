package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A national administrator onboards a province through the screens, in a real browser signed in through Keycloak,
 * and a malformed province code is refused next to its field. Province 01 (Hà Nội) belongs to this test alone.
 * Needs Debian's chromium and chromedriver; without them the test fails rather than pass unseen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingBrowserIT {

    private static final String APP = Browser.APP;
    private static final String KEYCLOAK = Browser.KEYCLOAK;
    private static final Duration PAGE_WAIT = Browser.PAGE_WAIT;
    private static final Duration ONBOARDING_WAIT = Duration.ofSeconds(60);
    private static final By TENANT_ROWS = By.cssSelector("[id='list:tenants_data'] > tr");
    private static final By TENANT_CODES = By.cssSelector("[id='list:tenants_data'] .tenant-code");

    private Browser session;
    private WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        session = Browser.open();
        browser = session.driver();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        try {
            session.screenshot(test.getTestMethod().map(Method::getName).orElse("test"));
        } finally {
            session.close();
        }
    }

    @Test
    void nationalAdministratorOnboardsAProvinceFromTheScreen() {
        signInAsNationalAdministrator();
        assertProvinceNotYetActive("01");
        String admin = "hn-admin-ui-" + ThreadLocalRandom.current().nextInt(1000, 10000);

        fillOnboarding("01", "Hà Nội", admin, admin + "@example.vn");
        browser.findElement(By.id("onboard:submit")).click();

        String status = new WebDriverWait(browser, ONBOARDING_WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id("onboard:status")).stream()
                        .map(WebElement::getText).filter(s -> !s.isBlank()).findFirst().orElse(null));
        assertEquals("Đang hoạt động", status, () -> "onboarding report: " + textOf(By.id("onboard:report")));
        assertEquals("ACTIVE", browser.findElement(By.id("onboard:status")).getDomAttribute("title"));
        String steps = textOf(By.id("onboard:steps"));
        assertTrue(steps.contains("Thành công") && steps.contains("Đã tạo tài khoản quản trị " + admin)
                && !steps.contains("schema migrations"), "steps in Vietnamese: " + steps);
        assertEquals(admin, browser.findElement(By.id("onboard:adminUsernameCreated")).getText());
        assertFalse(browser.findElement(By.id("onboard:password")).getText().isBlank(),
                "the one-time password is shown once");
        waitUpTo(PAGE_WAIT).until(d -> tenantCodes().contains("01"));
        showInScreenshot(By.id("onboard:report"));
    }

    @Test
    void malformedCodeIsRefusedNextToTheCodeFieldAndCreatesNothing() {
        signInAsNationalAdministrator();
        int tenantsBefore = browser.findElements(TENANT_ROWS).size();
        String admin = "hn-admin-ui-" + ThreadLocalRandom.current().nextInt(1000, 10000);

        fillOnboarding("1", "Hà Nội", admin, admin + "@example.vn");
        browser.findElement(By.id("onboard:submit")).click();

        String fieldMessage = waitUpTo(PAGE_WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String text = d.findElement(By.id("onboard:codeMessage")).getText();
                    return text.isBlank() ? null : text;
                });
        assertFalse(fieldMessage.isBlank());
        String codeInputClass = browser.findElement(By.id("onboard:code")).getDomAttribute("class");
        assertTrue(codeInputClass != null && codeInputClass.contains("ui-state-error"),
                "the code input is marked invalid: " + codeInputClass);
        String codeLabel = browser.findElement(By.cssSelector("label[for='onboard:code']")).getText()
                .replace("*", "").trim();
        assertTrue(textOf(By.id("messages")).contains(codeLabel),
                "the message at the top names the field '" + codeLabel + "': " + textOf(By.id("messages")));
        assertTrue(browser.findElements(By.id("onboard:status")).isEmpty(), "no onboarding report");
        assertEquals(tenantsBefore, browser.findElements(TENANT_ROWS).size(), "no tenant was created");
        assertFalse(tenantCodes().contains("1"));
    }

    private void signInAsNationalAdministrator() {
        browser.get(APP);
        WebElement username = waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(KEYCLOAK),
                "the application sends the browser to Keycloak's login, not " + browser.getCurrentUrl());
        username.sendKeys("national-admin");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        waitUpTo(PAGE_WAIT).until(ExpectedConditions.urlContains("/national/tenants.xhtml"));
        waitUpTo(PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("list:tenants")));
    }

    /** A second run against the same data would find the province there already: say so plainly. */
    private void assertProvinceNotYetActive(String code) {
        for (WebElement row : browser.findElements(TENANT_ROWS)) {
            List<WebElement> codes = row.findElements(By.cssSelector(".tenant-code"));
            String rowClass = row.getDomAttribute("class");
            if (!codes.isEmpty() && code.equals(codes.get(0).getText().trim())
                    && (rowClass == null || !rowClass.contains("tenant-FAILED"))) {
                fail("Province " + code + " is already on the platform; run this test against a fresh stack");
            }
        }
    }

    private void fillOnboarding(String code, String name, String adminUsername, String adminEmail) {
        type("onboard:code", code);
        type("onboard:name", name);
        type("onboard:adminUsername", adminUsername);
        type("onboard:adminEmail", adminEmail);
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private List<String> tenantCodes() {
        return browser.findElements(TENANT_CODES).stream().map(e -> e.getText().trim()).toList();
    }

    private String textOf(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return found.isEmpty() ? "(absent)" : found.get(0).getText();
    }

    private void showInScreenshot(By locator) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(locator));
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

}
