package vn.hssk.immunization;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The schedule's word on one dose: it must be a dose of the schedule in force on the day, its predecessor must be
 * recorded first (for a dose given here; past doses may be entered in any order), and a dose before the minimum age
 * or sooner than the minimum interval after the previous dose is refused unless a reason is given. Every refusal
 * names its field.
 */
public final class ScheduleCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A recorded live dose of the same vaccine. */
    public record Recorded(int doseNumber, LocalDate givenOn) {
    }

    private ScheduleCheck() {
    }

    /** A day as staff write it (dd/MM/yyyy), for the arguments of messages. */
    static String day(LocalDate day) {
        return day == null ? null : DAY.format(day);
    }

    /**
     * @param schedule    the row for this dose in force on {@code givenOn}, or {@code null}
     * @param hasSchedule whether the vaccine has a schedule at all (a vaccine outside the EPI schedule is not checked)
     */
    public static List<FieldError> errors(String vaccineCode, LocalDate birthDate, int doseNumber,
                                          LocalDate givenOn, ScheduleDose schedule, boolean hasSchedule,
                                          List<Recorded> recorded, DoseSource source, String overrideReason) {
        List<FieldError> errors = new ArrayList<>();
        if (givenOn == null) {
            errors.add(FieldError.coded("givenOn", "required", "Date given is required", "givenOn"));
            return errors;
        }
        if (givenOn.isAfter(FieldCheck.today())) {
            errors.add(FieldError.coded("givenOn", "future", "Date given cannot be in the future", "givenOn"));
            return errors;
        }
        if (givenOn.isBefore(birthDate)) {
            errors.add(FieldError.coded("givenOn", "dose.beforeBirth", "Date given is before the person's birth on "
                    + DAY.format(birthDate), DAY.format(birthDate)));
            return errors;
        }
        if (doseNumber < 1) {
            errors.add(FieldError.coded("doseNumber", "dose.numberFrom1", "Dose number starts at 1"));
            return errors;
        }
        if (schedule == null) {
            if (hasSchedule) {
                errors.add(FieldError.coded("doseNumber", "dose.notInSchedule", "The schedule in force on "
                        + DAY.format(givenOn) + " has no dose " + doseNumber + " of " + vaccineCode,
                        DAY.format(givenOn), doseNumber, vaccineCode));
            }
            return errors;
        }
        Optional<Recorded> previous = recorded.stream().filter(r -> r.doseNumber() == doseNumber - 1).findFirst();
        if (doseNumber > 1 && source == DoseSource.GIVEN
                && (previous.isEmpty() || previous.get().givenOn().isAfter(givenOn))) {
            errors.add(FieldError.coded("doseNumber", "dose.previousMissing", "Dose " + (doseNumber - 1) + " of "
                    + vaccineCode + " is not recorded before " + DAY.format(givenOn)
                    + "; record it first (a past dose can be entered from the vaccination card)", doseNumber - 1,
                    vaccineCode, DAY.format(givenOn)));
            return errors;
        }
        boolean tooYoung = false;
        boolean tooSoon = false;
        StringBuilder why = new StringBuilder();
        AgeSpan minimumAge = schedule.getMinimumAge();
        if (minimumAge != null && givenOn.isBefore(minimumAge.after(birthDate))) {
            tooYoung = true;
            why.append("Dose ").append(doseNumber).append(" of ").append(vaccineCode).append(" is before the minimum age ")
                    .append(minimumAge.describe()).append(" (from ").append(DAY.format(minimumAge.after(birthDate)))
                    .append(")");
        }
        AgeSpan interval = schedule.getMinInterval();
        if (interval != null && previous.isPresent() && givenOn.isBefore(interval.after(previous.get().givenOn()))) {
            tooSoon = true;
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append("Dose ").append(doseNumber).append(" of ").append(vaccineCode).append(" is sooner than ")
                    .append(interval.describe()).append(" after dose ").append(doseNumber - 1).append(" (from ")
                    .append(DAY.format(interval.after(previous.get().givenOn()))).append(")");
        }
        if ((tooYoung || tooSoon) && (overrideReason == null || overrideReason.isBlank())) {
            String message = why + ": give a reason to record it anyway";
            if (tooYoung && tooSoon) {
                errors.add(FieldError.coded("overrideReason", "dose.tooEarlyAndSoon", message, doseNumber,
                        vaccineCode, minimumAge.argument(), DAY.format(minimumAge.after(birthDate)),
                        interval.argument(), doseNumber - 1, DAY.format(interval.after(previous.get().givenOn()))));
            } else if (tooYoung) {
                errors.add(FieldError.coded("overrideReason", "dose.tooEarly", message, doseNumber, vaccineCode,
                        minimumAge.argument(), DAY.format(minimumAge.after(birthDate))));
            } else {
                errors.add(FieldError.coded("overrideReason", "dose.tooSoon", message, doseNumber, vaccineCode,
                        interval.argument(), doseNumber - 1, DAY.format(interval.after(previous.get().givenOn()))));
            }
        }
        return errors;
    }
}
