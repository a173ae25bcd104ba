package vn.hssk.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a commune chair watches: per village the quota of the year, records created, the share reached, records
 * created this week, the records of each of the last weeks and the day the quota will be met at the pace of the
 * last four weeks; the same for the whole commune.
 */
public record CommuneDashboard(long communeId, String communeCode, String communeName, int year, LocalDate today,
                               Period period, List<LocalDate> weekStarts, Line total, List<Line> villages)
        implements Serializable {

    /** One row of the dashboard (a village, or the commune's total). */
    public record Line(long unitId, String code, String name, long population, long quota, long created,
                       Double percent, long createdThisWeek, long createdInPeriod, long[] weekly, long[] cumulative,
                       double perWeek, LocalDate forecast, boolean met) implements Serializable {
    }
}
