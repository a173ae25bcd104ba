package vn.hssk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/** The identity rules as registration applies them: every error at once, the future refused, the ID agreeing. */
class PersonRulesTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private final AdministrativeUnit village = village();

    private static AdministrativeUnit village() {
        AdministrativeUnit province = new AdministrativeUnit("38", "Thanh Hóa", UnitLevel.PROVINCE, "TINH", null,
                LONG_AGO, "test");
        AdministrativeUnit commune = new AdministrativeUnit("16204", "Quảng Đại", UnitLevel.COMMUNE, "XA", province,
                LONG_AGO, "test");
        return new AdministrativeUnit("16204-01", "Huệ Nghiêm", UnitLevel.VILLAGE, "THON", commune, LONG_AGO,
                "test");
    }

    private static PersonDetails details(Sex sex, LocalDate born, String personalId) {
        return new PersonDetails("Lê Văn Minh", sex, born, personalId, null, "Kinh", null, null, null, 1L, null, null,
                null, null, null);
    }

    private List<String> refusal(Sex sex, LocalDate born, String personalId) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new Person(details(sex, born, personalId), village, "test"));
        assertEquals(400, e.status());
        return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void theReviewsCaseIsRefusedForEveryReason() {
        assertEquals(List.of("birthDate:future", "personalId:personalId.sex", "personalId:personalId.year"),
                refusal(Sex.MALE, LocalDate.of(2027, 5, 1), "999123456789"));
    }

    @Test
    void aBirthDateInTheFutureIsRefusedEvenByOneDay() {
        LocalDate tomorrow = FieldCheck.today().plusDays(1);
        String id = "038" + (tomorrow.getYear() >= 2000 ? 2 : 0) + String.format("%02d", tomorrow.getYear() % 100)
                + "001234";
        assertEquals(List.of("birthDate:future"), refusal(Sex.MALE, tomorrow, id));
    }

    @Test
    void centuryYearAndSexMismatchesAreRefusedOnThePersonalId() {
        assertEquals(List.of("personalId:personalId.year"), refusal(Sex.MALE, LocalDate.of(1985, 4, 2),
                "038285001234"));
        assertEquals(List.of("personalId:personalId.year"), refusal(Sex.MALE, LocalDate.of(1985, 4, 2),
                "038086001234"));
        assertEquals(List.of("personalId:personalId.sex"), refusal(Sex.FEMALE, LocalDate.of(1985, 4, 2),
                "038085001234"));
        assertEquals(List.of("personalId:personalId.century"), refusal(Sex.MALE, LocalDate.of(1985, 4, 2),
                "038785001234"));
        assertEquals(List.of("personalId:personalId.length"), refusal(Sex.MALE, LocalDate.of(1985, 4, 2),
                "12345"));
    }

    @Test
    void anUnknownPrefixIsSavedWithAWarningAndAKnownOneWithout() {
        Person unknown = new Person(details(Sex.MALE, LocalDate.of(1985, 4, 2), "999085001234"), village, "test");
        assertEquals(List.of("personalId.province"),
                PersonService.result(unknown).warnings().stream().map(FieldError::code).toList());
        Person known = new Person(details(Sex.MALE, LocalDate.of(1985, 4, 2), "038085001234"), village, "test");
        assertEquals(List.of(), PersonService.result(known).warnings());
    }
}
