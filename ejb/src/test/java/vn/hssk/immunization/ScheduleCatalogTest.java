package vn.hssk.immunization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;
import vn.hssk.tenant.Catalogs;

class ScheduleCatalogTest {

    private static List<ScheduleCatalog.Series> published() {
        List<ScheduleCatalog.SourceRow> rows = new ArrayList<>();
        long id = 1;
        for (CSVRecord r : Catalogs.read(Catalogs.EPI_SCHEDULE)) {
            rows.add(new ScheduleCatalog.SourceRow(id++, r.get("antigen"), r.get("vaccine"), r.get("dose_number"),
                    r.get("recommended_age"), r.get("minimum_age"), r.get("min_interval_from_previous"),
                    r.get("target_group"), r.get("legal_basis"), r.get("confidence"), r.get("notes")));
        }
        return ScheduleCatalog.series(rows);
    }

    private static Map<String, ScheduleCatalog.Series> byCode() {
        return published().stream().collect(Collectors.toMap(s -> s.vaccine().code(), s -> s));
    }

    @Test
    void rowsOfOneProductFormOneNumberedSeries() {
        Map<String, ScheduleCatalog.Series> series = byCode();
        assertEquals(3, series.get("DPT-VGB-HIB").doses().size());
        assertEquals(3, series.get("OPV").doses().size());
        assertEquals(2, series.get("IPV").doses().size());
        assertEquals(3, series.get("JE-VACCINE").doses().size());
        assertEquals(List.of(1, 2, 3), series.get("DPT-VGB-HIB").doses().stream()
                .map(d -> d.details().doseNumber()).toList());
        assertEquals(published().size(), series.size(), "each series has its own code");
    }

    @Test
    void agesAndIntervalsBecomeMonthsAndDays() {
        Map<String, ScheduleCatalog.Series> series = byCode();
        ScheduleDoseDetails hepB = series.get("HEPB-MONOVALENT").doses().get(0).details();
        assertEquals(AgeSpan.ZERO, hepB.recommendedAge());
        assertEquals(AgeSpan.ZERO, hepB.minimumAge());
        assertEquals(AgeSpan.ZERO, series.get("BCG").doses().get(0).details().recommendedAge());
        ScheduleDoseDetails penta1 = series.get("DPT-VGB-HIB").doses().get(0).details();
        assertEquals(new AgeSpan(2, 0), penta1.recommendedAge());
        assertEquals(new AgeSpan(2, 0), penta1.minimumAge());
        assertNull(penta1.minInterval());
        ScheduleDoseDetails penta2 = series.get("DPT-VGB-HIB").doses().get(1).details();
        assertEquals(new AgeSpan(3, 0), penta2.recommendedAge());
        assertNull(penta2.minimumAge());
        assertEquals(new AgeSpan(1, 0), penta2.minInterval());
        assertEquals(new AgeSpan(9, 0), series.get("MEASLES-MONOVALENT").doses().get(0).details().minimumAge());
        assertEquals(new AgeSpan(84, 0), series.get("TD-BOOSTER").doses().get(0).details().recommendedAge());
        ScheduleDoseDetails je2 = series.get("JE-VACCINE").doses().get(1).details();
        assertNull(je2.recommendedAge());
        assertEquals(new AgeSpan(0, 7), je2.minInterval());
        assertEquals(new AgeSpan(12, 0), series.get("JE-VACCINE").doses().get(2).details().minInterval());
        assertEquals(new AgeSpan(0, 42), series.get("PCV").doses().get(0).details().minimumAge());
    }

    @Test
    void seriesStartWithTheirCircularAndLowConfidenceIsNotRoutine() {
        Map<String, ScheduleCatalog.Series> series = byCode();
        ScheduleDoseDetails bcg = series.get("BCG").doses().get(0).details();
        assertEquals(ScheduleCatalog.TT_10_2024, bcg.validFrom());
        assertTrue(bcg.routine());
        ScheduleDoseDetails pcv = series.get("PCV").doses().get(0).details();
        assertEquals(ScheduleCatalog.TT_52_2025, pcv.validFrom());
        assertFalse(pcv.routine());
        ScheduleDoseDetails hpv = series.get("HPV-VACCINE").doses().get(0).details();
        assertEquals(ScheduleCatalog.TT_13_2026, hpv.validFrom());
        assertEquals(Sex.FEMALE, hpv.sex());
        assertEquals("MCV2 / rubella 1", series.get("MR").doses().get(0).details().doseLabel());
    }

    @Test
    void textAgesParse() {
        assertEquals(AgeSpan.ZERO, ScheduleCatalog.recommendedAge("within 24 hours after birth"));
        assertNull(ScheduleCatalog.recommendedAge("1-2 weeks after dose 1"));
        assertNull(ScheduleCatalog.recommendedAge("as early as possible in the first pregnancy"));
        assertEquals(new AgeSpan(6, 0), ScheduleCatalog.age("at least 6 months after dose 2 or in the next pregnancy"));
        assertEquals(new AgeSpan(132, 0), ScheduleCatalog.age("11 years (girls, reported)"));
        assertNull(ScheduleCatalog.age("-"));
    }
}
