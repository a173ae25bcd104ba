package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * row file. Communes 17901/17902 and their villages are this class's.
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
        assertTrue(report.body().startsWith("line,personal_id,full_name,outcome"), report.body());
        assertTrue(report.body().contains(pid1 + "," + name1 + ",UNCHANGED"), report.body());
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
        assertTrue(csvVi.startsWith("line,personal_id,full_name,outcome"), csvVi);
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
