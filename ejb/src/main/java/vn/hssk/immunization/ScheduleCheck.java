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

    /**
     * @param schedule    the row for this dose in force on {@code givenOn}, or {@code null}
     * @param hasSchedule whether the vaccine has a schedule at all (a vaccine outside the EPI schedule is not checked)
     */
    public static List<FieldError> errors(String vaccineCode, LocalDate birthDate, int doseNumber,
                                          LocalDate givenOn, ScheduleDose schedule, boolean hasSchedule,
                                          List<Recorded> recorded, DoseSource source, String overrideReason) {
        List<FieldError> errors = new ArrayList<>();
        if (givenOn == null) {
            errors.add(new FieldError("givenOn", "Date given is required"));
            return errors;
        }
        if (givenOn.isAfter(FieldCheck.today())) {
            errors.add(new FieldError("givenOn", "Date given cannot be in the future"));
            return errors;
        }
        if (givenOn.isBefore(birthDate)) {
            errors.add(new FieldError("givenOn", "Date given is before the person's birth on " + DAY.format(birthDate)));
            return errors;
        }
        if (doseNumber < 1) {
            errors.add(new FieldError("doseNumber", "Dose number starts at 1"));
            return errors;
        }
        if (schedule == null) {
            if (hasSchedule) {
                errors.add(new FieldError("doseNumber", "The schedule in force on " + DAY.format(givenOn)
                        + " has no dose " + doseNumber + " of " + vaccineCode));
            }
            return errors;
        }
        Optional<Recorded> previous = recorded.stream().filter(r -> r.doseNumber() == doseNumber - 1).findFirst();
        if (doseNumber > 1 && source == DoseSource.GIVEN
                && (previous.isEmpty() || previous.get().givenOn().isAfter(givenOn))) {
            errors.add(new FieldError("doseNumber", "Dose " + (doseNumber - 1) + " of " + vaccineCode
                    + " is not recorded before " + DAY.format(givenOn)
                    + "; record it first (a past dose can be entered from the vaccination card)"));
            return errors;
        }
        boolean needsReason = false;
        StringBuilder why = new StringBuilder();
        AgeSpan minimumAge = schedule.getMinimumAge();
        if (minimumAge != null && givenOn.isBefore(minimumAge.after(birthDate))) {
            needsReason = true;
            why.append("Dose ").append(doseNumber).append(" of ").append(vaccineCode).append(" is before the minimum age ")
                    .append(minimumAge.describe()).append(" (from ").append(DAY.format(minimumAge.after(birthDate)))
                    .append(")");
        }
        AgeSpan interval = schedule.getMinInterval();
        if (interval != null && previous.isPresent() && givenOn.isBefore(interval.after(previous.get().givenOn()))) {
            needsReason = true;
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append("Dose ").append(doseNumber).append(" of ").append(vaccineCode).append(" is sooner than ")
                    .append(interval.describe()).append(" after dose ").append(doseNumber - 1).append(" (from ")
                    .append(DAY.format(interval.after(previous.get().givenOn()))).append(")");
        }
        if (needsReason && (overrideReason == null || overrideReason.isBlank())) {
            errors.add(new FieldError("overrideReason", why + ": give a reason to record it anyway"));
        }
        return errors;
    }
}
