package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String APP = "http://localhost:8080/";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private WebDriver browser;
    private Path profile;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser test needs Debian's /usr/bin/chromium and /usr/bin/chromedriver");
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("hssk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (browser != null) {
                Path directory = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
                Files.createDirectories(directory);
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                        directory.resolve("StationsBrowserIT.png"), StandardCopyOption.REPLACE_EXISTING);
                browser.quit();
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
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
        assertTrue(browser.findElement(By.id("accounts:table")).getText().contains("th-admin"),
                "the accounts screen lists the province's accounts");
    }

    private void signIn(String username) {
        browser.get(APP);
        WebElement user = waitUpTo().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
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
