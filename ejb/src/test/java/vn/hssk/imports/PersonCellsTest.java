package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.imports.PersonColumns.Field;
import vn.hssk.shared.ProblemException.FieldError;

class PersonCellsTest {

    private static final PersonColumns COLUMNS = PersonColumns.of(List.of("ho_ten", "gioi_tinh", "ngay_sinh", "thon",
            "so_dien_thoai", "dia_chi", "dan_toc"), null);

    private static String refusedCode(Field field, String cell) {
        FieldError e = PersonCells.refusal(field, cell);
        return e == null ? null : e.field() + " " + e.code();
    }

    @Test
    void namesWithControlCharactersAreRefusedAtTheirField() {
        assertEquals("fullName import.controlCharacter", refusedCode(Field.FULL_NAME, "An\u0000"));
        assertEquals("fullName import.controlCharacter", refusedCode(Field.FULL_NAME, "An\u001B[31m"));
        assertEquals("fullName import.controlCharacter", refusedCode(Field.FULL_NAME, "An\tBình"));
        assertEquals("fullName import.controlCharacter", refusedCode(Field.FULL_NAME, "An\nBình"));
        assertEquals("fullName import.controlCharacter", refusedCode(Field.FULL_NAME, "Tr\uFFFDn V\uFFFDn"));
        assertNull(refusedCode(Field.ADDRESS, "Số 1\nĐường 2"), "an address may span lines");
        assertEquals("address import.controlCharacter", refusedCode(Field.ADDRESS, "Số 1\u0007"));
    }

    @Test
    void cellsThatStartAsAFormulaAreRefusedAtTheirField() {
        assertEquals("fullName import.formula", refusedCode(Field.FULL_NAME, "=HYPERLINK(\"http://x\",\"An\")"));
        assertEquals("ethnicity import.formula", refusedCode(Field.ETHNICITY, "=cmd|' /C calc'!A0"));
        assertEquals("fullName import.formula", refusedCode(Field.FULL_NAME, " +An"));
        assertEquals("fullName import.formula", refusedCode(Field.FULL_NAME, "-An"));
        assertEquals("address import.formula", refusedCode(Field.ADDRESS, "@SUM(1)"));
        assertEquals("phone import.formula", refusedCode(Field.PHONE, "=1+1"));
        assertNull(refusedCode(Field.PHONE, "+84 912 345 678"), "an international phone number is a number");
        assertNull(refusedCode(Field.FULL_NAME, "Nguyễn Văn A-B"));
    }

    @Test
    void keptValuesAreNfcSingleSpacedAndTrimmed() {
        List<FieldError> errors = new ArrayList<>();
        String typed = "  " + Normalizer.normalize("Trần   Thị  Hoà", Normalizer.Form.NFD) + " ";
        PersonCells cells = new PersonCells(COLUMNS, List.of(typed, "Nữ", "01/02/1990", "Thôn Hòa Đông", "", "", ""),
                errors);
        assertEquals("Trần Thị Hoà", cells.text(Field.FULL_NAME));
        assertTrue(Normalizer.isNormalized(cells.text(Field.FULL_NAME), Normalizer.Form.NFC));
        assertNull(cells.text(Field.PHONE));
        assertNull(cells.text(Field.BHYT_NUMBER), "no such column");
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void relationsAsRegistersWriteThem() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(MemberRelation.HEAD, PersonValues.relation("Chủ hộ", errors));
        assertEquals(MemberRelation.SPOUSE, PersonValues.relation("Vợ", errors));
        assertEquals(MemberRelation.CHILD, PersonValues.relation("con", errors));
        assertEquals(MemberRelation.CHILD_IN_LAW, PersonValues.relation("Con dâu", errors));
        assertEquals(MemberRelation.GRANDCHILD, PersonValues.relation("CHAU", errors));
        assertEquals(MemberRelation.SIBLING, PersonValues.relation("SIBLING", errors));
        assertNull(PersonValues.relation(null, errors));
        assertTrue(errors.isEmpty(), errors::toString);
        assertNull(PersonValues.relation("hàng xóm", errors));
        assertEquals("relationToHead", errors.get(0).field());
    }

    @Test
    void theSamePersonAgreesInFoldedNameBirthDateAndSex() {
        java.time.LocalDate born = java.time.LocalDate.of(1980, 1, 2);
        assertTrue(PersonValues.sameIdentity("Trần Văn Hoà", Sex.MALE, born, "TRẦN  VĂN HÒA", Sex.MALE, born));
        assertEquals(false, PersonValues.sameIdentity("Trần Văn Hoà", Sex.MALE, born, "Lê Văn Hoà", Sex.MALE, born));
        assertEquals(false, PersonValues.sameIdentity("An", Sex.MALE, born, "An", Sex.FEMALE, born));
        assertEquals(false, PersonValues.sameIdentity("An", Sex.MALE, born, "An", Sex.MALE, born.plusDays(1)));
    }
}
