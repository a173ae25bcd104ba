package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
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
 * The immunization screens in a real browser, in Vietnamese, for a newborn of a Quảng Đại station (commune 21051):
 * the station's stock and the village's due list with its printable invitations, then part C of the child's record
 * where the staff enter the birth dose from the card and give BCG from the station's lot (stock goes down), and the
 * certificate's public page opened without signing in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImmunizationBrowserIT {

    private static final String COMMUNE = "21051";
    private static final String STAFF = "qd-nurse-21051";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            browser.screenshot("immunization-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    @Test
    void stationStaffSeeStockAndDueListAndRecordTheFirstDosesInPartC() throws IOException {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Epi.unit(th, COMMUNE, "Xã Quảng Đại", "COMMUNE", "xa", 1);
        long village = Epi.unit(th, COMMUNE + "-01", "Thôn Hòa Đông", "VILLAGE", "thon", commune);
        long station = Epi.station(th, COMMUNE, "Trạm Y tế xã Quảng Đại");
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        String staff = Keycloak.token(STAFF);
        String bcgLot = Epi.lotNumber("BCG-QD");
        long lot = Epi.lot(th, "BCG", bcgLot, Epi.today().plusMonths(6), 10);
        Epi.allocate(th, lot, station, 10);
        LocalDate born = Epi.today().minusDays(20);
        String name = "Lê Bảo An " + bcgLot.substring(bcgLot.indexOf('-', 4) + 1);
        long child = Epi.newborn(staff, name, born, village);

        browser = Browser.open();
        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-immunization")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("stockForm:stock"), bcgLot));
        assertTrue(d.findElement(By.id("stockForm:stock")).getText().contains("10"));

        choose(d, "dueForm:village", String.valueOf(village));
        d.findElement(By.id("dueForm:showDue")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("dueForm:due"), name));
        String due = d.findElement(By.id("dueForm:due")).getText();
        assertTrue(due.contains("BCG") && (due.contains("Đến hạn") || due.contains("Quá hạn")), due);
        String invitations = d.findElement(By.id("dueForm:print")).getDomAttribute("href");
        d.get(Browser.APP.replaceAll("/$", "") + invitations);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("invitations-title")));
        assertTrue(d.getPageSource().contains(name), "the invitation list names the child");

        d.findElement(By.id("menu-persons")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("persons:table")));
        WebElement query = d.findElement(By.id("search:query"));
        query.sendKeys(name);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("persons:table")).getText().contains(name));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(By.id("search:find")));
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            x.findElement(By.cssSelector("[id='persons:table'] tbody tr button")).click();
            return true;
        });
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Phần C"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='partCForm:doses']")));
        assertTrue(d.findElement(By.cssSelector("[id$='partCForm:doses']")).getText()
                .contains("Chưa ghi nhận mũi tiêm nào"));

        click(d, "label[for$='partCForm:source:1']");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='partCForm:place']")));
        choose(d, suffix(d, "partCForm:vaccine"), "HEPB-MONOVALENT");
        typeIn(d, "partCForm:doseNumber_input", "1");
        browser.setDate("[id$='partCForm:givenOn_input']", DAY.format(born));
        typeIn(d, "partCForm:place", "Bệnh viện huyện Quảng Xương");
        click(d, "[id$='partCForm:recordDose']");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.cssSelector("[id$='partCForm:doses']")).getText().contains("HEPB-MONOVALENT"));
        assertTrue(d.findElement(By.cssSelector("[id$='partCForm:doses']")).getText().contains(DAY.format(born)),
                "dates as dd/MM/yyyy");

        choose(d, suffix(d, "partCForm:lotId"), station + ":" + lot + ":BCG");
        typeIn(d, "partCForm:doseNumber_input", "1");
        browser.setDate("[id$='partCForm:givenOn_input']", DAY.format(Epi.today()));
        click(d, "[id$='partCForm:recordDose']");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.cssSelector("[id$='partCForm:doses']")).getText().contains(bcgLot));
        assertEquals(9, Epi.balance(staff, station, lot), "the dose left the station's stock");
        assertEquals(2, Http.get("/api/persons/" + child + "/immunizations", staff).jsonArray().size());

        d.get(Browser.APP + "province/immunization.xhtml");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.id("coverageForm:showCoverage"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("coverageForm:coverage")).getText().contains("Chưa có số liệu"));
        assertTrue(d.findElements(By.cssSelector("[id='messages'] .ui-messages-error")).isEmpty(),
                "coverage of a commune without a cohort yet is empty, not an error");
        assertTrue(d.findElement(By.id("sessionForm:sessions")).isDisplayed());

        String url = certificateUrl(staff, child);
        browser.close();
        browser = Browser.open();
        browser.driver().get(url);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("genuine")));
        assertFalse(browser.driver().getCurrentUrl().startsWith(Browser.KEYCLOAK), "no login for the public page");
        assertTrue(browser.driver().getPageSource().contains(name));
    }

    /** Issues a certificate and answers the URL its QR code carries. */
    private static String certificateUrl(String staff, long child) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(Http.APP + "/api/persons/" + child + "/immunizations/certificate"))
                    .header("Authorization", "Bearer " + staff).header("Accept", "application/pdf")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("X-Verify-Url").orElseThrow();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String suffix(WebDriver d, String idSuffix) {
        return d.findElement(By.cssSelector("[id$='" + idSuffix + "']")).getDomAttribute("id");
    }

    /** Selects the option of a PrimeFaces select-one menu by its value, as a click on its item would. */
    private void choose(WebDriver d, String id, String value) {
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id + "_input")));
        ((JavascriptExecutor) d).executeScript("PrimeFaces.widgets[arguments[0]].selectValue(arguments[1]);",
                "widget_" + id.replace(':', '_'), value);
    }

    private void click(WebDriver d, String css) {
        WebElement e = browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /**
     * Puts a dd/MM/yyyy date into a date picker's input, as the text the form submits, without opening its calendar
     * (typing raced the picker's own key handling).
     */
    private void typeIn(WebDriver d, String idSuffix, String text) {
        WebElement input = browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='" + idSuffix + "']")));
        input.clear();
        input.sendKeys(text);
    }
}
