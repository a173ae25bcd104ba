package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.imports.DoseColumns.Field;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

class DoseColumnsTest {

    @Test
    void theNationalSystemsSnakeCaseHeadersMapToTheFields() {
        DoseColumns c = DoseColumns.of(List.of("stt", "so_dinh_danh", "ho_ten", "ngay_sinh", "ma_vac_xin", "mui",
                "ngay_tiem", "ma_co_so", "so_lo"), null);
        assertEquals(1, c.index().get(Field.PERSONAL_ID));
        assertEquals(2, c.index().get(Field.FULL_NAME));
        assertEquals(4, c.index().get(Field.VACCINE));
        assertEquals(5, c.index().get(Field.DOSE));
        assertEquals(6, c.index().get(Field.DATE));
        assertEquals(7, c.index().get(Field.FACILITY));
        assertEquals(8, c.index().get(Field.LOT));
        assertFalse(c.has(Field.OVERRIDE_REASON));
    }

    @Test
    void vietnameseHeadersWithDiacriticsAndEnglishHeadersMapAlike() {
        DoseColumns vi = DoseColumns.of(List.of("Số định danh", "Họ và tên", "Mã vắc xin", "Mũi", "Ngày tiêm",
                "Mã cơ sở", "Số lô"), null);
        DoseColumns en = DoseColumns.of(List.of("\uFEFFPersonal_ID", "Full name", "VACCINE", "Dose", "Date",
                "Facility", "Lot"), null);
        assertEquals(vi.index(), en.index());
        assertEquals(6, en.index().get(Field.LOT));
    }

    @Test
    void aListWithoutTheNameOrLotStillMaps() {
        DoseColumns c = DoseColumns.of(List.of("personal_id", "vaccine", "dose", "date", "facility"), "");
        assertFalse(c.has(Field.FULL_NAME));
        assertFalse(c.has(Field.LOT));
        assertEquals(null, c.raw(Field.LOT, List.of("1", "2", "3", "4", "5")));
        assertEquals("5", c.raw(Field.FACILITY, List.of("1", "2", "3", "4", "5")));
    }

    @Test
    void aMissingRequiredColumnIsRefusedAtTheFileNamingThem() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> DoseColumns.of(List.of("so_dinh_danh", "ho_ten", "mui"), null));
        FieldError error = e.errors().get(0);
        assertEquals("file", error.field());
        assertEquals("import.doseMissingColumns", error.code());
        assertEquals(List.of("vaccine, date, facility"), error.args());
    }

    @Test
    void anExplicitMappingNamesHeadersAndWinsOverDetection() {
        DoseColumns c = DoseColumns.of(List.of("CCCD", "Loại vắc xin", "Lần", "Ngày", "Nơi tiêm", "Mũi"),
                "dose:Lần, date:Ngay, facility:noi tiem");
        assertEquals(0, c.index().get(Field.PERSONAL_ID));
        assertEquals(1, c.index().get(Field.VACCINE));
        assertEquals(2, c.index().get(Field.DOSE), "the mapping wins over the header 'Mũi'");
        assertEquals(3, c.index().get(Field.DATE));
        assertEquals(4, c.index().get(Field.FACILITY));
        assertTrue(c.index().values().stream().distinct().count() == c.index().size(), "one field per column");
    }

    @Test
    void aMappingToAColumnTheFileLacksOrAMalformedOneIsRefusedAtTheMapping() {
        List<String> header = List.of("so_dinh_danh", "ma_vac_xin", "mui", "ngay_tiem", "ma_co_so");
        FieldError missing = assertThrows(ProblemException.class,
                () -> DoseColumns.of(header, "lot:So lo vac xin")).errors().get(0);
        assertEquals("mapping", missing.field());
        assertEquals("import.mappingColumn", missing.code());
        FieldError malformed = assertThrows(ProblemException.class,
                () -> DoseColumns.of(header, "birthDate:ngay_sinh")).errors().get(0);
        assertEquals("mapping", malformed.field());
        assertEquals("import.doseMapping", malformed.code());
        assertEquals(List.of("birthDate:ngay_sinh"), malformed.args());
    }
}
