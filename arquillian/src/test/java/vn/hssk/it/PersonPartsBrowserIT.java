package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
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

/**
 * Station staff record a visit in a real browser: they open a person, go to part D, type height and weight and see
 * the BMI before saving, find the diagnosis by typing its Vietnamese name without diacritics in the ICD-10
 * autocomplete, and the saved visit appears in the list and in the API with the BMI the server computed. Commune
 * 20050 belongs to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonPartsBrowserIT {

    private static final String COMMUNE = "20050";
    private static final String STAFF = "parts-browser-20050";

    private Browser browser;
    private long village;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeVillageAndStaff() throws IOException {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Khám Trình Duyệt", "COMMUNE", "xa", 1);
        village = Units.ensure(th, COMMUNE + "-01", "Thôn Ống Nghe", "VILLAGE", "thon", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        browser = Browser.open();
    }

    @AfterEach
    void close() throws IOException {
        try {
            browser.screenshot("personPartsVisit");
        } finally {
            browser.close();
        }
    }

    @Test
    void stationStaffRecordAVisitWithTheBmiShownAndTheDiagnosisFoundWithoutDiacritics() {
        String staff = Keycloak.token(STAFF);
        String unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        String name = "Đinh Thị Huyết Áp " + unique;
        Http.Answer person = Http.post("/api/persons", staff, Json.createObjectBuilder().add("fullName", name)
                .add("sex", "FEMALE").add("birthDate", "1960-05-05").add("villageId", village)
                .add("personalId", "038160" + unique).build());
        assertEquals(201, person.status(), person::toString);
        long id = person.json().getJsonNumber("id").longValue();

        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-persons")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("search:query")));
        d.findElement(By.id("search:query")).sendKeys("dinh thi huyet ap " + unique);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='persons:table'] .person-name")).size() == 1);
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            x.findElement(By.id("persons:table:0:open")).click();
            return true;
        });
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            WebElement tab = x.findElement(By.cssSelector("a[href='#parts:partD']"));
            if (!tab.isDisplayed()) {
                return false;
            }
            tab.click();
            return true;
        });
        click(d, browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.id("parts:visitForm:newVisit"))));

        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("parts:visitForm:heightCm_input"))).sendKeys("160");
        d.findElement(By.id("parts:visitForm:weightKg_input")).sendKeys("64");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("parts:visitForm:bmi")).getText().startsWith("25"));
        d.findElement(By.id("parts:visitForm:pulse_input")).sendKeys("82");

        WebElement dx = d.findElement(By.id("parts:visitForm:diagnoses_input"));
        dx.sendKeys("tang huyet ap vo can");
        WebElement suggestion = browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions
                .elementToBeClickable(By.xpath("//*[@id='parts:visitForm:diagnoses_panel']//li[starts-with("
                        + "normalize-space(.), 'I10')]")));
        suggestion.click();
        d.findElement(By.id("parts:visitForm:advice")).sendKeys("Ăn nhạt, tái khám sau 1 tháng");
        click(d, d.findElement(By.id("parts:visitForm:saveVisit")));

        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElements(By.cssSelector("[id='parts:visitForm:visits'] .visit-diagnoses")).stream()
                        .anyMatch(e -> e.getText().contains("I10")));
        String row = d.findElement(By.cssSelector("[id='parts:visitForm:visits'] tbody tr")).getText();
        assertTrue(row.contains("25.0") || row.contains("25,0"), row);

        JsonArray visits = Http.get("/api/persons/" + id + "/visits", staff).jsonArray();
        assertEquals(1, visits.size(), visits::toString);
        JsonObject v = visits.getJsonObject(0);
        assertEquals(0, new BigDecimal("25.0").compareTo(v.getJsonNumber("bmi").bigDecimalValue()));
        assertEquals("I10", v.getJsonArray("diagnoses").getJsonObject(0).getString("code"));
        assertEquals(82, v.getInt("pulse"));
        assertEquals("Ăn nhạt, tái khám sau 1 tháng", v.getString("advice"));
    }

    /** Clicks a button that may lie below the fold of the tall person dialog, as a user scrolls to it first. */
    private static void click(WebDriver d, WebElement button) {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

}
