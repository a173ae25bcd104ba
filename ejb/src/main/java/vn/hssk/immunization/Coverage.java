package vn.hssk.immunization;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immunization coverage of birth cohorts, the way EPI reports it: the children who turn one in a month are the
 * cohort; a dose counts if it was given before their first birthday. One indicator per routine dose recommended
 * before twelve months (e.g. {@code MEASLES-MONOVALENT#1} is measles at 9 months) and {@code FULLY_IMMUNIZED} for all
 * of them. Counted per village; communes and the province are sums of their villages.
 */
public final class Coverage {

    public static final String FULLY_IMMUNIZED = "FULLY_IMMUNIZED";

    /** A child of a cohort and the doses (vaccine code # dose number) given before the first birthday. */
    public record Child(long villageId, LocalDate birthDate, Set<String> dosesByOne) {
    }

    /** Cohort and vaccinated children of one village, month and indicator. */
    public record Count(long villageId, YearMonth month, String indicator, int cohort, int vaccinated) {
    }

    private Coverage() {
    }

    /** The indicators of a schedule: the routine doses recommended (or allowed) before twelve months. */
    public static List<String> indicators(List<IndicatorDose> doses) {
        List<String> result = new ArrayList<>();
        doses.stream().filter(d -> d.ageMonths() < 12).map(IndicatorDose::key).distinct().forEach(result::add);
        return result;
    }

    /** A routine schedule dose as coverage sees it. */
    public record IndicatorDose(String vaccineCode, int doseNumber, int ageMonths) {

        public String key() {
            return vaccineCode + "#" + doseNumber;
        }
    }

    public static List<Count> count(Map<YearMonth, List<Child>> cohorts, List<String> indicators) {
        List<Count> counts = new ArrayList<>();
        for (Map.Entry<YearMonth, List<Child>> cohort : cohorts.entrySet()) {
            Map<Long, int[]> byVillage = new LinkedHashMap<>();
            for (Child child : cohort.getValue()) {
                int[] c = byVillage.computeIfAbsent(child.villageId(), k -> new int[indicators.size() + 2]);
                c[0]++;
                boolean all = !indicators.isEmpty();
                for (int i = 0; i < indicators.size(); i++) {
                    if (child.dosesByOne().contains(indicators.get(i))) {
                        c[i + 1]++;
                    } else {
                        all = false;
                    }
                }
                if (all) {
                    c[indicators.size() + 1]++;
                }
            }
            for (Map.Entry<Long, int[]> v : byVillage.entrySet()) {
                int[] c = v.getValue();
                for (int i = 0; i < indicators.size(); i++) {
                    counts.add(new Count(v.getKey(), cohort.getKey(), indicators.get(i), c[0], c[i + 1]));
                }
                counts.add(new Count(v.getKey(), cohort.getKey(), FULLY_IMMUNIZED, c[0], c[indicators.size() + 1]));
            }
        }
        return counts;
    }
}
