package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * A real headless Chromium (Debian's chromium and chromedriver) for the browser tests, signed in through Keycloak's
 * login page like a person. Without the browser the tests fail rather than pass unseen: CI installs it.
 */
final class Browser implements AutoCloseable {

    static final String APP = "http://localhost:8080/";
    static final String KEYCLOAK = "http://localhost:" + System.getProperty("hssk.keycloak.port", "8180") + "/";
    static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open() throws IOException {
        return open(null);
    }

    /**
     * A browser whose user prefers the given language ({@code Accept-Language}, e.g. "vi"), as Keycloak's login page
     * picks its language from it; null keeps Chromium's default (English).
     */
    static Browser open(String acceptLanguage) throws IOException {
        return open(acceptLanguage, "1400,1000");
    }

    /** A phone-sized browser window (390 × 844 CSS pixels, as a common phone), for the citizen pages. */
    static Browser openPhone(String acceptLanguage) throws IOException {
        return open(acceptLanguage, "390,844");
    }

    private static Browser open(String acceptLanguage, String windowSize) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser test needs Debian's /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install chromium chromium-driver); CI installs them");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("hssk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + windowSize, "--user-data-dir=" + profile);
        if (acceptLanguage != null) {
            options.addArguments("--lang=" + acceptLanguage, "--accept-lang=" + acceptLanguage);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the application, is sent to Keycloak's login, signs in, and waits to be back in the application. */
    void signIn(String username) {
        driver.get(APP);
        WebElement field = waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(driver.getCurrentUrl().startsWith(KEYCLOAK),
                "the application sends the browser to Keycloak's login, not " + driver.getCurrentUrl());
        field.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        waitUpTo(PAGE_WAIT).until(d -> d.getCurrentUrl().startsWith(APP));
    }

    /**
     * Opens the citizen portal, is sent to Keycloak's login, chooses VNeID there, signs in on the identity provider's
     * page (the dev realm vneid) with a personal ID, and waits to be back in the application.
     */
    void signInWithVneid(String personalId) {
        driver.get(APP + "citizen/");
        WebElement vneid = waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("social-vneid")));
        vneid.click();
        WebElement field = waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(driver.getCurrentUrl().startsWith(KEYCLOAK + "realms/vneid/"),
                "the login continues on the identity provider's page, not " + driver.getCurrentUrl());
        field.sendKeys(personalId);
        driver.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        waitUpTo(PAGE_WAIT).until(d -> d.getCurrentUrl().startsWith(APP));
    }

    /** Waits until the page's message list says {@code text}. */
    void waitForMessage(String text) {
        waitUpTo(PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("messages")).getText().contains(text));
    }

    /** Chooses a value of a PrimeFaces select menu ({@code id} without {@code _input}), as a click on it would. */
    void choose(String id, String value) {
        waitUpTo(PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id + "_input")));
        ((JavascriptExecutor) driver).executeScript("PrimeFaces.widgets[arguments[0]].selectValue(arguments[1]);",
                "widget_" + id.replace(':', '_'), value);
    }

    /** Clicks the element {@code css} finds once it is clickable, scrolled into view first. */
    void click(String css) {
        WebElement e = waitUpTo(PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /**
     * Types over what an input holds, as a person selecting its text would: {@code clear()} does not empty a
     * PrimeFaces number input, whose script puts its value back.
     */
    void typeIn(String id, String text) {
        WebElement input = waitUpTo(PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        assertEquals(text, input.getDomProperty("value"), "typed into " + id);
    }

    /**
     * Puts a date (dd/MM/yyyy) into a PrimeFaces date picker's input (an id, or a CSS selector), as its calendar
     * would: typed keys race the calendar's own script on a busy machine.
     */
    void setDate(String idOrCss, String text) {
        By by = idOrCss.startsWith("[") ? By.cssSelector(idOrCss) : By.id(idOrCss);
        WebElement input = waitUpTo(PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, text);
        assertEquals(text, input.getDomProperty("value"));
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    void screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
        Files.createDirectories(directory);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keeps a screenshot and the page's HTML as {@code name} under target/screenshots, then closes the browser. */
    void closeKeepingEvidence(String name) throws IOException {
        try {
            screenshot(name);
            Files.writeString(Path.of(System.getProperty("basedir", "."), "target", "screenshots", name + ".html"),
                    driver.getPageSource(), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
