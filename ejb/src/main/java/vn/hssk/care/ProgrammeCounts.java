package vn.hssk.care;

import java.io.Serializable;

/**
 * A programme's counts in a commune, for the commune chair's dashboard: people enrolled now, of them those whose
 * follow-up is overdue, and the follow-ups made in the current month. Counts only, nobody named.
 */
public record ProgrammeCounts(String programme, String nameVi, String nameEn, long enrolled, long missed,
                              long followUpsThisMonth) implements Serializable {
}
