package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The care screens in a real browser, in Vietnamese: station staff make the care list of a village and see each
 * household's dues, open a grandfather found by his diagnosis and enrol him for hypertension, record a pregnant
 * woman's follow-up (blood pressure and glucose written the Vietnamese way), and the commune chair's dashboard counts
 * the enrolments. Commune 20014 is this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CareBrowserIT {

    private static final String COMMUNE = "20014";
    private static final String STAFF = "care-ui-staff-20014";
    private static final String CHAIR = "care-ui-chair-20014";

    private Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            browser.closeKeepingEvidence("care-" + test.getTestMethod().orElseThrow().getName());
            browser = null;
        }
    }

    @Test
    void staffFollowTheVillagesHouseholdsAndTheChairCountsThem() throws IOException {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Chăm Sóc Giao Diện", "COMMUNE", "xa", 1);
        String suffix = String.format("%02d", 10 + Math.floorMod(System.nanoTime(), 89));
        long village = Units.ensure(th, COMMUNE + "-" + suffix, "Thôn Giao Diện " + suffix, "VILLAGE", "thon",
                commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        Keycloak.user(CHAIR, "commune-chair", "38", List.of(COMMUNE));
        String staff = Keycloak.token(STAFF);
        LocalDate today = Epi.today();
        JsonArray before = Http.get("/api/care/counts?commune=" + commune, Keycloak.token(CHAIR)).jsonArray();
        Http.Answer h = Http.post("/api/households", staff, Json.createObjectBuilder()
                .add("code", "CSUI-" + Math.floorMod(System.nanoTime(), 1_000_000L)).add("villageId", village)
                .add("headName", "Cao Văn Ông").build());
        long household = h.json().getJsonNumber("id").longValue();
        LocalDate grandBorn = today.minusYears(70);
        long grandfather = Families.person(staff, "Cao Văn Ông", "MALE", grandBorn, Families.pid(true, grandBorn),
                village, household, "HEAD");
        assertEquals(201, Http.post("/api/persons/" + grandfather + "/visits", staff, Json.createObjectBuilder()
                .add("visitDate", today.minusMonths(3).toString()).add("examiner", "BS. Lê Văn Khám")
                .add("diagnoses", Json.createArrayBuilder().add("I10")).build()).status());
        LocalDate motherBorn = today.minusYears(28);
        long mother = Families.person(staff, "Cao Thị Mẹ", "FEMALE", motherBorn, Families.pid(false, motherBorn),
                village, household, "CHILD");
        assertEquals(201, Http.post("/api/care/persons/" + mother + "/enrolments", staff, Json.createObjectBuilder()
                .add("programme", "ANC").add("enrolledOn", today.minusDays(35).toString()).build()).status());

        browser = Browser.open("vi");
        browser.signIn(STAFF);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-care")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("care-title")));
        browser.choose("careList:village", String.valueOf(village));
        browser.click("[id='careList:show']");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("care-summary")));
        String list = d.findElement(By.id("careList:result")).getText();
        assertTrue(list.contains("Cao Văn Ông") && list.contains("Tăng huyết áp (chưa quản lý)"), list);
        assertTrue(!list.contains("Khám sức khỏe người cao tuổi"), "seen three months ago, this year: " + list);
        assertTrue(list.contains("Cao Thị Mẹ") && list.contains("Quản lý thai") && list.contains("Quá hạn"), list);
        assertTrue(list.contains("Số hộ: 1 · Số người: 2"), list);
        String missed = d.findElement(By.id("careList:missed")).getText();
        assertTrue(missed.contains("Cao Thị Mẹ") && !missed.contains("Cao Văn Ông"), "enrolled and late: " + missed);

        d.findElements(By.cssSelector("a.care-member")).stream().filter(a -> a.getText().contains("Cao Văn Ông"))
                .findFirst().orElseThrow().click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("care-person")));
        browser.choose("enrol:programme", "HTN");
        browser.click("[id='enrol:save']");
        browser.waitForMessage("Đã đăng ký quản lý");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("enrolments:table")).getText().contains("Tăng huyết áp"));

        d.get(Browser.APP + "care/person.xhtml?person=" + mother);
        browser.click("button.care-follow-up-button");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("followUp:bpSystolic_input")));
        browser.typeIn("followUp:bpSystolic_input", "118");
        browser.typeIn("followUp:bpDiastolic_input", "76");
        browser.typeIn("followUp:glucoseMmol_input", "5,4");
        browser.click("[id='followUp:save']");
        browser.waitForMessage("Đã ghi lần theo dõi");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("enrolments:table")).getText().contains("118/76 mmHg · 5,4 mmol/L"));
        JsonObject visit = Http.get("/api/persons/" + mother + "/visits", staff).jsonArray().getJsonObject(0);
        assertEquals(118, visit.getInt("bpSystolic"), "the follow-up is a part D visit");
        browser.close();

        browser = Browser.open("vi");
        browser.signIn(CHAIR);
        browser.driver().get(Browser.APP + "province/dashboard.xhtml?commune=" + COMMUNE);
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("care-counts-title")));
        String counts = browser.driver().findElement(By.id("dashboard:careCounts")).getText();
        String htn = "Tăng huyết áp " + (CareIT.count(before, "HTN", "enrolled") + 1) + " "
                + CareIT.count(before, "HTN", "missed") + " "
                + CareIT.count(before, "HTN", "followUpsThisMonth");
        String anc = "Quản lý thai " + (CareIT.count(before, "ANC", "enrolled") + 1) + " "
                + CareIT.count(before, "ANC", "missed") + " "
                + (CareIT.count(before, "ANC", "followUpsThisMonth") + 1);
        assertTrue(counts.contains(htn) && counts.contains(anc), counts + " has " + htn + " and " + anc);
    }
}
