package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Tele-consultation in a real browser. Station staff send a request with a PDF from the requests screen of a
 * person. A hospital doctor, signed in, lands on their inbox (no province menu), opens a request, sees the one shared
 * part of the record, answers, and the station sees the answer.
 * Commune 24305 and hospital 38905 belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsultationsBrowserIT {

    private static final String COMMUNE = "24305";
    private static final String STAFF = "cs-staff-24305";
    private static final String DOCTOR = "cs-doctor-38905";

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
        session.closeKeepingEvidence("ConsultationsBrowserIT");
    }

    @Test
    void aDoctorAnswersFromTheInbox() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Màn Hình", "COMMUNE", "xa", 1);
        long village = Units.ensure(th, COMMUNE + "-01", "Bản Màn Hình", "VILLAGE", "ban", commune);
        long hospital = ConsultationsIT.hospital(th, "38905", "Bệnh viện Phổi Màn Hình");
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        Keycloak.user(DOCTOR, "hospital-doctor", "38", null, "38905");
        String staff = Keycloak.token(STAFF);
        long person = People.id(People.register(staff,
                People.person("Mùa A Màn Hình", "MALE", "1975-06-01", People.pid("038", '0', 1975), village)));
        String question = "Khó thở khi gắng sức, xin ý kiến " + person;
        Http.Answer sent = Http.post("/api/consultations", staff, Json.createObjectBuilder().add("personId", person)
                .add("hospitalId", hospital).add("question", question).add("parts", Json.createArrayBuilder().add("A"))
                .build());
        assertEquals(201, sent.status(), sent::toString);
        long id = sent.json().getJsonNumber("id").longValue();

        session.signIn(DOCTOR);
        waitUpTo().until(ExpectedConditions.urlContains("/consult/inbox"));
        waitUpTo().until(ExpectedConditions.presenceOfElementLocated(By.id("inbox:list")));
        assertFalse(browser.findElements(By.id("menu-inbox")).isEmpty(), "the doctor's menu");
        assertTrue(browser.findElements(By.id("menu-persons")).isEmpty(), "no province menu for a doctor");

        WebElement row = browser.findElements(By.cssSelector("#inbox\\:list tbody tr")).stream()
                .filter(r -> r.getText().contains(question)).findFirst().orElseThrow();
        row.findElement(By.cssSelector(".consult-open")).click();
        WebElement text = waitUpTo().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer:text")));
        String opened = browser.findElement(By.id("opened")).getText();
        assertTrue(opened.contains("Mùa A Màn Hình"), opened);
        assertEquals(1, browser.findElements(By.cssSelector(".consult-section-title")).size(), "part A only");

        String advice = "Đo SpO2, chụp X-quang ngực, hẹn khám hô hấp tuần sau.";
        text.sendKeys(advice);
        browser.findElement(By.id("answer:send")).click();
        waitUpTo().ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.id("opened")).getText().contains(advice));

        JsonObject seen = Http.get("/api/consultations/" + id, staff).json();
        assertEquals("ANSWERED", seen.getString("status"));
        assertEquals(advice, seen.getString("answer"));
        assertTrue(Http.get("/api/persons/" + person + "/visits", staff).body().contains(advice),
                "the answer is in part D");
    }

    @Test
    void stationStaffSendAPdfFromThePersonsRecord() throws IOException {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Màn Hình", "COMMUNE", "xa", 1);
        long village = Units.ensure(th, COMMUNE + "-01", "Bản Màn Hình", "VILLAGE", "ban", commune);
        long hospital = ConsultationsIT.hospital(th, "38905", "Bệnh viện Phổi Màn Hình");
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        String staff = Keycloak.token(STAFF);
        long person = People.id(People.register(staff,
                People.person("Sùng A Gửi", "MALE", "1980-02-02", People.pid("038", '0', 1980), village)));
        Path pdf = Files.createTempFile("phim-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
        try {
            session.signIn(STAFF);
            waitUpTo().until(ExpectedConditions.urlContains("/province/"));
            browser.get(Browser.APP + "consult/requests.xhtml?person=" + person);
            waitUpTo().until(ExpectedConditions.presenceOfElementLocated(By.id("send:hospitalId_input")));
            assertFalse(browser.findElements(By.id("menu-consult")).isEmpty(), "the station's menu entry");

            ((JavascriptExecutor) browser).executeScript(
                    "PrimeFaces.widgets[arguments[0]].selectValue(arguments[1]);", "widget_send_hospitalId",
                    String.valueOf(hospital));
            browser.findElement(By.id("send:parts:3")).findElement(By.xpath("../.."))
                    .findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.findElement(By.id("send:question")).sendKeys("Sốt cao, phim phổi đính kèm");
            browser.findElement(By.id("send:attachment_input")).sendKeys(pdf.toString());
            browser.findElement(By.id("send:sendRequest")).click();
            waitUpTo().ignoring(StaleElementReferenceException.class).until(d ->
                    d.findElement(By.id("items:list")).getText().contains("Sốt cao, phim phổi đính kèm"));
        } finally {
            Files.deleteIfExists(pdf);
        }
        JsonObject sent = Http.get("/api/consultations?person=" + person, staff).jsonArray().getJsonObject(0);
        assertEquals("SENT", sent.getString("status"));
        assertEquals(hospital, sent.getJsonNumber("hospitalId").longValue());
        assertEquals(List.of("A", "D"), sent.getJsonArray("sharedParts").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("application/pdf", sent.getString("attachmentType"));
        assertEquals("phim-", sent.getString("attachmentName").substring(0, 5));
    }

    private WebDriverWait waitUpTo() {
        return new WebDriverWait(browser, Browser.PAGE_WAIT);
    }
}
