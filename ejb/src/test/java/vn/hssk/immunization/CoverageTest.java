package vn.hssk.immunization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 5);
    private static final LocalDate BORN = LocalDate.of(2025, 5, 3);

    private static Coverage.Count count(List<Coverage.Count> counts, long village, String indicator) {
        return counts.stream().filter(c -> c.villageId() == village && c.indicator().equals(indicator)).findFirst()
                .orElseThrow();
    }

    @Test
    void aChildIsFullyImmunizedOnlyWithEveryIndicatorDoseAndCountsInItsOwnVillage() {
        Map<YearMonth, List<Coverage.Child>> cohorts = new TreeMap<>();
        cohorts.put(MONTH, List.of(
                new Coverage.Child(1, BORN, Set.of("BCG#1", "MEASLES-MONOVALENT#1")),
                new Coverage.Child(1, BORN, Set.of("BCG#1")),
                new Coverage.Child(2, BORN, Set.of())));
        cohorts.put(MONTH.plusMonths(1), List.of());

        List<Coverage.Count> counts = Coverage.count(cohorts, List.of("BCG#1", "MEASLES-MONOVALENT#1"));

        assertEquals(6, counts.size());
        assertEquals(new Coverage.Count(1, MONTH, "BCG#1", 2, 2), count(counts, 1, "BCG#1"));
        assertEquals(new Coverage.Count(1, MONTH, "MEASLES-MONOVALENT#1", 2, 1),
                count(counts, 1, "MEASLES-MONOVALENT#1"));
        assertEquals(new Coverage.Count(1, MONTH, Coverage.FULLY_IMMUNIZED, 2, 1),
                count(counts, 1, Coverage.FULLY_IMMUNIZED));
        assertEquals(new Coverage.Count(2, MONTH, Coverage.FULLY_IMMUNIZED, 1, 0),
                count(counts, 2, Coverage.FULLY_IMMUNIZED));
    }
}
