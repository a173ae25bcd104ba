package vn.hssk.immunization;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An age or interval as the schedule states it: months and days, so that "2 months" after 31 January is the last day
 * of March, as a clerk would count it. Years are 12 months, weeks 7 days.
 */
public record AgeSpan(int months, int days) implements Serializable {

    public static final AgeSpan ZERO = new AgeSpan(0, 0);

    public AgeSpan {
        if (months < 0 || days < 0) {
            throw new IllegalArgumentException("An age span is not negative");
        }
    }

    public static AgeSpan of(Integer months, Integer days) {
        return months == null || days == null ? null : new AgeSpan(months, days);
    }

    public LocalDate after(LocalDate start) {
        return start.plusMonths(months).plusDays(days);
    }

    /**
     * The span as a message argument, {@code age:<months>:<days>}, which the web layer says in the user's language as
     * {@link #describe()} says it in English.
     */
    public String argument() {
        return "age:" + months + ":" + days;
    }

    /** "2 months", "1 week", "at birth": for messages. */
    public String describe() {
        if (months == 0 && days == 0) {
            return "at birth";
        }
        StringBuilder s = new StringBuilder();
        if (months > 0) {
            s.append(months % 12 == 0 ? (months / 12) + (months == 12 ? " year" : " years")
                    : months + (months == 1 ? " month" : " months"));
        }
        if (days > 0) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(days % 7 == 0 ? (days / 7) + (days == 7 ? " week" : " weeks") : days + (days == 1 ? " day" : " days"));
        }
        return s.toString();
    }
}
