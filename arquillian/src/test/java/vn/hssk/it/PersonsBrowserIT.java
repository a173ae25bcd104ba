package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Station staff work the personal records screen in a real browser: they register a person through the dialog and
 * find them again by the name typed without diacritics, and a wrong personal ID is refused at its input, while an ID
 * whose province prefix is unknown is saved with a warning; they give a newborn's provisional record its ID and void a
 * record with a reason. A commune chair reads the same record, in English, without
 * a way to change it. Commune codes 17800–17899 belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonsBrowserIT {

    private static final String COMMUNE = "17801";
    private static final String STAFF = "pb-staff-17801";
    private static final String CHAIR = "pb-chair-17801";

    private Browser browser;
    private long village;
    private String unique;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeVillageAndStaff() throws IOException {
        Tenants.ensure("38", "Thanh Hóa", "th-admin");
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Trình Duyệt Hồ Sơ", "COMMUNE", "xa", 1);
        village = Units.ensure(th, COMMUNE + "-01", "Thôn Màn Hình", "VILLAGE", "thon", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        browser = Browser.open();
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            browser.screenshot(test.getTestMethod().map(Method::getName).orElse("persons"));
        } finally {
            browser.close();
        }
    }

    @Test
    void stationStaffRegisterAPersonAndFindThemByTheNameWithoutDiacritics() {
        String staff = Keycloak.token(STAFF);
        String other = "Lê Văn Khác " + unique;
        assertEquals(201, Http.post("/api/persons", staff, Json.createObjectBuilder().add("fullName", other)
                .add("sex", "MALE").add("birthDate", "1980-03-02").add("villageId", village)
                .add("personalId", "038080" + unique).build()).status());
        String name = "Nguyễn Thị Ánh Tuyết " + unique;
        String pid = "038190" + unique;

        WebDriver d = openScreen();
        startRegistration(d);
        type(d, "person:fullName", name);
        choose(d, "person:sex_input", "FEMALE");
        type(d, "person:personalId", pid);
        type(d, "person:bhytNumber", "GD4380123456789");
        choose(d, "person:ethnicity_input", "Kinh");
        type(d, "person:phone", "0912 345 678");
        choose(d, "person:villageId_input", String.valueOf(village));
        typeDate(d, "person:birthDate_input", "15/07/1990");
        d.findElement(By.id("person:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã đăng ký " + name));

        JsonArray stored = Http.get("/api/persons?q=" + pid, staff).jsonArray();
        assertEquals(1, stored.size(), stored::toString);
        JsonObject p = stored.getJsonObject(0);
        assertEquals(name, p.getString("fullName"));
        assertEquals("FEMALE", p.getString("sex"));
        assertEquals("1990-07-15", p.getString("birthDate"), "the picker's dd/MM/yyyy is the day typed");
        assertEquals("0123456789", p.getString("bhytNumber"));
        assertEquals("0912345678", p.getString("phone"));
        assertEquals(village, p.getJsonNumber("villageId").longValue());

        d.findElement(By.cssSelector("[id='personDialog'] .ui-dialog-titlebar-close")).click();
        type(d, "search:query", "nguyen thi anh tuyet " + unique);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                names(x).equals(List.of(name)));
        String row = d.findElement(By.cssSelector("[id='persons:table'] tbody tr")).getText();
        assertTrue(row.contains("15/07/1990") && row.contains(pid) && row.contains("Thôn Màn Hình"), row);

        type(d, "search:query", "le van khac " + unique);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                names(x).equals(List.of(other)));
    }

    @Test
    void theRegistrationFormMarksRequiredFieldsOffersTheCatalogsAndPutsThePersonInAHouseholdOfTheVillage() {
        String staff = Keycloak.token(STAFF);
        String code = "FS-" + unique;
        Http.Answer household = Http.post("/api/households", staff, Json.createObjectBuilder().add("code", code)
                .add("villageId", village).add("headName", "Trần Văn Chủ Hộ").build());
        assertEquals(201, household.status(), household::toString);
        long householdId = household.json().getJsonNumber("id").longValue();

        WebDriver d = openScreen();
        startRegistration(d);
        for (String field : List.of("fullName", "sex", "birthDate", "villageId")) {
            WebElement label = d.findElement(By.cssSelector("label[for^='person:" + field + "']"));
            assertTrue(label.getText().endsWith("*"), field + " is marked required: " + label.getText());
        }
        assertTrue(!d.findElement(By.cssSelector("label[for^='person:phone']")).getText().endsWith("*"),
                "an optional field has no star");
        assertEquals("dd/MM/yyyy", d.findElement(By.id("person:birthDate_input")).getDomAttribute("placeholder"));
        List<String> ethnicities = options(d, "person:ethnicity_input");
        assertTrue(ethnicities.size() > 54 && ethnicities.contains("Kinh") && ethnicities.contains("Mường")
                && ethnicities.contains("Rơ-măm"), "the 54 ethnic groups: " + ethnicities);
        assertTrue(options(d, "person:religion_input").contains("Phật giáo"));

        d.findElement(By.id("person:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                x.findElement(By.id("messages")).getText().contains("Họ và tên: Vui lòng nhập"));

        String name = "Đỗ Thị Hộ Gia " + unique;
        type(d, "person:fullName", name);
        choose(d, "person:sex_input", "FEMALE");
        choose(d, "person:ethnicity_input", "Mường");
        choose(d, "person:religion_input", "Phật giáo");
        type(d, "person:personalId", "038191" + unique);
        // Opened like a user does, then chosen through the menu's widget, which fires the change a user's choice
        // fires (setting the hidden select, as choose() does, would not make the screen offer the households).
        d.findElement(By.id("person:villageId")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "[id='person:villageId_panel'] li[data-label^='Thôn Màn Hình']")));
        ((JavascriptExecutor) d).executeScript("var w = PrimeFaces.getWidgetById('person:villageId');"
                + " var items = w.items || w.panel.find('.ui-selectonemenu-item');"
                + " w.selectItem(items.filter(function () {"
                + " return (this.getAttribute('data-label') || '').indexOf('Thôn Màn Hình') === 0; }));"
                + " w.hide();");
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                options(x, "person:householdId_input").stream().anyMatch(o -> o.startsWith(code)));
        choose(d, "person:householdId_input", String.valueOf(householdId));
        choose(d, "person:relationToHead_input", "SPOUSE");
        typeDate(d, "person:birthDate_input", "20/03/1991");
        d.findElement(By.id("person:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã đăng ký " + name));
        JsonObject p = query(staff, name).getJsonObject(0);
        assertEquals("Mường", p.getString("ethnicity"));
        assertEquals("Phật giáo", p.getString("religion"));
        assertEquals(householdId, p.getJsonNumber("householdId").longValue());
        assertEquals("SPOUSE", p.getString("relationToHead"));
    }

    private static List<String> options(WebDriver d, String selectId) {
        return d.findElement(By.id(selectId)).findElements(By.tagName("option")).stream()
                .map(o -> o.getDomProperty("textContent").trim()).toList();
    }

    @Test
    void aWrongPersonalIdIsShownAtItsInputAndAnUnknownProvinceOnlyWarns() {
        String staff = Keycloak.token(STAFF);
        String name = "Phạm Văn Sai Số " + unique;
        WebDriver d = openScreen();
        startRegistration(d);
        type(d, "person:fullName", name);
        choose(d, "person:sex_input", "MALE");
        choose(d, "person:villageId_input", String.valueOf(village));
        type(d, "person:personalId", "038185" + unique);
        typeDate(d, "person:birthDate_input", "01/02/1985");
        d.findElement(By.id("person:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            String cls = x.findElement(By.id("person:personalId")).getDomAttribute("class");
            return cls != null && cls.contains("ui-state-error");
        });
        String message = d.findElement(By.cssSelector("[id='person:personalId'] + .ui-message, "
                + "[id='person:personalId'] ~ .ui-message")).getText();
        assertTrue(message.contains("Chữ số thứ 4") && message.contains("nữ"), "said in Vietnamese: " + message);
        assertTrue(query(staff, name).isEmpty(), "nothing was registered");
        for (String field : List.of("person:fullName", "person:birthDate_input")) {
            String cls = d.findElement(By.id(field)).getDomAttribute("class");
            assertFalse(cls != null && cls.contains("ui-state-error"), field + " is fine: " + cls);
        }

        type(d, "person:personalId", "003085" + unique);
        d.findElement(By.id("person:save")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã đăng ký " + name));
        String warning = d.findElement(By.cssSelector("[id='messages'] .ui-messages-warn")).getText();
        assertTrue(warning.contains("003"), warning);
        assertEquals(1, query(staff, name).size(), "the unknown province only warned");
    }

    @Test
    void aCommuneChairReadsTheRecordWithoutChangingItInEnglish() {
        String name = "Đỗ Thị Chỉ Đọc " + unique;
        assertEquals(201, Http.post("/api/persons", Keycloak.token(STAFF), Json.createObjectBuilder()
                .add("fullName", name).add("sex", "FEMALE").add("birthDate", "1975-12-31")
                .add("villageId", village).add("personalId", "038175" + unique).build()).status());
        Keycloak.user(CHAIR, "commune-chair", "38", List.of(COMMUNE));
        WebDriver d = openScreen(CHAIR);
        d.findElement(By.cssSelector("a[lang='en']")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("persons-title"), "Personal health records"));
        assertTrue(d.findElements(By.id("search:add")).isEmpty(), "a commune chair registers no one");
        type(d, "search:query", "do thi chi doc " + unique);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                names(x).equals(List.of(name)));
        d.findElement(By.cssSelector("[id='persons:table'] tbody tr button")).click();
        WebElement fullName = browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("person:fullName")));
        assertEquals(name, fullName.getDomProperty("value"));
        assertEquals("true", fullName.getDomProperty("disabled"), "read only for a commune chair");
        assertEquals("31/12/1975", d.findElement(By.id("person:birthDate_input")).getDomProperty("value"));
        assertTrue(d.findElements(By.id("person:save")).isEmpty() && d.findElements(By.id("voidPerson")).isEmpty(),
                "no save and no void for a commune chair");
        assertTrue(d.findElement(By.id("personDialog")).getText().contains("Part B – History and risk factors"));
    }

    @Test
    void stationStaffIdentifyANewbornAndVoidTheRecordWithAReason() {
        String staff = Keycloak.token(STAFF);
        String name = "Bé Trai Sơ Sinh " + unique;
        LocalDate born = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(20);
        Http.Answer created = Http.post("/api/persons", staff, Json.createObjectBuilder().add("fullName", name)
                .add("sex", "MALE").add("birthDate", born.toString()).add("villageId", village).build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        String pid = "0382" + String.format("%02d", born.getYear() % 100) + unique;

        WebDriver d = openScreen();
        type(d, "search:query", "be trai so sinh " + unique);
        d.findElement(By.id("search:find")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                names(x).equals(List.of(name)));
        assertTrue(d.findElement(By.cssSelector("[id='persons:table'] tbody tr")).getText().contains("Tạm thời"));
        d.findElement(By.cssSelector("[id='persons:table'] tbody tr button")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("identify:personalId"))).sendKeys(pid);
        press(d, "identify:identifyButton");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), pid));
        assertEquals(pid, Http.get("/api/persons/" + id, staff).json().getString("personalId"));

        browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("voidPerson:reason"))).sendKeys("Trùng hồ sơ");
        press(d, "voidPerson:voidButton");
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Đã hủy hồ sơ của " + name));
        JsonObject voided = Http.get("/api/persons/" + id, staff).json();
        assertTrue(voided.getBoolean("voided"), voided::toString);
        assertEquals("Trùng hồ sơ", voided.getString("voidReason"));
        assertTrue(d.findElements(By.id("person:save")).isEmpty(), "a voided record is not edited");
        assertTrue(names(d).isEmpty(), "a voided record leaves the search results: " + names(d));
    }

    private WebDriver openScreen() {
        return openScreen(STAFF);
    }

    private WebDriver openScreen(String user) {
        browser.signIn(user);
        WebDriver d = browser.driver();
        d.findElement(By.id("menu-persons")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("persons:table")));
        return d;
    }

    private void startRegistration(WebDriver d) {
        d.findElement(By.id("search:add")).click();
        browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("person:fullName")));
    }

    private static List<String> names(WebDriver d) {
        return d.findElements(By.cssSelector("[id='persons:table'] .person-name")).stream()
                .map(WebElement::getText).toList();
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement input = d.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Types a date into a date picker last, then closes its calendar so that it covers no other input. */
    private static void typeDate(WebDriver d, String id, String text) {
        type(d, id, text);
        d.findElement(By.id(id)).sendKeys(Keys.TAB);
        d.findElement(By.cssSelector("[id='person'] h3")).click();
    }

    /** Clicks a button that may lie below the fold of a tall dialog, as a user scrolls to it first. */
    private static void press(WebDriver d, String id) {
        WebElement button = d.findElement(By.id(id));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    /** Chooses an option of a PrimeFaces select menu through its hidden native select, as the widget itself does. */
    private static void choose(WebDriver d, String selectId, String value) {
        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                selectId, value);
    }

    private static JsonArray query(String token, String text) {
        return Http.get("/api/persons?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), token).jsonArray();
    }

}
