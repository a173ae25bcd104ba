package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A province administrator opens the administrative tree in a real browser, opens the province's node, and imports a
 * code list: preview first (nothing written, every line's outcome shown), then writing it, after which the new
 * commune stands in the tree. Commune codes 18900–18999 belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnitsBrowserIT {

    private Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void open() throws IOException {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("units"));
        } finally {
            browser.close();
        }
    }

    @Test
    void provinceAdministratorImportsACodeListThroughTheTreeScreen() throws IOException {
        WebDriver d = browser.driver();
        browser.signIn("th-admin");
        d.findElement(By.id("menu-units")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("tree:units")));
        assertTrue(d.findElement(By.id("tree:units")).getText().contains("Thanh Hóa"));

        Path file = Files.createTempFile("units-", ".csv");
        Files.writeString(file, "mã,tên,loại,mã cha,hiệu lực từ\n18901,Xã Trình Duyệt,xã,38,\n"
                + "18901-01,Thôn Ảnh Chụp,thôn,18901,\n189,Xã Sai,xã,38,\n18902,Xã Sẽ Đóng,xã,38,01/07/2025\n",
                StandardCharsets.UTF_8);
        d.findElement(By.id("import:file_input")).sendKeys(file.toString());
        d.findElement(By.id("import:preview")).click();
        String summary = browser.waitUpTo(Browser.PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-summary"))).getText();
        assertTrue(summary.contains("3") && summary.contains("1"), summary);
        assertTrue(d.findElement(By.id("import:rows")).getText().contains("five digits"),
                "the bad line says why: " + d.findElement(By.id("import:rows")).getText());
        assertTrue(!d.findElement(By.id("tree:units")).getText().contains("Xã Trình Duyệt"), "a preview writes nothing");

        d.findElement(By.id("import:validOnly")).findElement(By.cssSelector(".ui-chkbox-box")).click();
        d.findElement(By.id("import:apply")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "3"));
        d.findElement(By.cssSelector("[id='tree:units'] .ui-treetable-toggler")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("tree:units"), "Xã Trình Duyệt"));
        Files.deleteIfExists(file);

        d.findElement(By.xpath("//tr[.//span[contains(@class,'unit-name') and text()='Xã Sẽ Đóng']]//button")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("closing:confirm"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Xã Sẽ Đóng"));
        d.findElement(By.cssSelector("[id='tree:units'] .ui-treetable-toggler")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("tree:units"), "Xã Trình Duyệt"));
        assertTrue(!d.findElement(By.id("tree:units")).getText().contains("Xã Sẽ Đóng"),
                "a unit closed yesterday is not in today's tree");

        d.findElement(By.id("tree:query")).sendKeys("thon anh chup");
        d.findElement(By.id("tree:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("tree:found"), "Thôn Ảnh Chụp"));
    }

    @Test
    void usersOfASuspendedProvinceGetTheForbiddenPage() {
        Tenants.ensure("11", "Điện Biên", "dbi-admin");
        Keycloak.user("dbi-user", "province-admin", "11", null);
        String national = Keycloak.token("national-admin");
        assertTrue(Http.post("/api/tenants/11/suspend", national, null).status() == 200);
        try {
            browser.signIn("dbi-user");
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Điện Biên"));
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(page.contains("suspended") && !page.contains("Xã "), page);
        } finally {
            Http.post("/api/tenants/11/resume", national, null);
        }
    }
}
