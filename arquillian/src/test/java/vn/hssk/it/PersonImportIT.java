package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import of part-A resident lists through the real API, tokens and database: preview, apply, idempotent
 * re-import, updates, refusal of files with errors, possible duplicates, the commune and province scope, and a 20,000
 * row file; the police population register's shape (village names, households), normalised names, control
 * characters and formulas, encodings, identity conflicts, the full report with physical lines, and the size limit.
 * Communes 17901/17902 and their villages are this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonImportIT {

    private static final String COMMUNE_A = "17901";
    private static final String COMMUNE_B = "17902";
    private static final String STAFF_A = "im-staff-17901";
    private static final String STAFF_92 = "im-staff-92";
    private static final String STAFF_B = "im-staff-17902";
    private static final String URL = "/api/imports/persons";
    private static final String HEADER = "Họ và tên,Giới tính,Ngày sinh,Số định danh,Điện thoại,Mã thôn,Dân tộc\n";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 400_000L));

    private static boolean usersMade;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesVillagesAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = Units.ensure(th, COMMUNE_A, "Xã Nhập A", "COMMUNE", "xa", 1);
        long communeB = Units.ensure(th, COMMUNE_B, "Xã Nhập B", "COMMUNE", "xa", 1);
        Units.ensure(th, COMMUNE_A + "-01", "Thôn Nhập Một", "VILLAGE", "thon", communeA);
        Units.ensure(th, COMMUNE_A + "-02", "Thôn Nhập Hai", "VILLAGE", "thon", communeA);
        Units.ensure(th, COMMUNE_B + "-01", "Thôn Ngoài", "VILLAGE", "thon", communeB);
        Units.ensure(th, COMMUNE_A + "-03", "Thôn Hòa Đông", "VILLAGE", "thon", communeA);
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of("31117"));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            usersMade = true;
        }
    }

    @Test
    void previewWritesNothingAndApplyCreatesWithAudit() throws SQLException {
        String staff = Keycloak.token(STAFF_A);
        String pid1 = pid('0', 1980);
        String pid2 = pid('1', 1992);
        String csv = HEADER + "Nguyễn Văn Nhập " + tag() + ",Nam,05/03/1980," + pid1 + ",0912 000 111,"
                + COMMUNE_A + "-01,Kinh\n"
                + "Lê Thị Nhập " + tag() + ",Nữ,1992-11-20," + pid2 + ",," + COMMUNE_A + "-02,Mường\n";

        JsonObject preview = post(staff, "preview", csv).json();
        assertEquals(2, preview.getInt("total"));
        assertEquals(2, preview.getInt("newRows"), preview::toString);
        assertEquals(false, preview.getBoolean("applied"));
        assertEquals(0, find(staff, pid1).size(), "a preview writes nothing");

        JsonObject applied = post(staff, "apply", csv).json();
        assertEquals(2, applied.getInt("newRows"), applied::toString);
        assertEquals(true, applied.getBoolean("applied"));
        JsonArray found = find(staff, pid1);
        assertEquals(1, found.size());
        assertEquals("0912000111", found.getJsonObject(0).getString("phone"));
        assertEquals(1, find(staff, pid2).size());
        long id = found.getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(1, auditRows(id, "CREATE"), "the creation is audited");
    }

    @Test
    void reimportingTheSameFileCreatesNothingAndAChangedPhoneUpdates() throws SQLException {
        String staff = Keycloak.token(STAFF_A);
        String pid1 = pid('0', 1975);
        String pid2 = pid('1', 1978);
        String name1 = "Trần Văn Lại " + tag();
        String row2 = "Phạm Thị Lại " + tag() + ",Nữ,01/01/1978," + pid2 + ",0987654321," + COMMUNE_A + "-01,Kinh\n";
        String csv = HEADER + name1 + ",Nam,02/02/1975," + pid1 + ",0911111111," + COMMUNE_A + "-01,Kinh\n" + row2;
        assertEquals(2, post(staff, "apply", csv).json().getInt("newRows"));

        JsonObject again = post(staff, "apply", csv).json();
        assertEquals(0, again.getInt("newRows"), again::toString);
        assertEquals(2, again.getInt("unchangedRows"), again::toString);
        assertEquals(1, find(staff, pid1).size(), "re-importing creates nothing new");

        String changed = HEADER.replace(',', ';') + name1 + ";Nam;02/02/1975;" + pid1 + ";0922 222 222;" + COMMUNE_A
                + "-01;Kinh\n" + row2.replace(',', ';');
        JsonObject preview = post(staff, "preview", changed).json();
        assertEquals(1, preview.getInt("updatedRows"), preview::toString);
        JsonObject updatedRow = row(preview, 2);
        assertEquals("UPDATED", updatedRow.getString("outcome"));
        assertEquals(List.of("phone"), updatedRow.getJsonArray("changedFields").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals("0911111111", find(staff, pid1).getJsonObject(0).getString("phone"), "preview writes nothing");

        JsonObject applied = post(staff, "apply", changed).json();
        assertEquals(1, applied.getInt("updatedRows"));
        assertEquals(1, applied.getInt("unchangedRows"));
        JsonObject person = find(staff, pid1).getJsonObject(0);
        assertEquals("0922222222", person.getString("phone"));
        assertEquals(1, auditRows(person.getJsonNumber("id").longValue(), "UPDATE"), "the update is audited");

        Http.Answer report = Http.send(URL + "?mode=preview", staff, "text/csv", changed, "text/csv");
        assertEquals(200, report.status(), report::toString);
        assertTrue(report.contentType().startsWith("text/csv"), report::toString);
        assertTrue(report.body().startsWith("line,record,personal_id,full_name,outcome"), report.body());
        assertTrue(report.body().contains("\n2,1," + pid1 + ",,UNCHANGED,"), "unchanged rows are listed compactly: "
                + report.body());
    }

    @Test
    void rowsWithErrorsRefuseTheWholeFileUnlessOnlyValidRowsAreAsked() {
        String staff = Keycloak.token(STAFF_A);
        String good = pid('0', 1960);
        String csv = HEADER + "Đỗ Văn Tốt " + tag() + ",Nam,10/10/1960," + good + ",," + COMMUNE_A + "-01,\n"
                + "Đỗ Văn Sai " + tag() + ",Nam,10/10/1960," + pid('1', 1960) + ",," + COMMUNE_A + "-01,\n"
                + "Đỗ Văn Ngày " + tag() + ",Nam,31/02/1960," + pid('0', 1960) + ",," + COMMUNE_A + "-01,\n"
                + "Đỗ Văn Ngoài " + tag() + ",Nam,10/10/1960," + pid('0', 1960) + ",," + COMMUNE_B + "-01,\n"
                + "Đỗ Văn Máy " + tag() + ",Nam,10/10/1960," + pid('0', 1960) + ",123," + COMMUNE_A + "-01,\n";
        Http.Answer refused = post(staff, "apply", csv);
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.isProblem(), refused::toString);
        JsonObject report = refused.json().getJsonObject("report");
        assertEquals(4, report.getInt("errorRows"), report::toString);
        assertEquals(false, report.getBoolean("applied"));
        assertEquals("personalId", firstErrorField(row(report, 3)));
        assertEquals("birthDate", firstErrorField(row(report, 4)));
        assertEquals("villageCode", firstErrorField(row(report, 5)), "a village of another commune is an error");
        assertEquals("phone", firstErrorField(row(report, 6)));
        assertEquals("Date of birth must be dd/MM/yyyy or yyyy-MM-dd, not '31/02/1960'", firstError(row(report, 4))
                .getString("message"));
        assertEquals(0, find(staff, good).size(), "nothing of a refused file is written");

        Http.Answer refusedVi = Http.send(URL + "?mode=apply", staff, "text/csv", csv, "application/json", "vi");
        assertEquals(422, refusedVi.status(), refusedVi::toString);
        assertTrue(refusedVi.json().getString("detail").startsWith("4 trên 5 dòng có lỗi; chưa ghi dòng nào."),
                refusedVi::toString);
        JsonObject dateVi = firstError(row(refusedVi.json().getJsonObject("report"), 4));
        assertEquals("Ngày sinh phải theo dạng dd/MM/yyyy hoặc yyyy-MM-dd, không phải “31/02/1960”",
                dateVi.getString("message"));
        assertEquals("import.birthDate", dateVi.getString("code"));
        String csvVi = Http.send(URL + "?mode=preview", staff, "text/csv", csv, "text/csv", "vi").body();
        assertTrue(csvVi.startsWith("line,record,personal_id,full_name,outcome"), csvVi);
        assertTrue(csvVi.contains("birthDate: Ngày sinh phải theo dạng dd/MM/yyyy hoặc yyyy-MM-dd, không phải"
                + " “31/02/1960”"), "the row report in Vietnamese: " + csvVi);
        assertTrue(csvVi.contains("Chữ số thứ 4 của số định danh"), csvVi);
        String csvEn = Http.send(URL + "?mode=preview", staff, "text/csv", csv, "text/csv").body();
        assertTrue(csvEn.contains("birthDate: Date of birth must be dd/MM/yyyy or yyyy-MM-dd, not '31/02/1960'"),
                "the row report in English: " + csvEn);

        JsonObject partial = Http.send(URL + "?mode=apply&validOnly=true", staff, "text/csv", csv,
                "application/json").json();
        assertEquals(1, partial.getInt("newRows"), partial::toString);
        assertEquals(4, partial.getInt("errorRows"));
        assertEquals(1, find(staff, good).size(), "validOnly applies the good rows");
    }

    @Test
    void anIdHeldInAnotherCommuneIsRefusedWithoutSayingWhereAndBadIdsAndFutureBirthsAtTheirFields() {
        String pid = pid('1', 1969);
        String holderName = "Kha Thị Chủ " + tag();
        assertEquals(1, post(Keycloak.token(STAFF_B), "apply", HEADER + holderName + ",Nữ,09/09/1969," + pid + ",,"
                + COMMUNE_B + "-01,\n").json().getInt("newRows"));
        String staff = Keycloak.token(STAFF_A);
        String future = java.time.LocalDate.now().plusDays(3).format(java.time.format.DateTimeFormatter
                .ofPattern("dd/MM/yyyy"));
        String csv = HEADER + "Kha Thị Khác " + tag() + ",Nữ,09/09/1969," + pid + ",," + COMMUNE_A + "-01,\n"
                + "Kha Văn Ngắn " + tag() + ",Nam,09/09/1969,12345,," + COMMUNE_A + "-01,\n"
                + "Kha Văn Sau " + tag() + ",Nam," + future + ",,," + COMMUNE_A + "-01,\n";
        JsonObject report = Http.send(URL + "?mode=preview", staff, "text/csv", csv, "application/json", "vi")
                .json();
        JsonObject held = firstError(row(report, 2));
        assertEquals("personalId", held.getString("field"));
        assertEquals("personalId.unavailable", held.getString("code"));
        assertEquals("Không thể dùng số định danh này cho hồ sơ tại đây; trường hợp đã được chuyển Sở Y tế xem xét.",
                held.getString("message"));
        assertFalse(report.toString().contains(holderName) || report.toString().contains(COMMUNE_B + "-"),
                report::toString);
        JsonObject shortId = firstError(row(report, 3));
        assertEquals("personalId", shortId.getString("field"));
        assertEquals("personalId.length", shortId.getString("code"), "the import took 12345 before issue 12");
        JsonObject futureBirth = firstError(row(report, 4));
        assertEquals("birthDate", futureBirth.getString("field"));
        assertEquals("future", futureBirth.getString("code"));
        assertEquals("Ngày sinh: không được là ngày trong tương lai", futureBirth.getString("message"));
    }

    @Test
    void aPersonalIdRepeatedInTheFileNamesItsFirstLineInTheCallersLanguage() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid('0', 1961);
        String csv = HEADER + "Đỗ Văn Một " + tag() + ",Nam,11/11/1961," + pid + ",," + COMMUNE_A + "-01,\n"
                + "Đỗ Văn Hai " + tag() + ",Nam,11/11/1961," + pid + ",," + COMMUNE_A + "-02,\n";
        JsonObject repeated = firstError(row(post(staff, "preview", csv).json(), 3));
        assertEquals("The personal ID is also on line 2", repeated.getString("message"));
        JsonObject repeatedVi = firstError(row(Http.send(URL + "?mode=preview", staff, "text/csv", csv,
                "application/json", "vi").json(), 3));
        assertEquals("Số định danh cá nhân này cũng có ở dòng 2", repeatedVi.getString("message"));
        assertEquals("import.personalIdRepeated", repeatedVi.getString("code"));
        assertEquals("personalId", repeatedVi.getString("field"));
    }

    @Test
    void aSameNameAndBirthDateUnderAnotherIdIsListedAsPossibleDuplicate() {
        String staff = Keycloak.token(STAFF_A);
        String name = "Vũ Thị Trùng " + tag();
        String first = pid('1', 1988);
        assertEquals(1, post(staff, "apply", HEADER + name + ",Nữ,07/07/1988," + first + ",," + COMMUNE_A
                + "-01,\n").json().getInt("newRows"));
        String other = pid('1', 1988);
        JsonObject report = post(staff, "apply", HEADER + name.toUpperCase() + ",Nữ,07/07/1988," + other + ",,"
                + COMMUNE_A + "-02,\n").json();
        assertEquals(1, report.getInt("duplicateRows"), report::toString);
        JsonObject row = row(report, 2);
        assertEquals("DUPLICATE", row.getString("outcome"));
        assertEquals(find(staff, first).getJsonObject(0).getJsonNumber("id").longValue(),
                row.getJsonArray("similarPersons").getJsonNumber(0).longValue());
        assertEquals(0, find(staff, other).size(), "a possible duplicate is not created");
        JsonObject existing = row.getJsonArray("others").getJsonObject(0);
        assertEquals(name, existing.getString("fullName"), "both records are listed for review: " + row);
        assertEquals("1988-07-07", existing.getString("birthDate"));

        String twin = "Vũ Văn Sinh Đôi " + tag();
        JsonObject twins = post(staff, "preview", HEADER + twin + ",Nam,03/03/1990," + pid('0', 1990) + ",,"
                + COMMUNE_A + "-01,\n" + twin + ",Nam,03/03/1990," + pid('0', 1990) + ",," + COMMUNE_A + "-02,\n")
                .json();
        JsonObject second = row(twins, 3);
        assertEquals("DUPLICATE", second.getString("outcome"), twins::toString);
        assertEquals(2, second.getJsonArray("others").getJsonObject(0).getInt("line"), "the first row is named");
    }

    @Test
    void onlyStationStaffImportAndOtherProvincesDoNotSeeTheImportedPersons() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid('0', 1970);
        String csv = HEADER + "Hoàng Văn Riêng " + tag() + ",Nam,01/06/1970," + pid + ",," + COMMUNE_A + "-01,\n";
        assertEquals(403, post(Keycloak.token("th-admin"), "preview", csv).status());
        assertEquals(403, post(Keycloak.token("national-admin"), "preview", csv).status());
        assertEquals(1, post(staff, "apply", csv).json().getInt("newRows"));
        long id = find(staff, pid).getJsonObject(0).getJsonNumber("id").longValue();

        String other = Keycloak.token(STAFF_92);
        assertEquals(404, Http.get("/api/persons/" + id, other).status());
        assertEquals(0, find(other, pid).size());
        assertEquals(0, find(Keycloak.token("ct-admin"), pid).size());
        JsonObject theirs = post(other, "preview", csv).json();
        assertEquals(1, theirs.getInt("errorRows"), "another province's staff cannot use this village");
        assertEquals("villageCode", firstErrorField(row(theirs, 2)));
    }

    @Test
    void aFileOfTwentyThousandRowsImports() {
        String staff = Keycloak.token(STAFF_A);
        int rows = 20_000;
        String run = tag();
        int base = SEQUENCE.addAndGet(rows + 1) % 1_000_000;
        StringBuilder csv = new StringBuilder("ho ten;gioi tinh;ngay sinh;cccd;ma so bhxh;dien thoai;ma thon\n");
        for (int i = 0; i < rows; i++) {
            int year = 1940 + i % 60;
            boolean male = i % 2 == 0;
            csv.append("Người Số ").append(run).append(' ').append(letters(i)).append(';')
                    .append(male ? "Nam" : "Nữ").append(';')
                    .append(String.format("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, year)).append(';')
                    .append("002").append(male ? '0' : '1').append(String.format("%02d", year % 100))
                    .append(String.format("%06d", (base + i) % 1_000_000)).append(';')
                    .append(String.format("%010d", 4_000_000_000L + base + i)).append(';')
                    .append("09").append(String.format("%08d", base + i)).append(';')
                    .append(COMMUNE_A).append(i % 2 == 0 ? "-01" : "-02").append('\n');
        }
        long start = System.nanoTime();
        Http.Answer answer = post(staff, "apply", csv.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, answer.status(), () -> answer.toString().substring(0, 2000));
        JsonObject report = answer.json();
        assertEquals(rows, report.getInt("total"));
        assertEquals(rows, report.getInt("newRows"), () -> report.toString().substring(0, 2000));
        assertEquals(0, report.getJsonArray("rows").size(), "NEW rows without warnings are counted, not listed");
        System.out.printf("PersonImportIT: %d rows applied in %.1f s = %.0f rows/s%n", rows, seconds,
                rows / seconds);
    }

    private static final String POLICE = "so_dinh_danh,ho_ten,gioi_tinh,ngay_sinh,so_bhxh,dan_toc,ma_xa,thon,ma_ho,"
            + "quan_he_chu_ho,so_dien_thoai,dia_chi\n";

    @Test
    void aPoliceRegisterListWithVillageNamesAndHouseholdsImports() {
        String staff = Keycloak.token(STAFF_A);
        String household = "HO-" + tag();
        String head = pid('0', 1970);
        String wife = pid('1', 1972);
        String child = pid('2', 2001);
        String alone = pid('1', 1985);
        String bhxh = String.format("%010d", 3_000_000_000L + SEQUENCE.incrementAndGet());
        String t = tag();
        String csv = POLICE
                + head + ",Lê Văn Chủ " + t + ",Nam,01/01/1970," + bhxh + ",Kinh," + COMMUNE_A + ",Thôn Hòa Đông,"
                + household + ",Chủ hộ,0912345678,Số 5 đường làng\n"
                + wife + ",Trần Thị Vợ " + t + ",Nữ,02/02/1972,,Kinh," + COMMUNE_A + ",Thôn Hoà Đông," + household
                + ",Vợ,,Số 5 đường làng\n"
                + child + ",Lê Văn Con " + t + ",Nam,03/03/2001,,Kinh," + COMMUNE_A + ",hoà đông," + household
                + ",Con,,\n"
                + alone + ",Phạm Thị Một " + t + ",Nữ,04/04/1985,,Mường," + COMMUNE_A + ",Nhập Hai,,,,\n"
                + pid('0', 1980) + ",Đỗ Văn Lạc " + t + ",Nam,05/05/1980,,Kinh," + COMMUNE_A + ",Thôn Không Có,,,,\n"
                + pid('0', 1981) + ",Đỗ Văn Xa " + t + ",Nam,06/06/1981,,Kinh," + COMMUNE_B + ",Thôn Ngoài,,,,\n";
        JsonObject preview = post(staff, "preview", csv).json();
        assertEquals(4, preview.getInt("newRows"), preview::toString);
        assertEquals(2, preview.getInt("errorRows"), preview::toString);
        JsonObject unknown = firstError(row(preview, 6));
        assertEquals("villageCode", unknown.getString("field"));
        assertTrue(unknown.getString("message").contains("Thôn Không Có"), unknown::toString);
        assertEquals("communeCode", firstErrorField(row(preview, 7)), "ma_xa must be one of the caller's communes");

        JsonObject applied = Http.send(URL + "?mode=apply&validOnly=true", staff, "text/csv", csv,
                "application/json").json();
        assertEquals(4, applied.getInt("newRows"), applied::toString);
        JsonObject h = find(staff, head).getJsonObject(0);
        assertEquals(COMMUNE_A + "-03", h.getString("villageCode"), "Thôn Hòa Đông by name");
        assertEquals(bhxh, h.getString("bhytNumber"), "so_bhxh lands in the BHXH number");
        assertEquals("Số 5 đường làng", h.getString("address"), "dia_chi lands in the address");
        assertEquals("HEAD", h.getString("relationToHead"));
        JsonObject w = find(staff, wife).getJsonObject(0);
        JsonObject c = find(staff, child).getJsonObject(0);
        assertEquals(COMMUNE_A + "-03", w.getString("villageCode"), "Hoà Đông in the other tone style");
        assertEquals(COMMUNE_A + "-03", c.getString("villageCode"), "lower case, without the type word");
        assertEquals("SPOUSE", w.getString("relationToHead"));
        assertEquals("CHILD", c.getString("relationToHead"));
        long householdId = h.getJsonNumber("householdId").longValue();
        assertEquals(householdId, w.getJsonNumber("householdId").longValue(), "the wife joins the household");
        assertEquals(householdId, c.getJsonNumber("householdId").longValue());
        assertEquals(COMMUNE_A + "-02", find(staff, alone).getJsonObject(0).getString("villageCode"));
        JsonObject single = find(staff, alone).getJsonObject(0);
        assertTrue(!single.containsKey("householdId") || single.isNull("householdId"), single::toString);

        Http.Answer got = Http.get("/api/households/" + householdId, staff);
        assertEquals(200, got.status(), got::toString);
        JsonObject hh = got.json();
        assertEquals(household, hh.getString("code"));
        assertEquals("Lê Văn Chủ " + t, hh.getString("headName"));
        assertEquals(3, hh.getInt("memberCount"), hh::toString);
        JsonArray members = hh.getJsonArray("members");
        assertEquals(List.of("HEAD", "SPOUSE", "CHILD"), members.getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("relation")).toList());
        assertEquals(h.getJsonNumber("id").longValue(), members.getJsonObject(0).getJsonNumber("personId")
                .longValue(), "each member is linked to their record");

        String later = pid('2', 2010);
        JsonObject joins = post(staff, "apply", POLICE + later + ",Lê Văn Út " + t + ",Nam,07/07/2010,,Kinh,"
                + COMMUNE_A + ",Hòa Đông," + household + ",Con,,\n").json();
        assertEquals(1, joins.getInt("newRows"), joins::toString);
        assertEquals(householdId, find(staff, later).getJsonObject(0).getJsonNumber("householdId").longValue(),
                "a later list joins the existing household");
        assertEquals(4, Http.get("/api/households/" + householdId, staff).json().getInt("memberCount"));
    }

    @Test
    void namesAreStoredNfcSingleSpacedAndTrimmedAndAReimportIsUnchanged() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid('1', 1979);
        String t = tag();
        String typed = java.text.Normalizer.normalize("  Nguyễn   Thị  Hoà " + t + " ",
                java.text.Normalizer.Form.NFD);
        String csv = POLICE + pid + ",\"" + typed + "\",Nữ,09/09/1979,,Kinh," + COMMUNE_A + ",Thôn Nhập Một,,,,\n";
        assertEquals(1, post(staff, "apply", csv).json().getInt("newRows"));
        String stored = find(staff, pid).getJsonObject(0).getString("fullName");
        assertEquals(java.text.Normalizer.normalize("Nguyễn Thị Hoà " + t, java.text.Normalizer.Form.NFC), stored);
        JsonObject again = post(staff, "apply", csv).json();
        assertEquals(1, again.getInt("unchangedRows"), again::toString);
        assertEquals(0, again.getInt("updatedRows"));
    }

    @Test
    void controlCharactersAndFormulasAreRefusedAtTheirField() {
        String staff = Keycloak.token(STAFF_A);
        String t = tag();
        String[][] rows = {
            {"Lê Văn\u0000 Nul " + t, "Kinh"}, {"Lê Văn\u001B[31m Esc " + t, "Kinh"},
            {"Lê Văn\tTab " + t, "Kinh"}, {"\"Lê Văn\nXuống Dòng " + t + "\"", "Kinh"},
            {"\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Lê Văn A\"\")\"", "Kinh"},
            {"Lê Văn Cmd " + t, "=cmd|' /C calc'!A0"}, {"+Lê Văn Cộng " + t, "Kinh"},
            {"-Lê Văn Trừ " + t, "Kinh"}, {"@Lê Văn A " + t, "Kinh"}};
        StringBuilder csv = new StringBuilder(POLICE);
        for (String[] r : rows) {
            csv.append(pid('0', 1990)).append(',').append(r[0]).append(",Nam,01/01/1990,,").append(r[1]).append(',')
                    .append(COMMUNE_A).append(",Thôn Nhập Một,,,,\n");
        }
        JsonObject report = post(staff, "preview", csv.toString()).json();
        assertEquals(rows.length, report.getInt("errorRows"), report::toString);
        List<String> expected = List.of("fullName import.controlCharacter", "fullName import.controlCharacter",
                "fullName import.controlCharacter", "fullName import.controlCharacter", "fullName import.formula",
                "ethnicity import.formula", "fullName import.formula", "fullName import.formula",
                "fullName import.formula");
        int line = 2;
        for (int i = 0; i < rows.length; i++) {
            JsonObject error = firstError(row(report, line));
            assertEquals(expected.get(i), error.getString("field") + " " + error.getString("code"), error::toString);
            line += i == 3 ? 2 : 1;
        }
        String reportCsv = Http.send(URL + "?mode=preview", staff, "text/csv", csv.toString(), "text/csv").body();
        assertTrue(reportCsv.contains(",\"'=HYPERLINK("), "the report neutralises the formula: " + reportCsv);
        assertTrue(!reportCsv.contains(",\"=HYPERLINK(") && !reportCsv.contains(",=HYPERLINK("), reportCsv);
    }

    @Test
    void aWindows1258FileIsRefusedSayingHowToSaveItThenReadInTheChosenEncoding() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid('0', 1966);
        String name = "Trần Văn Hưởng " + tag();
        byte[] file = windows1258(POLICE + pid + "," + name + ",Nam,06/06/1966,,Kinh," + COMMUNE_A
                + ",Thôn Hòa Đông,,,,Xóm Đình\n");
        Http.Answer refused = postBytes(URL + "?mode=apply", staff, file, "vi");
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.isProblem(), refused::toString);
        assertEquals("file", refused.json().getString("field"));
        assertTrue(refused.json().getString("detail").contains("CSV UTF-8"), refused::toString);
        assertTrue(refused.json().getString("detail").startsWith("Tệp không ở mã hóa UTF-8"), refused::toString);
        Http.Answer refusedEn = postBytes(URL + "?mode=preview", staff, file, null);
        assertTrue(refusedEn.json().getString("detail").contains("save it again as \"CSV UTF-8"), refusedEn::toString);
        assertEquals(0, find(staff, pid).size(), "nothing is written from a file read wrongly");

        Http.Answer applied = postBytes(URL + "?mode=apply&encoding=windows-1258", staff, file, null);
        assertEquals(200, applied.status(), applied::toString);
        assertEquals(1, applied.json().getInt("newRows"), applied::toString);
        JsonObject person = find(staff, pid).getJsonObject(0);
        assertEquals(name, person.getString("fullName"), "decoded and composed to NFC, no replacement character");
        assertEquals("Xóm Đình", person.getString("address"));
        assertEquals(400, postBytes(URL + "?mode=preview&encoding=latin-9", staff, file, null).status());
    }

    @Test
    void anIdentityConflictIsListedWithTheExistingRecordAndNeverApplied() {
        String staff = Keycloak.token(STAFF_A);
        String pid = pid('0', 1950);
        String name = "Hoàng Văn Gốc " + tag();
        assertEquals(1, post(staff, "apply", HEADER + name + ",Nam,01/05/1950," + pid + ",0912000222," + COMMUNE_A
                + "-01,Kinh\n").json().getInt("newRows"));
        String other = "Hoàng Văn Khác " + tag();
        String csv = HEADER + other + ",Nam,01/05/1950," + pid + ",0933000333," + COMMUNE_A + "-01,Tày\n";
        JsonObject report = post(staff, "apply", csv).json();
        assertEquals(1, report.getInt("conflictRows"), report::toString);
        assertEquals(0, report.getInt("updatedRows"));
        JsonObject row = row(report, 2);
        assertEquals("CONFLICT", row.getString("outcome"));
        assertEquals("import.identityConflict", row.getJsonArray("errors").getJsonObject(0).getString("code"));
        JsonObject existing = row.getJsonArray("others").getJsonObject(0);
        assertEquals(name, existing.getString("fullName"));
        assertEquals("1950-05-01", existing.getString("birthDate"));
        assertEquals("MALE", existing.getString("sex"));
        JsonObject person = find(staff, pid).getJsonObject(0);
        assertEquals(name, person.getString("fullName"), "a different person never replaces the record");
        assertEquals("0912000222", person.getString("phone"));
        assertEquals("Kinh", person.getString("ethnicity"));

        JsonObject same = post(staff, "apply", HEADER + name.toUpperCase() + ",Nam,01/05/1950," + pid + ",,"
                + COMMUNE_A + "-01,\n").json();
        assertEquals(1, same.getInt("unchangedRows"), "the same person in capitals, blanks add nothing: " + same);
        JsonObject corrected = post(staff, "apply", HEADER + name + ",Nam,01/05/1950," + pid + ",0944000444,"
                + COMMUNE_A + "-01,\n").json();
        assertEquals(1, corrected.getInt("updatedRows"), corrected::toString);
        assertEquals("0944000444", find(staff, pid).getJsonObject(0).getString("phone"));
        assertEquals("Kinh", find(staff, pid).getJsonObject(0).getString("ethnicity"), "a blank cell clears nothing");
    }

    @Test
    void theFullReportOfSixThousandRowsListsEveryRefusedRowFirstWithItsPhysicalLine() {
        String staff = Keycloak.token(STAFF_A);
        int rows = 6_000;
        String run = tag();
        int base = SEQUENCE.addAndGet(rows + 1) % 1_000_000;
        StringBuilder csv = new StringBuilder(POLICE);
        int line = 2;
        java.util.Map<Integer, Integer> refusedLines = new java.util.LinkedHashMap<>();
        StringBuilder again = new StringBuilder(POLICE);
        for (int i = 0; i < rows; i++) {
            int year = 1940 + i % 60;
            boolean male = i % 2 == 0;
            boolean refused = i % 600 == 599;
            boolean multiLine = i % 7 == 0;
            String row = "002" + (male ? '0' : '1') + String.format("%02d", year % 100)
                    + String.format("%06d", (base + i) % 1_000_000) + ",Người Báo Cáo " + run + " " + letters(i)
                    + "," + (male ? "Nam" : "Nữ") + "," + String.format("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, year)
                    + ",,Kinh," + COMMUNE_A + "," + (i % 2 == 0 ? "Thôn Nhập Một" : "Nhập Hai") + ",,,,"
                    + (multiLine ? "\"Số " + i + "\nĐường " + i + "\"" : "") + "\n";
            csv.append(row);
            again.append(refused ? row.replace(",Kinh,", ",=1+1,") : row);
            if (refused) {
                refusedLines.put(line, i + 1);
            }
            line += multiLine ? 2 : 1;
        }
        JsonObject applied = post(staff, "apply", csv.toString()).json();
        assertEquals(rows, applied.getInt("newRows"), () -> applied.toString().substring(0, 2000));

        JsonObject report = post(staff, "preview", again.toString()).json();
        assertEquals(rows, report.getInt("total"));
        assertEquals(refusedLines.size(), report.getInt("errorRows"));
        assertEquals(rows - refusedLines.size(), report.getInt("unchangedRows"), () -> report.toString()
                .substring(0, 2000));
        JsonArray listed = report.getJsonArray("rows");
        assertEquals(rows, listed.size(), "no row is left out of the report");
        int k = 0;
        for (java.util.Map.Entry<Integer, Integer> refused : refusedLines.entrySet()) {
            JsonObject r = listed.getJsonObject(k++);
            assertEquals("ERROR", r.getString("outcome"), r::toString);
            assertEquals(refused.getKey().intValue(), r.getInt("line"), "the physical line: " + r);
            assertEquals(refused.getValue().intValue(), r.getInt("record"), r::toString);
            assertEquals("ethnicity", r.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertEquals("UNCHANGED", listed.getJsonObject(k).getString("outcome"));
        assertEquals(0, report.getInt("unlistedRows"));
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413NamingTheLimit() {
        String staff = Keycloak.token(STAFF_A);
        long limit = 200L * 1024 * 1024;
        byte[] line = ("Người Quá Lớn,Nam,01/01/1990,," + COMMUNE_A + "-01\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Http.APP + URL + "?mode=preview"))
                .timeout(Duration.ofSeconds(300)).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        if (sent > limit) {
                            return -1;
                        }
                        return line[(int) (sent++ % line.length)] & 0xff;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (sent > limit) {
                            return -1;
                        }
                        int n = (int) Math.min(len, limit + 1 - sent);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = line[(int) (sent++ % line.length)];
                        }
                        return n;
                    }
                })).build();
        Http.Answer answer = send(request);
        assertEquals(413, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertEquals("Tệp lớn hơn giới hạn nhập 200 MB; hãy chia thành các tệp nhỏ hơn",
                answer.json().getString("detail"));
        assertEquals("file", answer.json().getString("field"));
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Http.Answer postBytes(String url, String token, byte[] body, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.APP + url)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return send(b.build());
    }

    private static Http.Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Text as Windows-1258 (older Excel, Vietnamese) writes it: letters with circumflex, breve or horn precomposed,
     * the five tones as combining marks after them.
     */
    static byte[] windows1258(String text) {
        java.nio.charset.Charset cp = java.nio.charset.Charset.forName("windows-1258");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i <= decomposed.length(); i++) {
            char c = i < decomposed.length() ? decomposed.charAt(i) : '\0';
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
            if (mark && "\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
                tones.append(c);
            } else if (mark) {
                base.append(c);
            } else {
                out.writeBytes(java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFC).getBytes(cp));
                out.writeBytes(tones.toString().getBytes(cp));
                base.setLength(0);
                tones.setLength(0);
                if (i < decomposed.length()) {
                    base.append(c);
                }
            }
        }
        return out.toByteArray();
    }

    private static Http.Answer post(String token, String mode, String csv) {
        return Http.send(URL + "?mode=" + mode, token, "text/csv", csv, "application/json");
    }

    private static JsonArray find(String token, String pid) {
        Http.Answer a = Http.get("/api/persons?q=" + URLEncoder.encode(pid, StandardCharsets.UTF_8), token);
        assertEquals(200, a.status(), a::toString);
        return a.jsonArray();
    }

    private static JsonObject row(JsonObject report, int line) {
        JsonArray rows = report.getJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getJsonObject(i).getInt("line") == line) {
                return rows.getJsonObject(i);
            }
        }
        throw new AssertionError("no row for line " + line + " in " + report);
    }

    private static String firstErrorField(JsonObject row) {
        return firstError(row).getString("field");
    }

    private static JsonObject firstError(JsonObject row) {
        assertEquals("ERROR", row.getString("outcome"), row::toString);
        return row.getJsonArray("errors").getJsonObject(0);
    }

    private static int auditRows(long personId, String action) throws SQLException {
        try (Connection c = Tenants.root(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                + " hssk_t38.audit_event WHERE entity_type = 'Person' AND entity_id = ? AND action = ?"
                + " AND context = 'import'")) {
            ps.setLong(1, personId);
            ps.setString(2, action);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A fresh personal ID of province prefix 001 (kept apart from the other test classes' 038). */
    private static String pid(char centuryDigit, int year) {
        return "001" + centuryDigit + String.format("%02d", year % 100)
                + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    private static String tag() {
        return letters(SEQUENCE.incrementAndGet());
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }

}
