package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.immunization.AgeSpan;
import vn.hssk.immunization.DoseSource;
import vn.hssk.immunization.ScheduleCheck;
import vn.hssk.immunization.ScheduleDose;
import vn.hssk.immunization.ScheduleDoseDetails;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineDetails;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException.FieldError;

class DoseLineTest {

    private static final DoseColumns COLUMNS = DoseColumns.of(List.of("so_dinh_danh", "ho_ten", "ma_vac_xin", "mui",
            "ngay_tiem", "ma_co_so", "so_lo"), null);

    private static DoseLine read(String... cells) {
        return DoseLine.read(COLUMNS, List.of(cells));
    }

    private static List<String> fields(DoseLine line) {
        return line.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRowReadsItsValues() {
        DoseLine d = read(" 038224000123 ", "Nguyễn  Văn An", "bcg", "Mũi 1", "05/03/2024", "38001", "LOT-7");
        assertEquals(List.of(), d.errors());
        assertEquals("038224000123", d.personalId());
        assertEquals("Nguyễn Văn An", d.fullName());
        assertEquals("bcg", d.vaccine());
        assertEquals(1, d.doseNumber());
        assertEquals(LocalDate.of(2024, 3, 5), d.givenOn());
        assertEquals("38001", d.facilityCode());
        assertEquals("LOT-7", d.lot());
        assertNull(d.overrideReason());
    }

    @Test
    void doseNumbersAreReadAsListsWriteThem() {
        for (String written : List.of("2", "02", "Mũi 2", "mũi thứ 2", "MUI 2", "dose 2", "Liều 2", "2.0")) {
            assertEquals(2, DoseLine.doseNumber(written, new ArrayList<>()), written);
        }
        List<FieldError> errors = new ArrayList<>();
        assertNull(DoseLine.doseNumber("hai", errors));
        assertEquals("dose", errors.get(0).field());
        assertEquals("import.doseNumber", errors.get(0).code());
        assertEquals(List.of("hai"), errors.get(0).args());
    }

    @Test
    void datesAreReadAsResidentListsWriteThemAndAMalformedOneIsAnErrorAtDate() {
        assertEquals(LocalDate.of(2024, 3, 5), DoseLine.date("2024-03-05", new ArrayList<>()));
        assertEquals(LocalDate.of(2024, 3, 5), DoseLine.date("5/3/2024", new ArrayList<>()));
        List<FieldError> errors = new ArrayList<>();
        assertNull(DoseLine.date("31/02/2024", errors));
        assertEquals("date", errors.get(0).field());
        assertEquals("import.doseDate", errors.get(0).code());
    }

    @Test
    void missingValuesAreRequiredAtTheirFieldsAndTheNameAndLotAreNot() {
        DoseLine d = read("", "", "", " ", "", "", "");
        assertEquals(List.of("personalId", "vaccine", "dose", "date", "facility"), fields(d));
        assertTrue(d.errors().stream().allMatch(e -> e.code().equals("required")
                && e.args().equals(List.of(e.field()))));
    }

    @Test
    void aRowShorterThanTheHeaderLacksItsLastValues() {
        DoseLine d = read("038224000123", "An", "BCG", "1", "05/03/2024");
        assertEquals(List.of("facility"), fields(d));
    }

    @Test
    void controlCharactersAndFormulasAreRefusedAtTheirFieldOnce() {
        DoseLine d = read("038224000123", "An", "=HYPERLINK(\"x\")", "1", "05/03/2024", "38001", "A\u0000B");
        assertEquals(List.of("vaccine", "lot"), fields(d));
        assertEquals("import.formula", d.errors().get(0).code());
        assertEquals("import.controlCharacter", d.errors().get(1).code());
        assertNull(d.vaccine());
    }

    @Test
    void aLotLongerThanItsPlaceIsRefused() {
        DoseLine d = read("038224000123", "An", "BCG", "1", "05/03/2024", "38001", "L".repeat(41));
        assertEquals(List.of("lot"), fields(d));
        assertEquals("tooLong", d.errors().get(0).code());
    }

    @Test
    void theSchedulesRefusalsAreSaidAtTheListsFieldsWithTheirCodes() {
        LocalDate born = FieldCheck.today().minusMonths(6);
        Vaccine v = new Vaccine(new VaccineDetails("DPT-VGB-HIB", "DPT-VGB-Hib", "diphtheria", null, 10), "t");
        ScheduleDose first = new ScheduleDose(v, new ScheduleDoseDetails(1, null, null, null, null,
                new AgeSpan(2, 0), null, true, LocalDate.of(2024, 8, 1), null, null, null, null), null, "t");
        List<FieldError> early = DoseLine.atColumns(ScheduleCheck.errors("DPT-VGB-HIB", born, 1,
                born.plusMonths(1), first, true, List.of(), DoseSource.HISTORICAL, null));
        assertEquals("date", early.get(0).field());
        assertEquals("dose.tooEarly", early.get(0).code());
        List<FieldError> beforeBirth = DoseLine.atColumns(ScheduleCheck.errors("DPT-VGB-HIB", born, 1,
                born.minusDays(1), first, true, List.of(), DoseSource.HISTORICAL, null));
        assertEquals("date", beforeBirth.get(0).field());
        assertEquals("dose.beforeBirth", beforeBirth.get(0).code());
        List<FieldError> future = DoseLine.atColumns(ScheduleCheck.errors("DPT-VGB-HIB", born, 1,
                FieldCheck.today().plusDays(1), first, true, List.of(), DoseSource.HISTORICAL, null));
        assertEquals("date", future.get(0).field());
        assertEquals("future", future.get(0).code());
        List<FieldError> notInSchedule = DoseLine.atColumns(ScheduleCheck.errors("DPT-VGB-HIB", born, 7,
                born.plusMonths(5), null, true, List.of(), DoseSource.HISTORICAL, null));
        assertEquals("dose", notInSchedule.get(0).field());
        assertEquals("dose.notInSchedule", notInSchedule.get(0).code());
        assertEquals(List.of("overrideReason"), DoseLine.atColumns(List.of(FieldError.coded("overrideReason",
                "tooLong", "Override reason is at most 500 characters", "overrideReason", 500))).stream()
                .map(FieldError::field).toList(), "a reason too long stays at its own column");
    }
}
