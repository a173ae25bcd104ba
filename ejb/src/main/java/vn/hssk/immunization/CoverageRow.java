package vn.hssk.immunization;

import java.io.Serializable;

/** One coverage figure: a unit, a month (yyyy-MM, the cohort turning one), an indicator, cohort and vaccinated. */
public record CoverageRow(String month, String level, String unitCode, String unitName, String indicator, int cohort,
                          int vaccinated) implements Serializable {

    public double percent() {
        return cohort == 0 ? 0 : Math.round(1000.0 * vaccinated / cohort) / 10.0;
    }
}
