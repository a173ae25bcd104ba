package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.People.id;
import static vn.hssk.it.People.person;
import static vn.hssk.it.People.pid;
import static vn.hssk.it.People.register;

import jakarta.json.JsonObject;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Station staff review possible duplicates in a real browser: the pair is listed, compared side by side with the
 * differing values marked, merged after a confirmation (the duplicate is voided and points at the survivor, which
 * took the duplicate's BHYT number) and the merge is undone from the recent merges. Commune 17720 is this test's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DuplicatesBrowserIT {

    private static final String COMMUNE = "17720";
    private static final String STAFF = "db-staff-17720";

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
        long commune = Units.commune(th, COMMUNE, "Xã Rà Soát Trùng");
        village = Units.village(th, COMMUNE + "-01", "Thôn Đối Chiếu", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("duplicates"));
        } finally {
            browser.close();
        }
    }

    @Test
    void stationStaffCompareMergeAndUndoAPairOfRecords() {
        String staff = Keycloak.token(STAFF);
        String unique = String.format("%05d", Math.floorMod(System.nanoTime(), 100_000L));
        String name = "Hoàng Văn Trùng " + unique;
        String bhyt = "38000" + unique;
        long survivor = id(register(staff, person(name, "MALE", "1970-04-05", pid("038", '0', 1970), village)));
        long duplicate = id(register(staff, person(name, "MALE", "1970-04-05", pid("038", '0', 1970), village)
                .add("bhytNumber", bhyt)));

        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-duplicates")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pairs:table"), name));
        d.findElement(By.cssSelector("[id='pairs:table'] tbody tr button[id$=':compare']")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("compare:panel")));
        String differing = d.findElement(By.id("compare:fields")).findElements(By.className("hssk-differs"))
                .stream().map(e -> e.getText()).reduce("", String::concat);
        assertTrue(differing.contains(bhyt), "the BHYT number differs: " + differing);

        d.findElement(By.id("compare:merge")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã gộp hồ sơ"));
        JsonObject merged = Http.get("/api/persons/" + duplicate, staff).json();
        assertTrue(merged.getBoolean("voided"));
        assertEquals(survivor, merged.getJsonNumber("mergedIntoId").longValue());
        assertEquals(bhyt, Http.get("/api/persons/" + survivor, staff).json().getString("bhytNumber"),
                "the survivor had no BHYT number, so it keeps the duplicate's");

        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='merges:table'] tbody tr button[id$=':undo']"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã hoàn tác"));
        assertFalse(Http.get("/api/persons/" + duplicate, staff).json().getBoolean("voided"));
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pairs:table"), name));
    }
}
