package vn.hssk.plan;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.shared.ProblemException;

/**
 * A reporting period: a year ({@code 2024}), an ISO week ({@code 2024-W05}) or a month ({@code 2024-03}), in
 * Vietnam's time. Its first day is included and {@code end} is the first day after it. The quota year of a period is
 * the year of its first day.
 */
public record Period(String key, Kind kind, LocalDate first, LocalDate end) implements Serializable {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Of what length a period is. */
    public enum Kind {
        YEAR, MONTH, WEEK
    }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** The period named by {@code text}; the current year when blank. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            return year(today().getYear());
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Matcher m = YEAR.matcher(t);
            if (m.matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            m = MONTH.matcher(t);
            if (m.matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                check(month.getYear());
                return new Period(month.toString(), Kind.MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
            }
            m = WEEK.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                check(year);
                int week = Integer.parseInt(m.group(2));
                LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                if (week < 1 || monday.get(IsoFields.WEEK_BASED_YEAR) != year) {
                    throw new DateTimeParseException("no such week", t, 0);
                }
                return week(monday);
            }
        } catch (RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
        }
        throw ProblemException.invalid("period", "A period is a year (2024), a month (2024-03) or an ISO week"
                + " (2024-W05); got " + text);
    }

    public static Period year(int year) {
        check(year);
        return new Period(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** The ISO week that contains {@code day}. */
    public static Period week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String key = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Period(key, Kind.WEEK, monday, monday.plusDays(7));
    }

    public static Period month(LocalDate day) {
        YearMonth m = YearMonth.from(day);
        return new Period(m.toString(), Kind.MONTH, m.atDay(1), m.plusMonths(1).atDay(1));
    }

    private static void check(int year) {
        if (year < VillageQuota.MIN_YEAR || year > VillageQuota.MAX_YEAR) {
            throw ProblemException.invalid("period", "The year of a period is between " + VillageQuota.MIN_YEAR
                    + " and " + VillageQuota.MAX_YEAR);
        }
    }

    public int quotaYear() {
        return first.getYear();
    }

    public LocalDate last() {
        return end.minusDays(1);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(VIETNAM).toInstant();
    }

    public Instant from() {
        return startOf(first);
    }

    public Instant until() {
        return startOf(end);
    }
}
