package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A national administrator merges one province into another from the provinces screen, in a real browser: the dry
 * run's report in Vietnamese, the confirmation, the merge's progress in the list until it is done, and the absorbed
 * province shown as merged into the survivor. Provinces 66 and 52 belong to this test alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantMergeBrowserIT {

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
    void nationalAdministratorTriesAMergeThenRunsItAndWatchesItEnd() {
        for (String[] p : List.of(new String[] {"66", "Đắk Lắk", "dlk"}, new String[] {"52", "Gia Lai", "gla"})) {
            Tenants.ensure(p[0], p[1], p[2] + "-admin");
            Keycloak.user(p[2] + "-padmin", "province-admin", p[0], null);
            String admin = Keycloak.token(p[2] + "-padmin");
            long commune = Units.commune(admin, p[0] + "101", "Xã Ea " + p[0]);
            long village = Units.village(admin, p[0] + "101-01", "Buôn Một", commune);
            Keycloak.user(p[2] + "-staff", "station-staff", p[0], List.of(p[0] + "101"));
            Epi.newborn(Keycloak.token(p[2] + "-staff"), "Bé Trên Màn Hình", Epi.today().minusMonths(1), village);
        }

        session.signIn("national-admin");
        new WebDriverWait(browser, Browser.PAGE_WAIT).until(d -> !d.findElements(By.id("merge:dryRun")).isEmpty());
        session.choose("merge:absorbed", "66");
        session.choose("merge:into", "52");
        session.click("[id='merge:dryRun']");
        String report = new WebDriverWait(browser, Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id("merge:dryReport")).stream().map(e -> e.getText())
                        .filter(t -> !t.isBlank()).findFirst().orElse(null));
        assertTrue(report.contains("Chạy thử: sáp nhập 66 vào 52") && report.contains("Số dòng sẽ chép")
                && report.contains("Đối chiếu danh mục theo mã"), report);

        session.click("[id='merge:start']");
        session.click(".ui-confirmdialog-yes");
        session.waitForMessage("Đã bắt đầu lần sáp nhập số");
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("merge:merges")).getText().contains("66 → 52")
                        && d.findElements(By.cssSelector("[id='merge:merges_data'] tr.merge-done")).size() > 0);

        browser.navigate().refresh();
        String merged = new WebDriverWait(browser, Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[id='list:tenants_data'] tr.tenant-MERGED")).stream()
                        .map(e -> e.getText()).filter(t -> t.contains("Đắk Lắk")).findFirst().orElse(null));
        assertTrue(merged.contains("Đã sáp nhập") && merged.contains("Đã sáp nhập vào 52 (Gia Lai)"), merged);
    }
}
