package vn.hssk.care;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hssk.household.Sex;

/**
 * The rules of the care list, as data ({@link CareProgramme}) applied to what the record holds of one person. A person
 * falls under a programme when enrolled in it, when a diagnosis of parts B or D lies in its ICD-10 range, or (for a
 * programme that takes no enrolment) when their age and sex lie in its ranges. The last contact is the last follow-up
 * of an enrolment (the enrolment day before the first), otherwise the last visit of part D. The next one is due an
 * interval later, or, for a programme counted per calendar year, by the year's end unless a visit was made this year.
 * Listed: overdue, due today, or due within the programme's upcoming days. Nothing here reads the database.
 */
public final class CareRules {

    public enum Status {
        OVERDUE,
        DUE,
        UPCOMING
    }

    /** An open enrolment of the person and its last follow-up (null before the first). */
    public record Enrolment(long id, LocalDate enrolledOn, LocalDate lastFollowUp) {
    }

    /**
     * What the rules read of a person: sex and birth, the ICD-10 codes of live part B and part D diagnoses, the day of
     * the last live visit, and the open enrolments by programme code.
     */
    public record PersonFacts(Sex sex, LocalDate birthDate, Set<String> diagnoses, LocalDate lastVisit,
                              Map<String, Enrolment> enrolments) {
    }

    /** One programme a person is due for; {@code enrolled} false means found by diagnosis or age only. */
    public record Due(String programme, boolean enrolled, Status status, LocalDate dueOn, LocalDate lastContact) {
    }

    private CareRules() {
    }

    /** The programmes {@code person} is listed for on {@code today}, in the programmes' order. */
    public static List<Due> due(List<CareProgramme> programmes, PersonFacts person, LocalDate today) {
        List<Due> out = new ArrayList<>();
        for (CareProgramme p : programmes) {
            if (p.isActive()) {
                next(p, person, today).ifPresent(out::add);
            }
        }
        return out;
    }

    static Optional<Due> next(CareProgramme p, PersonFacts person, LocalDate today) {
        Enrolment enrolment = person.enrolments().get(p.getCode());
        boolean enrolled = enrolment != null;
        if (!enrolled && !falls(p, person, today)) {
            return Optional.empty();
        }
        LocalDate last = enrolled ? enrolment.lastFollowUp() : person.lastVisit();
        LocalDate dueOn = dueOn(p, last, enrolled ? enrolment.enrolledOn() : null, today);
        if (dueOn == null) {
            return Optional.empty();
        }
        Status status = status(p, dueOn, today);
        if (status == Status.UPCOMING && dueOn.isAfter(today.plusDays(p.getUpcomingDays()))) {
            return Optional.empty();
        }
        return Optional.of(new Due(p.getCode(), enrolled, status, dueOn, last));
    }

    /**
     * When the next contact is due after the last one ({@code base}, the enrolment day, before the first): an interval
     * later, today for someone never seen, or by the year's end for a yearly programme; null when a yearly programme
     * already saw the person this year.
     */
    public static LocalDate dueOn(CareProgramme p, LocalDate last, LocalDate base, LocalDate today) {
        if (p.isCalendarYear()) {
            return last != null && last.getYear() == today.getYear() ? null : LocalDate.of(today.getYear(), 12, 31);
        }
        LocalDate from = last != null ? last : base;
        return from == null ? today : from.plusDays(p.getIntervalDays());
    }

    /** Overdue before today, due today, upcoming after; a yearly check not made yet is due all year. */
    public static Status status(CareProgramme p, LocalDate dueOn, LocalDate today) {
        if (p.isCalendarYear()) {
            return Status.DUE;
        }
        return dueOn.isBefore(today) ? Status.OVERDUE : dueOn.isEqual(today) ? Status.DUE : Status.UPCOMING;
    }

    /** Without an enrolment: a diagnosis in the range, or (programmes that take none) the age and sex. */
    private static boolean falls(CareProgramme p, PersonFacts person, LocalDate today) {
        if (p.getIcdFrom() != null) {
            return person.diagnoses().stream().anyMatch(p::covers);
        }
        if (p.isEnrolment()) {
            return false;
        }
        return (p.getSex() == null || p.getSex() == person.sex()) && inAgeRange(p, person.birthDate(), today)
                && (p.getMinAgeMonths() != null || p.getMaxAgeMonths() != null);
    }

    /** Whether the age in whole months on {@code day} lies in the programme's range (open ends allowed). */
    static boolean inAgeRange(CareProgramme p, LocalDate birthDate, LocalDate day) {
        long months = Period.between(birthDate, day).toTotalMonths();
        return (p.getMinAgeMonths() == null || months >= p.getMinAgeMonths())
                && (p.getMaxAgeMonths() == null || months <= p.getMaxAgeMonths());
    }
}
