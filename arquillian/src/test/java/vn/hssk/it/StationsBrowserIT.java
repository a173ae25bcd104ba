package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A province administrator opens a commune health station from the stations screen, in a real browser signed in
 * through Keycloak: a facility code of another province is refused next to its field, a good one creates the station,
 * which the API then shows. Commune 16421 belongs to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StationsBrowserIT {

    private static final String APP = Browser.APP;
    private static final Duration PAGE_WAIT = Browser.PAGE_WAIT;

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
    void closeBrowser() throws IOException {
        try {
            session.screenshot("StationsBrowserIT");
        } finally {
            session.close();
        }
    }

    @Test
    void provinceAdministratorOpensAStationFromTheScreen() {
        String th = Keycloak.token("th-admin");
        StationsIT.commune(th, "16421", "Xã Hoằng Cát");
        signIn("th-admin");
        browser.get(APP + "province/stations.xhtml");
        waitUpTo().until(ExpectedConditions.presenceOfElementLocated(By.id("stations:table")));

        browser.findElement(By.id("stations:add")).click();
        waitUpTo().until(ExpectedConditions.visibilityOfElementLocated(By.id("stationForm:name")));
        ((JavascriptExecutor) browser).executeScript(
                "var s = document.getElementById('stationForm:commune_input'); s.value = '16421';");
        type("stationForm:name", "Trạm Y tế xã Hoằng Cát");
        type("stationForm:facilityCode", "92421");
        type("stationForm:phone", "0912000421");
        browser.findElement(By.id("stationForm:save")).click();
        waitUpTo().ignoring(StaleElementReferenceException.class).until(d -> {
            String cls = d.findElement(By.id("stationForm:facilityCode")).getDomAttribute("class");
            return cls != null && cls.contains("ui-state-error");
        });
        assertTrue(Http.get("/api/stations?commune=16421", th).jsonArray().isEmpty(), "nothing was created");

        type("stationForm:facilityCode", "38421");
        browser.findElement(By.id("stationForm:save")).click();
        waitUpTo().ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.id("stations:table")).getText().contains("Trạm Y tế xã Hoằng Cát"));
        JsonArray created = Http.get("/api/stations?commune=16421", th).jsonArray();
        assertEquals(1, created.size(), created::toString);
        assertEquals("38421", created.getJsonObject(0).getString("facilityCode"));
        assertEquals("0912000421", created.getJsonObject(0).getString("phone"));

        browser.get(APP + "province/accounts.xhtml");
        waitUpTo().until(ExpectedConditions.presenceOfElementLocated(By.id("accounts:table")));
        JsonArray accounts = Http.get("/api/accounts", th).jsonArray();
        String first = accounts.getJsonObject(0).getString("username");
        assertTrue(browser.findElement(By.id("accounts:table")).getText().contains(first),
                "the accounts screen lists the province's accounts, first " + first);
    }

    private void signIn(String username) {
        session.signIn(username);
        waitUpTo().until(ExpectedConditions.urlContains("/province/"));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private WebDriverWait waitUpTo() {
        return new WebDriverWait(browser, PAGE_WAIT);
    }
}
