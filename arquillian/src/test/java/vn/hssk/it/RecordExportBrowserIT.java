package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Base64;
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

/**
 * In a real browser: station staff open a person and the record's PDF button gives, in their own web session, the PDF
 * with the Vietnamese name; the province administrator follows the person's "access history" link to the audit screen
 * and sees that download there, dated dd/MM/yyyy HH:mm. Commune 23021 belongs to this class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordExportBrowserIT {

    private static final String COMMUNE = "23021";
    private static final String STAFF = "eb-staff-23021";

    private Browser browser;
    private long village;
    private String unique;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeVillageAndStaff() throws IOException {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        String th = Keycloak.token("th-admin");
        long commune = RecordExportIT.unit(th, COMMUNE, "Xã Tải Về", "COMMUNE", "xa", 1);
        village = RecordExportIT.unit(th, COMMUNE + "-01", "Thôn Giấy Tờ", "VILLAGE", "thon", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("exports"));
        } finally {
            browser.close();
        }
    }

    @Test
    void thePdfButtonGivesTheRecordAndTheAdministratorSeesTheDownloadInTheAccessHistory() throws IOException {
        String name = "Vũ Thị Ngọc Diễm " + unique;
        Http.Answer created = Http.post("/api/persons", Keycloak.token(STAFF), Json.createObjectBuilder()
                .add("fullName", name).add("sex", "FEMALE").add("birthDate", "1991-08-19").add("villageId", village)
                .add("personalId", "038191" + unique).add("ethnicity", "Tày").build());
        assertEquals(201, created.status(), created::toString);

        WebDriver d = openPerson(STAFF, "vu thi ngoc diem " + unique);
        WebElement pdfButton = browser.waitUpTo(Browser.PAGE_WAIT).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("exportPdf")));
        assertTrue(pdfButton.getText().contains("PDF"), pdfButton.getText());
        assertTrue(d.findElements(By.id("auditHistory")).isEmpty(), "station staff have no access history link");
        List<?> got = download(d, pdfButton.getDomAttribute("href"));
        assertEquals(200L, ((Number) got.get(0)).longValue(), got::toString);
        assertEquals("application/pdf", got.get(1));
        String text = RecordExportIT.pdfText(Base64.getDecoder().decode((String) got.get(2)));
        assertTrue(text.contains(name) && text.contains("Tày") && text.contains("Thôn Giấy Tờ"), text);

        browser.close();
        browser = Browser.open();
        WebDriver admin = openPerson("th-admin", "vu thi ngoc diem " + unique);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(By.id("auditHistory")))
                .click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-title")));
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='lines:table'] .audit-context")).stream()
                        .anyMatch(e -> e.getText().contains("tải PDF")));
        List<WebElement> users = admin.findElements(By.cssSelector("[id='lines:table'] .audit-user"));
        assertTrue(users.stream().allMatch(u -> u.getText().equals(STAFF) || u.getText().equals("th-admin")),
                "only this person's lines");
        String when = admin.findElement(By.cssSelector("[id='lines:table'] .audit-when")).getText();
        assertTrue(when.matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"), when);
        String changes = admin.findElement(By.id("lines:table")).getText();
        assertTrue(changes.contains("Họ và tên") && changes.contains(name), "the creation's fields are readable");
    }

    private WebDriver openPerson(String user, String query) {
        browser.signIn(user);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-persons")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("search:query")))
                .sendKeys(query);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='persons:table'] .person-name")).size() == 1);
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            x.findElement(By.cssSelector("[id='persons:table'] tbody tr button")).click();
            return true;
        });
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("person:fullName")));
        return d;
    }

    /** Fetches a link in the page's own session, as a click would, and hands back status, type and base64 body. */
    private static List<?> download(WebDriver d, String href) {
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
                        + "  const u = new Uint8Array(b); let s = '';"
                        + "  for (let i = 0; i < u.length; i++) { s += String.fromCharCode(u[i]); }"
                        + "  done([r.status, r.headers.get('Content-Type'), btoa(s)]);"
                        + "})).catch(e => done([0, String(e), '']));", href);
        return (List<?>) result;
    }
}
