package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.immunization.AgeSpan;
import vn.hssk.immunization.ScheduleDose;
import vn.hssk.immunization.ScheduleDoseDetails;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineDetails;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationDetails;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

class DoseCatalogTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static final Vaccine BCG = vaccine("BCG", "BCG", "Vắc xin phòng lao (BCG)");
    private static final Vaccine MR = vaccine("MR", "MR (measles-rubella)", "Vắc xin sởi - rubella (MR)");
    private static final Vaccine HPV = vaccine("HPV-VACCINE", "HPV vaccine", null);

    private static Vaccine vaccine(String code, String name, String nameVi) {
        return new Vaccine(new VaccineDetails(code, name, "antigen", null, 10, nameVi), "t");
    }

    private static ScheduleDose dose(Vaccine v, int number, LocalDate from, LocalDate to, AgeSpan minimumAge) {
        return new ScheduleDose(v, new ScheduleDoseDetails(number, null, null, null, null, minimumAge, null, true,
                from, to, null, null, null), null, "t");
    }

    private static DoseCatalog catalog(List<ScheduleDose> schedule, List<HealthStation> stations) {
        return DoseCatalog.of(List.of(BCG, MR, HPV), schedule, stations);
    }

    @Test
    void aVaccineIsFoundByItsCodeInAnyCaseOrByItsNameWithoutDiacritics() {
        DoseCatalog c = catalog(List.of(), List.of());
        assertSame(BCG, c.vaccine("bcg").vaccine());
        assertSame(MR, c.vaccine("Vắc xin sởi - rubella (MR)").vaccine());
        assertSame(MR, c.vaccine("vac xin soi rubella mr").vaccine());
        assertSame(BCG, c.vaccine("VẮC XIN PHÒNG LAO (BCG)").vaccine());
        assertSame(HPV, c.vaccine("hpv vaccine").vaccine(), "the catalog's own (English) name too");
        DoseCatalog.VaccineMatch none = c.vaccine("Vắc xin dại");
        assertFalse(none.found());
        assertFalse(none.ambiguous());
    }

    @Test
    void aNameThatSeveralVaccinesBearIsAmbiguous() {
        Vaccine other = vaccine("MR-2", "MR other", "Vắc xin sởi – Rubella (MR)");
        DoseCatalog c = DoseCatalog.of(List.of(MR, other), List.of(), List.of());
        DoseCatalog.VaccineMatch match = c.vaccine("vắc xin sởi rubella (mr)");
        assertFalse(match.found());
        assertTrue(match.ambiguous());
        assertSame(other, c.vaccine("mr-2").vaccine(), "the code still tells them apart");
    }

    @Test
    void theScheduleRowIsTheOneInForceOnTheDayAsTheDoseScreenTakesIt() {
        ScheduleDose old = dose(MR, 1, LocalDate.of(2024, 8, 1), LocalDate.of(2026, 2, 14), new AgeSpan(9, 0));
        ScheduleDose current = dose(MR, 1, LocalDate.of(2026, 2, 15), null, new AgeSpan(12, 0));
        DoseCatalog c = catalog(List.of(old, current, dose(MR, 2, LocalDate.of(2024, 8, 1), null, new AgeSpan(18, 0))),
                List.of());
        assertSame(old, c.scheduleDose(MR, 1, LocalDate.of(2025, 1, 1)));
        assertSame(current, c.scheduleDose(MR, 1, LocalDate.of(2026, 2, 15)));
        assertNull(c.scheduleDose(MR, 1, LocalDate.of(2024, 7, 31)), "before any circular");
        assertNull(c.scheduleDose(MR, 3, LocalDate.of(2025, 1, 1)));
        assertTrue(c.hasSchedule(MR));
        assertFalse(c.hasSchedule(HPV), "a vaccine outside the schedule is not checked by it");
    }

    @Test
    void aStationIsFoundByItsFacilityCodeAndAnOpenOneWinsOverAClosedOneWithTheSameCode() {
        AdministrativeUnit province = new AdministrativeUnit("38", "Thanh Hóa", UnitLevel.PROVINCE, "TINH", null,
                LONG_AGO, "t");
        AdministrativeUnit commune = new AdministrativeUnit("16204", "Quảng Đại", UnitLevel.COMMUNE, "XA", province,
                LONG_AGO, "t");
        HealthStation closed = HealthStation.main(new StationDetails("Trạm cũ", "38001", null, null, null), commune,
                "38", "t");
        closed.close(LocalDate.of(2025, 6, 30), "merged", "t");
        HealthStation open = HealthStation.main(new StationDetails("Trạm Y tế Quảng Đại", "38001", null, null, null),
                commune, "38", "t");
        HealthStation other = HealthStation.main(new StationDetails("Trạm khác", "38002", null, null, null),
                commune, "38", "t");
        other.close(LocalDate.of(2025, 6, 30), "merged", "t");
        DoseCatalog c = catalog(List.of(), List.of(closed, open, other));
        assertSame(open, c.station("38001"));
        assertSame(other, c.station(" 38002 "), "a past dose may come from a station closed since");
        assertNull(c.station("38003"));
        assertEquals("Trạm Y tế Quảng Đại (38001), lô AB12", DoseHistoryImport.place(open, "AB12"));
        assertEquals("Trạm Y tế Quảng Đại (38001)", DoseHistoryImport.place(open, null));
    }
}
