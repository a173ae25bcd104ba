package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/**
 * A province administrator in Vietnamese uploads a decision's list of commune codes, reads the preview (the ending
 * commune, its heir, the counts before and after), applies it and watches the state turn to applied. Communes 1552x
 * of province 38 are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReorganizationBrowserIT {

    private Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            browser.closeKeepingEvidence("reorg-" + test.getTestMethod().orElseThrow().getName());
            browser = null;
        }
    }

    @Test
    void adminUploadsADecisionPreviewsItAndAppliesIt() throws IOException {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long a = unit(th, "15521", "Xã Tân Lập", "COMMUNE", "xa", 1);
        long b = unit(th, "15522", "Xã Tân Phúc", "COMMUNE", "xa", 1);
        long a1 = unit(th, "15521-01", "Thôn Tân Một", "VILLAGE", "thon", a);
        long b1 = unit(th, "15522-01", "Thôn Phúc Một", "VILLAGE", "thon", b);
        Keycloak.user("reorg-ui-staff", "station-staff", "38", List.of("15521", "15522"));
        String staff = Keycloak.token("reorg-ui-staff");
        People.register(staff, People.person("Đỗ Văn Lập", "MALE", "1980-01-01", People.pid("038", '0', 1980), a1));
        People.register(staff, People.person("Đỗ Thị Phúc", "FEMALE", "1981-01-01", People.pid("038", '1', 1981),
                b1));
        Path file = Files.createTempFile("quyet-dinh-", ".csv");
        Files.writeString(file, "ma_xa_cu,ma_xa_moi,ten_xa_moi,loai\n15521,15521,Phường Tân Lập,phường\n"
                + "15522,15521,Phường Tân Lập,phường\n", StandardCharsets.UTF_8);
        try {
            browser = Browser.open("vi");
            browser.signIn("th-admin");
            WebDriver d = browser.driver();
            d.findElement(By.id("menu-reorganizations")).click();
            browser.waitUpTo(Browser.PAGE_WAIT).until(x -> !x.findElements(By.id("reorg-title")).isEmpty());
            d.findElement(By.id("upload:file_input")).sendKeys(file.toString());
            browser.waitForMessage("Đã nhận tệp");
            browser.typeIn("create:title", "Nghị quyết thử nghiệm giao diện");
            browser.setDate("create:effectiveDate_input",
                    LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            browser.click("[id='create:createDraft']");
            browser.waitForMessage("Đã tạo bản nháp");
            String units = browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class)
                    .until(x -> x.findElements(By.id("units")).isEmpty() ? null : x.findElement(By.id("units")))
                    .getText();
            assertTrue(units.contains("15522") && units.contains("Chấm dứt") && units.contains("→ 15521"), units);
            assertTrue(units.contains("Người dân: 1 →"), units);
            assertTrue(d.findElement(By.id("rules")).getText().contains("điểm trạm"),
                    d.findElement(By.id("rules")).getText());

            browser.click("[id$=':apply']");
            browser.click("[id='list:confirmYes']");
            browser.waitForMessage("Đã bắt đầu áp dụng");
            browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                    x.findElement(By.id("list:reorganizations")).getText().contains("Đã áp dụng"));
        } finally {
            Files.deleteIfExists(file);
        }
        JsonArray found = Http.get("/api/units?q=15521", th).jsonArray();
        assertEquals("Phường Tân Lập", found.getJsonObject(0).getString("name"));
        assertEquals(0, Http.get("/api/reorganizations/counts?communes=15522", th).json().getJsonObject("15522")
                .getInt("PERSONS"));
    }

    private static long unit(String token, String code, String name, String level, String type, long parent) {
        return Units.ensure(token, code, name, level, type, parent, "2020-01-01");
    }
}
