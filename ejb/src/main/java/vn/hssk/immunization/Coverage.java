package vn.hssk.immunization;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Immunization coverage of birth cohorts, the way EPI reports it: the children who turn one in a month are the
 * cohort; a dose counts if it was given before their first birthday. One indicator per routine dose recommended
 * before twelve months (e.g. {@code MEASLES-MONOVALENT#1} is measles at 9 months) and {@code FULLY_IMMUNIZED} for all
 * of them. Counted per village; communes and the province are sums of their villages.
 */
public final class Coverage {

    public static final String FULLY_IMMUNIZED = "FULLY_IMMUNIZED";

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

    /**
     * The figures of one village and cohort month from its sums: {@code sums[0]} the cohort, {@code sums[i + 1]} the
     * children with indicator {@code i}, the last the children with every indicator (fully immunized).
     */
    public static List<Count> counts(long villageId, YearMonth month, List<String> indicators, int[] sums) {
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            counts.add(new Count(villageId, month, indicators.get(i), sums[0], sums[i + 1]));
        }
        counts.add(new Count(villageId, month, FULLY_IMMUNIZED, sums[0], sums[indicators.size() + 1]));
        return counts;
    }
}
