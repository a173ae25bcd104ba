package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A citizen logs in on a phone-sized window through the login page's VNeID button and the identity provider's page
 * (the dev realm vneid), and sees their record and their young child, in Vietnamese, without sideways scrolling;
 * nobody else of the household or the commune. They book a place in a session for the child, send feedback and ask
 * for a new phone number; the station answers and approves on its screen; the citizen reads the answer and the
 * corrected record. Commune 24202 and facility code 38862 are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CitizenPortalBrowserIT {

    private static final String COMMUNE = "24202";
    private static final String STAFF = "cp-staff-24202";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aCitizenLogsInWithVneidOnAPhoneAndSeesTheirRecordAndTheirChildren() throws Exception {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Phường Điện Thoại", "COMMUNE", "phuong", 1);
        long village = Units.ensure(th, COMMUNE + "-01", "Tổ dân phố Một", "VILLAGE", "to_dan_pho", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        Families.Family f = Families.make(Keycloak.token(STAFF), village, "Hà");
        long stationId = Epi.station(th, COMMUNE, "Trạm Y tế phường Điện Thoại", "38862");
        assertEquals(201, Http.post("/api/sessions", Keycloak.token(STAFF), jakarta.json.Json.createObjectBuilder()
                .add("stationId", stationId).add("sessionDate", Epi.today().plusDays(3).toString())
                .add("place", "Nhà văn hóa tổ Một").add("vaccines", jakarta.json.Json.createArrayBuilder().add("OPV"))
                .add("capacity", 20).build()).status());
        Citizens.citizen(f.parentPid(), f.parentPid(), "Hà Văn", "Bố");
        try (Browser browser = Browser.openPhone("vi")) {
            WebDriver driver = browser.driver();
            browser.signInWithVneid(f.parentPid());
            try {
                browser.waitUpTo(Browser.PAGE_WAIT)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".citizen-record")));
            } finally {
                browser.screenshot("citizen-portal-phone");
            }
            assertTrue(driver.getCurrentUrl().startsWith(Browser.APP + "citizen/"), driver.getCurrentUrl());
            assertEquals("Hồ sơ sức khỏe của tôi", driver.findElement(By.id("citizen-title")).getText());
            List<String> names = driver.findElements(By.cssSelector(".citizen-name")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Hà Văn Bố", "Hà Thị Con"), names, "the father, then the household's young child");
            String page = driver.findElement(By.tagName("body")).getText();
            assertFalse(page.contains("Hà Văn Lớn"), "the adult child's record is his to see");
            assertFalse(page.contains("Hàng Xóm"), "nor the neighbours'");
            assertTrue(page.contains("Con trong hộ gia đình"), page);
            assertTrue(page.contains("Mũi tiêm sắp tới"), page);
            long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 1, "no sideways scrolling on a phone: " + overflow + " px too wide");

            driver.findElements(By.cssSelector(".citizen-show-history")).get(0).click();
            browser.waitUpTo(Browser.PAGE_WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".citizen-access")));
            assertTrue(driver.findElements(By.cssSelector(".citizen-access")).stream()
                    .anyMatch(e -> e.getText().contains(f.parentPid())), "the citizen's own reads are listed");
            browser.screenshot("citizen-portal-access-history");

            WebElement child = driver.findElements(By.cssSelector(".citizen-child")).get(0);
            child.findElement(By.cssSelector(".citizen-show-sessions")).click();
            browser.waitUpTo(Browser.PAGE_WAIT)
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".citizen-child .citizen-book")));
            assertTrue(driver.findElement(By.cssSelector(".citizen-child .citizen-session")).getText()
                    .contains("Nhà văn hóa tổ Một"));
            driver.findElement(By.cssSelector(".citizen-child .citizen-book")).click();
            browser.waitUpTo(Browser.PAGE_WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(".citizen-child .citizen-unbook")));
            assertTrue(driver.findElement(By.cssSelector(".citizen-child .citizen-session")).getText()
                    .contains("còn 19"), "one of twenty places taken");

            driver.findElement(By.id("feedback:text")).sendKeys("Xin lịch tiêm của cháu tháng sau");
            driver.findElement(By.id("feedback:send")).click();
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Đã gửi tới trạm y tế."));
            WebElement sent = driver.findElement(By.cssSelector(".citizen-feedback .citizen-sent"));
            assertTrue(sent.getText().contains("Xin lịch tiêm của cháu tháng sau"), sent.getText());
            assertTrue(sent.getText().contains("Đang chờ trả lời"), sent.getText());

            driver.findElement(By.id("change:phone")).sendKeys("0912 000 222");
            driver.findElement(By.id("change:sendChange")).click();
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Đã gửi đề nghị tới trạm y tế."));
            assertTrue(driver.findElement(By.id("changes")).getText().contains("Đang chờ duyệt"));

            try (Browser station = Browser.open("vi")) {
                station.signIn(STAFF);
                WebDriver desk = station.driver();
                desk.get(Browser.APP + "province/feedback.xhtml");
                WebElement draft = station.waitUpTo(Browser.PAGE_WAIT)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-draft")));
                assertTrue(desk.findElement(By.cssSelector(".feedback-text")).getText()
                        .contains("Xin lịch tiêm của cháu tháng sau"));
                draft.sendKeys("Cháu tiêm ngày 12 tại nhà văn hóa");
                desk.findElement(By.cssSelector(".feedback-answer-button")).click();
                station.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "Đã gửi câu trả lời."));
                station.screenshot("feedback-station");
                WebElement approve = desk.findElements(By.cssSelector(".request-approve")).get(0);
                assertTrue(desk.findElement(By.cssSelector(".request-phone")).getText().contains("0912000222"));
                approve.click();
                station.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "Đã duyệt; hồ sơ đã được sửa."));
            }
            driver.get(Browser.APP + "citizen/");
            WebElement answered = browser.waitUpTo(Browser.PAGE_WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".citizen-answer")));
            assertTrue(answered.getText().contains("Cháu tiêm ngày 12 tại nhà văn hóa"), answered.getText());
            assertTrue(driver.findElement(By.id("changes")).getText().contains("Đã duyệt, hồ sơ đã sửa"));
            assertTrue(driver.findElement(By.cssSelector(".citizen-self")).getAttribute("textContent")
                    .contains("0912000222"), "part A of the record (folded) shows the approved phone number");
        }
    }
}
