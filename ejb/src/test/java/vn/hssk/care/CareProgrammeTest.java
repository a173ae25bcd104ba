package vn.hssk.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

class CareProgrammeTest {

    private static CareProgramme htn() {
        return new CareProgramme("HTN", true, "I10", "I15", null, null, null, 30, false, 7);
    }

    private static List<String> refusal(CareProgramme p, CareRulesDetails d) {
        ProblemException e = assertThrows(ProblemException.class, () -> p.changeRules(d, "test"));
        assertEquals(400, e.status());
        return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void coversCategoriesOfTheRangeWithAnySubcode() {
        CareProgramme p = htn();
        assertTrue(p.covers("I10"));
        assertTrue(p.covers("I15.9"));
        assertTrue(p.covers("i11.0"));
        assertFalse(p.covers("I16"));
        assertFalse(p.covers("I09.1"));
        assertFalse(p.covers("E11"));
        assertFalse(p.covers(null));
    }

    @Test
    void badRulesAreRefusedFieldByField() {
        CareProgramme p = htn();
        assertEquals(List.of("intervalDays:required", "icdFrom:care.icd"),
                refusal(p, new CareRulesDetails(null, 7, "10", "I15", null, null, false, true)));
        assertEquals(List.of("icdTo:care.icdBoth"),
                refusal(p, new CareRulesDetails(30, 7, "I10", " ", null, null, false, true)));
        assertEquals(List.of("intervalDays:care.interval", "upcomingDays:care.upcoming", "icdTo:care.icdOrder"),
                refusal(p, new CareRulesDetails(0, -1, "I15", "I10", null, null, false, true)));
        assertEquals(List.of("maxAgeMonths:care.ageOrder"),
                refusal(p, new CareRulesDetails(30, 7, "I10", "I15", 60, 12, false, true)));
        assertEquals(30, p.getIntervalDays(), "a refused change leaves the rules as they were");
    }

    @Test
    void aProgrammeWithoutEnrolmentMustReachSomebody() {
        CareProgramme growth = new CareProgramme("GROWTH", false, null, null, 0, 59, null, 90, false, 14);
        assertEquals(List.of("minAgeMonths:care.nobody"),
                refusal(growth, new CareRulesDetails(90, 14, null, null, null, null, false, true)));
        growth.changeRules(new CareRulesDetails(30, 7, null, null, 0, 23, false, true), "test");
        assertEquals(30, growth.getIntervalDays());
        assertEquals(23, growth.getMaxAgeMonths());
    }
}
