package vn.hssk.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;

/** The care list's rules on prepared people, with the programmes as the migration seeds them. */
class CareRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    static final CareProgramme HTN = new CareProgramme("HTN", true, "I10", "I15", null, null, null, 30, false, 7);
    static final CareProgramme DM = new CareProgramme("DM", true, "E10", "E14", null, null, null, 30, false, 7);
    static final CareProgramme ANC = new CareProgramme("ANC", true, null, null, 144, 660, Sex.FEMALE, 28, false, 7);
    static final CareProgramme GROWTH = new CareProgramme("GROWTH", false, null, null, 0, 59, null, 90, false, 14);
    static final CareProgramme ELDERLY = new CareProgramme("ELDERLY", false, null, null, 720, null, null, 365, true,
            0);
    static final List<CareProgramme> ALL = List.of(HTN, DM, ANC, GROWTH, ELDERLY);

    private static CareRules.PersonFacts person(Sex sex, LocalDate born, Set<String> diagnoses, LocalDate lastVisit,
                                                Map<String, CareRules.Enrolment> enrolments) {
        return new CareRules.PersonFacts(sex, born, diagnoses, lastVisit, enrolments);
    }

    private static List<String> due(CareRules.PersonFacts p) {
        return CareRules.due(ALL, p, TODAY).stream().map(d -> d.programme() + ":" + d.status()
                + (d.enrolled() ? "" : ":found")).toList();
    }

    @Test
    void hypertensionFromAPartBOrDDiagnosisIsFoundEvenWithoutEnrolment() {
        var p = person(Sex.MALE, LocalDate.of(1970, 3, 1), Set.of("I11.9"), TODAY.minusDays(40), Map.of());
        assertEquals(List.of("HTN:OVERDUE:found"), due(p));
    }

    @Test
    void aDiagnosisOutsideTheRangeIsNotHypertension() {
        var p = person(Sex.MALE, LocalDate.of(1970, 3, 1), Set.of("I20", "I09", "J45"), null, Map.of());
        assertEquals(List.of(), due(p));
    }

    @Test
    void diabetesWithoutAnyVisitIsDueToday() {
        var p = person(Sex.FEMALE, LocalDate.of(1975, 3, 1), Set.of("E11"), null, Map.of());
        List<CareRules.Due> due = CareRules.due(ALL, p, TODAY);
        assertEquals(1, due.size());
        assertEquals(CareRules.Status.DUE, due.get(0).status());
        assertEquals(TODAY, due.get(0).dueOn());
    }

    @Test
    void anEnrolmentCountsFromItsLastFollowUpNotFromOtherVisits() {
        var enrolled = Map.of("HTN", new CareRules.Enrolment(1, TODAY.minusDays(100), TODAY.minusDays(25)));
        var p = person(Sex.MALE, LocalDate.of(1960, 3, 1), Set.of(), TODAY.minusDays(200), enrolled);
        List<CareRules.Due> due = CareRules.due(List.of(HTN), p, TODAY);
        assertEquals(CareRules.Status.UPCOMING, due.get(0).status());
        assertEquals(TODAY.plusDays(5), due.get(0).dueOn());
        assertTrue(due.get(0).enrolled());
    }

    @Test
    void anEnrolmentWithoutFollowUpIsDueAnIntervalAfterEnrolment() {
        var enrolled = Map.of("ANC", new CareRules.Enrolment(1, TODAY.minusDays(29), null));
        var p = person(Sex.FEMALE, LocalDate.of(1998, 3, 1), Set.of(), TODAY.minusDays(1), enrolled);
        assertEquals(List.of("ANC:OVERDUE"), due(p));
    }

    @Test
    void aFollowUpFarAheadIsNotListed() {
        var enrolled = Map.of("HTN", new CareRules.Enrolment(1, TODAY.minusDays(100), TODAY.minusDays(10)));
        var p = person(Sex.MALE, LocalDate.of(1960, 3, 1), Set.of("I10"), TODAY.minusDays(10), enrolled);
        assertEquals(List.of(), due(p));
    }

    @Test
    void aWomanOfChildbearingAgeIsNotTakenForPregnantWithoutAnEnrolment() {
        var p = person(Sex.FEMALE, LocalDate.of(1998, 3, 1), Set.of(), null, Map.of());
        assertEquals(List.of(), due(p));
    }

    @Test
    void childrenUnderFiveAreFollowedForGrowthUntilTheirFifthBirthday() {
        var fourYears = person(Sex.MALE, TODAY.minusYears(4), Set.of(), TODAY.minusDays(100), Map.of());
        assertEquals(List.of("GROWTH:OVERDUE:found"), due(fourYears));
        var five = person(Sex.MALE, TODAY.minusYears(5), Set.of(), null, Map.of());
        assertEquals(List.of(), due(five));
        var seenLastMonth = person(Sex.MALE, TODAY.minusYears(2), Set.of(), TODAY.minusDays(30), Map.of());
        assertEquals(List.of(), due(seenLastMonth));
    }

    @Test
    void theElderlyWithoutAVisitThisYearAreDueByTheYearsEnd() {
        var notSeen = person(Sex.FEMALE, LocalDate.of(1950, 1, 1), Set.of(), LocalDate.of(2025, 12, 30), Map.of());
        List<CareRules.Due> due = CareRules.due(ALL, notSeen, TODAY);
        assertEquals(List.of("ELDERLY:DUE:found"), due(notSeen));
        assertEquals(LocalDate.of(2026, 12, 31), due.get(0).dueOn());
        var seen = person(Sex.FEMALE, LocalDate.of(1950, 1, 1), Set.of(), LocalDate.of(2026, 1, 2), Map.of());
        assertEquals(List.of(), due(seen));
        var fiftyNine = person(Sex.FEMALE, TODAY.minusYears(60).plusDays(1), Set.of(), null, Map.of());
        assertEquals(List.of(), due(fiftyNine));
    }

    @Test
    void oneElderlyPersonWithBothDiseasesIsListedForEachInTheProgrammesOrder() {
        var p = person(Sex.MALE, LocalDate.of(1950, 1, 1), Set.of("E11.9", "I10"), null, Map.of());
        assertEquals(List.of("HTN:DUE:found", "DM:DUE:found", "ELDERLY:DUE:found"), due(p));
    }

    @Test
    void theProvincesIntervalIsTheRule() {
        CareProgramme htn = new CareProgramme("HTN", true, "I10", "I15", null, null, null, 30, false, 7);
        var p = person(Sex.MALE, LocalDate.of(1970, 3, 1), Set.of("I10"), TODAY.minusDays(40), Map.of());
        assertEquals(CareRules.Status.OVERDUE, CareRules.due(List.of(htn), p, TODAY).get(0).status());
        htn.changeRules(new CareRulesDetails(60, 7, "I10", "I15", null, null, false, true), "test");
        assertEquals(List.of(), CareRules.due(List.of(htn), p, TODAY));
        htn.changeRules(new CareRulesDetails(60, 30, "I10", "I15", null, null, false, true), "test");
        assertEquals(CareRules.Status.UPCOMING, CareRules.due(List.of(htn), p, TODAY).get(0).status());
        htn.changeRules(new CareRulesDetails(60, 30, "I10", "I15", null, null, false, false), "test");
        assertEquals(List.of(), CareRules.due(List.of(htn), p, TODAY), "a programme no longer kept lists nobody");
    }
}
