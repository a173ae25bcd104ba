package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;
import vn.hssk.imports.PersonColumns.Field;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

class PersonColumnsTest {

    @Test
    void vietnameseHeadersWithDiacriticsMapToTheFields() {
        PersonColumns c = PersonColumns.of(List.of("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số định danh",
                "Mã số BHXH", "Điện thoại", "Mã thôn", "Địa chỉ", "Dân tộc", "Tôn giáo", "Nghề nghiệp"), null);
        assertEquals(1, c.index().get(Field.FULL_NAME));
        assertEquals(2, c.index().get(Field.SEX));
        assertEquals(3, c.index().get(Field.BIRTH_DATE));
        assertEquals(4, c.index().get(Field.PERSONAL_ID));
        assertEquals(5, c.index().get(Field.BHYT_NUMBER));
        assertEquals(6, c.index().get(Field.PHONE));
        assertEquals(7, c.index().get(Field.VILLAGE_CODE));
        assertEquals(8, c.index().get(Field.ADDRESS));
        assertEquals(9, c.index().get(Field.ETHNICITY));
        assertEquals(10, c.index().get(Field.RELIGION));
        assertEquals(11, c.index().get(Field.OCCUPATION));
    }

    @Test
    void englishAndDiacriticFreeHeadersMapAlike() {
        PersonColumns c = PersonColumns.of(List.of("\uFEFFFull_Name", "SEX", "Date of birth", "CCCD", "village code",
                "ho ten dup"), null);
        assertEquals(0, c.index().get(Field.FULL_NAME));
        assertEquals(1, c.index().get(Field.SEX));
        assertEquals(2, c.index().get(Field.BIRTH_DATE));
        assertEquals(3, c.index().get(Field.PERSONAL_ID));
        assertEquals(4, c.index().get(Field.VILLAGE_CODE));
        assertFalse(c.has(Field.PHONE));
        assertNull(c.value(Field.PHONE, List.of("a", "b", "c", "d", "e")));
        assertEquals("x y", c.value(Field.FULL_NAME, List.of("  x y ", "b")));
    }

    @Test
    void thePoliceRegistersSnakeCaseHeadersMapToTheFields() {
        PersonColumns c = PersonColumns.of(List.of("so_dinh_danh", "ho_ten", "gioi_tinh", "ngay_sinh", "so_bhxh",
                "dan_toc", "ma_xa", "thon", "ma_ho", "quan_he_chu_ho", "so_dien_thoai", "dia_chi"), null);
        assertEquals(0, c.index().get(Field.PERSONAL_ID));
        assertEquals(1, c.index().get(Field.FULL_NAME));
        assertEquals(2, c.index().get(Field.SEX));
        assertEquals(3, c.index().get(Field.BIRTH_DATE));
        assertEquals(4, c.index().get(Field.BHYT_NUMBER));
        assertEquals(5, c.index().get(Field.ETHNICITY));
        assertEquals(6, c.index().get(Field.COMMUNE_CODE));
        assertEquals(7, c.index().get(Field.VILLAGE_CODE));
        assertEquals(8, c.index().get(Field.HOUSEHOLD_CODE));
        assertEquals(9, c.index().get(Field.RELATION));
        assertEquals(10, c.index().get(Field.PHONE));
        assertEquals(11, c.index().get(Field.ADDRESS));
    }

    @Test
    void theMappingParameterOverridesAndNamesUnknownHeaders() {
        List<String> headers = List.of("Ho va ten", "Tên khác", "Gioi tinh", "Ngay sinh", "So CCCD", "Ma thon");
        PersonColumns c = PersonColumns.of(headers, "fullName:Tên khác, personalId:so cccd");
        assertEquals(1, c.index().get(Field.FULL_NAME));
        assertEquals(4, c.index().get(Field.PERSONAL_ID));
        ProblemException missing = assertThrows(ProblemException.class,
                () -> PersonColumns.of(headers, "phone:Số máy"));
        assertEquals("mapping", missing.field());
        ProblemException bad = assertThrows(ProblemException.class,
                () -> PersonColumns.of(headers, "height:Ho va ten"));
        assertEquals("mapping", bad.field());
    }

    @Test
    void aRequiredFieldWithoutAColumnIsRefusedNamingIt() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> PersonColumns.of(List.of("Họ tên", "Giới tính", "Ngày sinh"), null));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("villageCode"), e.getMessage());
    }

    @Test
    void sexAndDatesInTheShapesOfTheLists() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(Sex.MALE, PersonValues.sex("Nam", errors));
        assertEquals(Sex.FEMALE, PersonValues.sex("Nữ", errors));
        assertEquals(Sex.FEMALE, PersonValues.sex("female", errors));
        assertEquals(LocalDate.of(1990, 7, 5), PersonValues.date("05/07/1990", errors));
        assertEquals(LocalDate.of(1990, 7, 5), PersonValues.date("1990-07-05", errors));
        assertEquals(LocalDate.of(1990, 7, 5), PersonValues.date("5/7/1990", errors));
        assertEquals(LocalDate.of(1990, 1, 1), PersonValues.date("32874", errors), "an Excel serial day");
        assertEquals(LocalDate.of(1990, 1, 1), PersonValues.date("32874.0", errors));
        assertEquals(LocalDate.of(2000, 2, 29), PersonValues.date("29/02/2000", errors));
        assertTrue(errors.isEmpty(), errors::toString);
        assertNull(PersonValues.sex("X", errors));
        assertNull(PersonValues.date("31/02/1990", errors));
        assertNull(PersonValues.date("29/02/1900", errors));
        assertNull(PersonValues.date("1990-13-01", errors));
        assertNull(PersonValues.date("05/07/90", errors));
        assertEquals(List.of("sex", "birthDate", "birthDate", "birthDate", "birthDate"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aCsvIsReadRowByRowWithSemicolonsAndABom() {
        String csv = "\uFEFFHọ tên;Giới tính\nAn;Nam\n\nBình;Nữ\n";
        List<String> seen = new ArrayList<>();
        PersonFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), PersonFile.Format.CSV,
                new PersonFile.Rows() {
                    @Override
                    public void header(List<String> cells) {
                        seen.add("header " + cells);
                    }

                    @Override
                    public void row(int line, int record, List<String> cells) {
                        seen.add(line + "/" + record + " " + cells);
                    }
                });
        assertEquals(List.of("header [Họ tên, Giới tính]", "2/1 [An, Nam]", "4/2 [Bình, Nữ]"), seen);
    }

    @Test
    void anXlsxSheetIsReadRowByRowWithItsRowNumbers() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("persons");
        ws.value(0, 0, "Họ tên");
        ws.value(0, 1, "Ngày sinh");
        ws.value(1, 0, "An");
        ws.value(1, 1, "05/07/1990");
        ws.value(3, 0, "Bình");
        ws.value(3, 1, "1991-01-02");
        wb.finish();
        List<String> seen = new ArrayList<>();
        PersonFile.read(new ByteArrayInputStream(out.toByteArray()), PersonFile.Format.XLSX, new PersonFile.Rows() {
            @Override
            public void header(List<String> cells) {
                seen.add("header " + cells);
            }

            @Override
            public void row(int line, int record, List<String> cells) {
                seen.add(line + "/" + record + " " + cells);
            }
        });
        assertEquals(List.of("header [Họ tên, Ngày sinh]", "2/1 [An, 05/07/1990]", "4/2 [Bình, 1991-01-02]"), seen);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedNamingTheFile() {
        ProblemException e = assertThrows(ProblemException.class, () -> PersonFile.read(
                new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), PersonFile.Format.XLSX,
                new PersonFile.Rows() {
                    @Override
                    public void header(List<String> cells) {
                    }

                    @Override
                    public void row(int line, int record, List<String> cells) {
                    }
                }));
        assertEquals("file", e.field());
    }
}
