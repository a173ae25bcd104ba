package vn.hssk.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;
import vn.hssk.record.Person;
import vn.hssk.record.PersonDetails;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

class CareEnrolmentTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);

    private static Person person(Sex sex, LocalDate born) {
        AdministrativeUnit province = new AdministrativeUnit("38", "Thanh Hóa", UnitLevel.PROVINCE, "TINH", null,
                LONG_AGO, "test");
        AdministrativeUnit commune = new AdministrativeUnit("16204", "Quảng Đại", UnitLevel.COMMUNE, "XA", province,
                LONG_AGO, "test");
        AdministrativeUnit village = new AdministrativeUnit("16204-01", "Huệ Nghiêm", UnitLevel.VILLAGE, "THON",
                commune, LONG_AGO, "test");
        int century = born.getYear() >= 2000 ? 2 : 0;
        String personalId = "038" + (century + (sex == Sex.FEMALE ? 1 : 0))
                + String.format("%02d", born.getYear() % 100) + "012345";
        return new Person(new PersonDetails("Lê Thị Hoa", sex, born, personalId, null, "Kinh", null, null, null, 1L, null,
                null, null, null, null), village, "test");
    }

    private static List<String> refusal(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void aPregnancyIsEnrolledForAWomanOfChildbearingAgeOnly() {
        LocalDate today = FieldCheck.today();
        Person woman = person(Sex.FEMALE, today.minusYears(27));
        CareEnrolment e = new CareEnrolment(woman, CareRulesTest.ANC, today, "  Thai  lần 2 ", "staff");
        assertTrue(e.isOpen());
        assertEquals("Thai lần 2", e.getNote());
        assertEquals(List.of("programme:care.sex"), refusal(() -> new CareEnrolment(person(Sex.MALE,
                today.minusYears(27)), CareRulesTest.ANC, today, null, "staff")));
        assertEquals(List.of("programme:care.ageRange"), refusal(() -> new CareEnrolment(person(Sex.FEMALE,
                today.minusYears(8)), CareRulesTest.ANC, today, null, "staff")));
    }

    @Test
    void programmesFoundByAgeTakeNoEnrolment() {
        LocalDate today = FieldCheck.today();
        assertEquals(List.of("programme:care.notEnrolment"), refusal(() -> new CareEnrolment(
                person(Sex.MALE, today.minusYears(2)), CareRulesTest.GROWTH, today, null, "staff")));
    }

    @Test
    void theEnrolmentDayIsBetweenBirthAndToday() {
        LocalDate today = FieldCheck.today();
        Person p = person(Sex.MALE, today.minusYears(50));
        assertEquals(List.of("enrolledOn:future"), refusal(() -> new CareEnrolment(p, CareRulesTest.HTN,
                today.plusDays(1), null, "staff")));
        assertEquals(List.of("enrolledOn:care.beforeBirth"), refusal(() -> new CareEnrolment(p, CareRulesTest.HTN,
                today.minusYears(51), null, "staff")));
    }

    @Test
    void anEndedEnrolmentTakesNoFollowUpAndEndsOnce() {
        LocalDate today = FieldCheck.today();
        CareEnrolment e = new CareEnrolment(person(Sex.MALE, today.minusYears(50)), CareRulesTest.HTN,
                today.minusDays(60), null, "staff");
        assertEquals(List.of("visitDate:care.followUpBeforeStart"),
                refusal(() -> e.requireFollowUpOn(today.minusDays(61))));
        assertEquals(List.of("reason:required"), refusal(() -> e.end(today, " ", "staff")));
        assertEquals(List.of("endedOn:care.endBeforeStart"), refusal(() -> e.end(today.minusDays(61), "moved",
                "staff")));
        e.end(today, "Chuyển đi nơi khác", "staff");
        assertFalse(e.isOpen());
        assertEquals(409, assertThrows(ProblemException.class, () -> e.end(today, "again", "staff")).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> e.requireFollowUpOn(today)).status());
    }
}
