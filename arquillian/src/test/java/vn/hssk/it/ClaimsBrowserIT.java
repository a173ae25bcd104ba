package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.hssk.claims.ClaimEnvelopes;
import vn.hssk.claims.ClaimEnvelopes.Claim;

/**
 * The claim screen in a real browser, in Vietnamese: station staff upload an envelope of two claims, read the report
 * (one written into part D, one waiting), and link the waiting one to a resident from the review list. Commune 25403
 * is this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClaimsBrowserIT {

    private static final String COMMUNE = "25403";
    private static final String STAFF = "cl-ui-staff-25403";

    private Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            browser.closeKeepingEvidence("claims-" + test.getTestMethod().orElseThrow().getName());
            browser = null;
        }
    }

    @Test
    void staffUploadAnEnvelopeReadTheReportAndLinkTheWaitingClaim() throws IOException {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Hồ Sơ Giao Diện", "COMMUNE", "xa", 1);
        long village = Units.ensure(th, COMMUNE + "-01", "Thôn Giao Diện", "VILLAGE", "thon", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        String staff = Keycloak.token(STAFF);
        String pid = People.pid("038", '0', 1975);
        long known = People.id(People.register(staff, People.person("Hà Văn Giao", "MALE", "1975-06-01", pid,
                village)));
        long other = People.id(People.register(staff, People.person("Hà Thị Diện", "FEMALE", "1979-02-03",
                People.pid("038", '1', 1979), village)));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Claim linked = new Claim("UI" + run + "-1");
        linked.facility = "38778";
        linked.name = "Hà Văn Giao";
        linked.personalId = pid;
        linked.birth = "19750601";
        linked.main = "J02";
        Claim waiting = new Claim("UI" + run + "-2");
        waiting.facility = "38778";
        waiting.name = "Hà Thị D.";
        waiting.birth = "19790203";
        waiting.commune = COMMUNE;
        waiting.main = "K29";
        Path file = Files.createTempFile("claims-", ".xml");
        Files.writeString(file, ClaimEnvelopes.envelope("38778", true, linked, waiting), StandardCharsets.UTF_8);
        try {
            browser = Browser.open("vi");
            browser.signIn(STAFF);
            WebDriver d = browser.driver();
            d.findElement(By.id("menu-claims")).click();
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("claims-title")));
            d.findElement(By.id("upload:file_input")).sendKeys(file.toString());
            browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                    !x.findElements(By.id("report-summary")).isEmpty());
            String summary = d.findElement(By.id("report-summary")).getText();
            assertTrue(summary.contains("2 hồ sơ, 1 đã ghi, 1 chờ xem xét"), summary);
            String lines = d.findElement(By.id("lines")).getText();
            assertTrue(lines.contains("Đã ghi vào phần D") && lines.contains("Chờ xem xét"), lines);

            WebElement row = browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                    .until(x -> x.findElements(By.cssSelector("[id='review:waiting_data'] tr")).stream()
                            .filter(r -> r.getText().contains(waiting.key)).findFirst().orElse(null));
            assertTrue(row.getText().contains("Không tìm được người"), row.getText());
            row.findElement(By.cssSelector("input[id$=':person']")).sendKeys(String.valueOf(other));
            row.findElement(By.cssSelector("button[id$=':link']")).click();
            browser.waitForMessage("Đã ghi hồ sơ " + waiting.key + " vào phần D");
        } finally {
            Files.deleteIfExists(file);
        }
        JsonArray visits = Http.get("/api/persons/" + other + "/visits", staff).jsonArray();
        assertEquals(1, visits.size(), visits::toString);
        assertEquals(1, Http.get("/api/persons/" + known + "/visits", staff).jsonArray().size());
    }
}
