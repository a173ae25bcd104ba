package vn.hssk.immunization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException.FieldError;

class ScheduleCheckTest {

    private static final LocalDate BIRTH = FieldCheck.today().minusMonths(6);

    private static ScheduleDose dose(int number, AgeSpan minimumAge, AgeSpan interval) {
        Vaccine v = new Vaccine(new VaccineDetails("DPT-VGB-HIB", "DPT-VGB-Hib", "diphtheria", null, 10), "t");
        return new ScheduleDose(v, new ScheduleDoseDetails(number, null, null, null, null, minimumAge, interval,
                true, LocalDate.of(2024, 8, 1), null, null, null, null), null, "t");
    }

    private static List<FieldError> check(int number, LocalDate on, ScheduleDose schedule,
                                          List<ScheduleCheck.Recorded> recorded, DoseSource source, String reason) {
        return ScheduleCheck.errors("DPT-VGB-HIB", BIRTH, number, on, schedule, true, recorded, source, reason);
    }

    @Test
    void aDoseOnScheduleIsAccepted() {
        assertTrue(check(1, BIRTH.plusMonths(2), dose(1, new AgeSpan(2, 0), null), List.of(), DoseSource.GIVEN,
                null).isEmpty());
    }

    @Test
    void tooEarlyNeedsAReason() {
        ScheduleDose first = dose(1, new AgeSpan(2, 0), null);
        List<FieldError> errors = check(1, BIRTH.plusMonths(2).minusDays(1), first, List.of(), DoseSource.GIVEN, null);
        assertEquals("overrideReason", errors.get(0).field());
        assertTrue(check(1, BIRTH.plusMonths(2).minusDays(1), first, List.of(), DoseSource.GIVEN, "outbreak")
                .isEmpty());
    }

    @Test
    void tooSoonAfterThePreviousDoseNeedsAReason() {
        ScheduleDose second = dose(2, null, new AgeSpan(1, 0));
        LocalDate first = BIRTH.plusMonths(2);
        List<FieldError> errors = check(2, first.plusDays(20), second,
                List.of(new ScheduleCheck.Recorded(1, first)), DoseSource.GIVEN, null);
        assertEquals("overrideReason", errors.get(0).field());
    }

    @Test
    void aDoseOutOfOrderIsRefusedOnTheDoseNumber() {
        List<FieldError> errors = check(2, BIRTH.plusMonths(3), dose(2, null, new AgeSpan(1, 0)), List.of(),
                DoseSource.GIVEN, "any");
        assertEquals("doseNumber", errors.get(0).field());
        assertTrue(check(2, BIRTH.plusMonths(3), dose(2, null, new AgeSpan(1, 0)), List.of(),
                DoseSource.HISTORICAL, null).isEmpty(), "a past dose may be entered before its predecessor");
    }

    @Test
    void futureDatesAndUnknownDosesNameTheirField() {
        assertEquals("givenOn", check(1, FieldCheck.today().plusDays(1), dose(1, null, null), List.of(),
                DoseSource.GIVEN, null).get(0).field());
        assertEquals("givenOn", check(1, BIRTH.minusDays(1), dose(1, null, null), List.of(),
                DoseSource.HISTORICAL, null).get(0).field());
        assertEquals("doseNumber", check(7, BIRTH.plusMonths(3), null, List.of(), DoseSource.GIVEN, null).get(0)
                .field());
    }
}
