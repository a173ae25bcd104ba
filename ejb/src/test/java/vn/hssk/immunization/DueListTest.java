package vn.hssk.immunization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;

class DueListTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private static Vaccine vaccine(long id, String code) throws Exception {
        Vaccine v = new Vaccine(new VaccineDetails(code, code, "x", null, null), "t");
        Field f = Vaccine.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(v, id);
        return v;
    }

    private static ScheduleDose dose(Vaccine v, int n, AgeSpan recommended, AgeSpan interval) {
        return new ScheduleDose(v, new ScheduleDoseDetails(n, null, null, null, recommended, recommended, interval,
                true, LocalDate.of(2024, 8, 1), null, null, null, null), null, "t");
    }

    private static DueList.Child child(long id, LocalDate born) {
        return new DueList.Child(id, "Bé " + id, Sex.MALE, born, 1, "21000-01", "Thôn");
    }

    @Test
    void theNextDoseIsDueOverdueOrUpcomingByTheMonth() throws Exception {
        Vaccine penta = vaccine(1, "DPT");
        List<ScheduleDose> schedule = List.of(dose(penta, 1, new AgeSpan(2, 0), null),
                dose(penta, 2, new AgeSpan(3, 0), new AgeSpan(1, 0)));
        DueList.Child due = child(1, LocalDate.of(2026, 9, 10));
        DueList.Child overdue = child(2, LocalDate.of(2026, 8, 10));
        DueList.Child upcoming = child(3, LocalDate.of(2026, 10, 10));
        DueList.Child later = child(4, LocalDate.of(2026, 11, 10));
        List<DueList.Entry> entries = DueList.entries(List.of(due, overdue, upcoming, later), Map.of(), schedule, MONTH);
        assertEquals(Map.of(1L, DueList.Status.DUE, 2L, DueList.Status.OVERDUE, 3L, DueList.Status.UPCOMING),
                Map.of(entries.get(0).child().personId(), entries.get(0).status(),
                        entries.get(1).child().personId(), entries.get(1).status(),
                        entries.get(2).child().personId(), entries.get(2).status()));
        assertEquals(3, entries.size(), "a dose due after next month is not listed");
    }

    @Test
    void aDoseRecordedMovesTheChildToTheNextDoseAfterTheInterval() throws Exception {
        Vaccine penta = vaccine(1, "DPT");
        List<ScheduleDose> schedule = List.of(dose(penta, 1, new AgeSpan(2, 0), null),
                dose(penta, 2, new AgeSpan(3, 0), new AgeSpan(1, 0)));
        DueList.Child late = child(1, LocalDate.of(2026, 6, 1));
        List<DueList.Entry> entries = DueList.entries(List.of(late),
                Map.of(1L, Map.of(1L, Map.of(1, LocalDate.of(2026, 11, 5)))), schedule, MONTH);
        assertEquals(1, entries.size());
        assertEquals(2, entries.get(0).doseNumber());
        assertEquals(LocalDate.of(2026, 12, 5), entries.get(0).dueDate(), "a month after dose 1, not at 3 months");
        assertEquals(DueList.Status.UPCOMING, entries.get(0).status());
        assertTrue(DueList.entries(List.of(late), Map.of(1L, Map.of(1L, Map.of(1, LocalDate.of(2026, 7, 1),
                2, LocalDate.of(2026, 8, 1)))), schedule, MONTH).isEmpty(), "a finished series is not listed");
    }
}
