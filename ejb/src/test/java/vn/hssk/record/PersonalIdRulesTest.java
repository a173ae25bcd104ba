package vn.hssk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;
import vn.hssk.shared.ProblemException.FieldError;

class PersonalIdRulesTest {

    private static List<FieldError> errors(String id, Sex sex, LocalDate born) {
        return PersonalIdRules.errors("personalId", id, sex, born);
    }

    @Test
    void aConsistentIdHasNoError() {
        assertEquals(List.of(), errors("038085001234", Sex.MALE, LocalDate.of(1985, 4, 2)));
        assertEquals(List.of(), errors("038185001234", Sex.FEMALE, LocalDate.of(1985, 4, 2)));
        assertEquals(List.of(), errors("001299001234", Sex.MALE, LocalDate.of(2099, 1, 1)));
        assertEquals(List.of(), errors("001324001234", Sex.FEMALE, LocalDate.of(2024, 1, 1)));
        assertEquals(List.of(), errors("001400001234", Sex.MALE, LocalDate.of(2100, 1, 1)));
        assertEquals(List.of(), errors("001500001234", Sex.FEMALE, LocalDate.of(2100, 1, 1)));
    }

    @Test
    void anythingButTwelveDigitsIsRefusedNamingTheField() {
        for (String bad : new String[] {"03808500123", "0380850012345", "03808500123A", "", "038 085 001 234"}) {
            List<FieldError> e = errors(bad, Sex.MALE, LocalDate.of(1985, 4, 2));
            assertEquals(1, e.size(), bad);
            assertEquals("personalId", e.get(0).field());
            assertTrue(e.get(0).message().contains("12 digits"), e.get(0).message());
        }
        assertEquals(1, errors(null, Sex.MALE, LocalDate.of(1985, 4, 2)).size());
    }

    @Test
    void theCenturyDigitMustAgreeWithTheSex() {
        List<FieldError> e = errors("038185001234", Sex.MALE, LocalDate.of(1985, 4, 2));
        assertEquals(1, e.size());
        assertEquals("personalId", e.get(0).field());
        assertTrue(e.get(0).message().contains("female"), e.get(0).message());
        assertEquals(1, errors("038285001234", Sex.FEMALE, LocalDate.of(2085, 4, 2)).size());
    }

    @Test
    void everyDisagreementIsReportedNotOnlyTheFirst() {
        List<FieldError> e = errors("999123456789", Sex.MALE, LocalDate.of(2027, 5, 1));
        assertEquals(List.of("personalId.sex", "personalId.year"), e.stream().map(FieldError::code).toList());
        assertTrue(e.get(1).message().contains("1923") && e.get(1).message().contains("2027"), e.get(1).message());
        assertEquals(List.of("personalId.year"), errors("999123456789", Sex.FEMALE, LocalDate.of(2027, 5, 1))
                .stream().map(FieldError::code).toList(), "female digit 1 = 1900s, so a 2027 birth cannot be 1923");
    }

    @Test
    void theYearIsTheCenturyOfTheDigitPlusDigitsFiveAndSix() {
        assertEquals(1923, PersonalIdRules.encodedYear("999123456789"));
        assertEquals(2024, PersonalIdRules.encodedYear("001324001234"));
        assertEquals(2100, PersonalIdRules.encodedYear("001500001234"));
        assertEquals(1999, PersonalIdRules.encodedYear("038099001234"));
        assertEquals(List.of("personalId.year"), errors("038324001234", Sex.FEMALE, LocalDate.of(1924, 1, 1))
                .stream().map(FieldError::code).toList(), "same two digits, wrong century");
    }

    @Test
    void theCenturyDigitAndYearMustAgreeWithTheBirthDate() {
        assertEquals(1, errors("038285001234", Sex.MALE, LocalDate.of(1985, 4, 2)).size(), "2000s digit, born 1985");
        assertEquals(1, errors("038086001234", Sex.MALE, LocalDate.of(1985, 4, 2)).size(), "year 86, born 85");
        assertEquals(1, errors("038005001234", Sex.MALE, LocalDate.of(2005, 4, 2)).size(), "1900s digit, 2005");
        FieldError e = errors("038086001234", Sex.MALE, LocalDate.of(1985, 4, 2)).get(0);
        assertEquals("personalId", e.field());
        assertTrue(e.message().contains("1986") && e.message().contains("1985"), e.message());
    }

    @Test
    void aCenturyDigitAboveFiveIsRefused() {
        for (char d = '6'; d <= '9'; d++) {
            List<FieldError> e = errors("038" + d + "85001234", Sex.MALE, LocalDate.of(1985, 4, 2));
            assertEquals(1, e.size(), "digit " + d);
            assertEquals("personalId", e.get(0).field());
        }
    }

    @Test
    void unknownSexOrBirthDateLeavesOnlyTheShapeToCheck() {
        assertEquals(List.of(), errors("038185001234", null, null));
        assertEquals(1, errors("038785001234", null, null).size());
    }

    @Test
    void anUnknownProvincePrefixIsOnlyAWarning() {
        Set<String> known = Set.of("001", "038");
        assertTrue(PersonalIdRules.provinceWarning("personalId", "038085001234", known).isEmpty());
        FieldError w = PersonalIdRules.provinceWarning("personalId", "099085001234", known).orElseThrow();
        assertEquals("personalId", w.field());
        assertTrue(w.message().contains("099"), w.message());
        assertTrue(PersonalIdRules.provinceWarning("personalId", "0990850", known).isEmpty());
        assertTrue(PersonalIdRules.provinceWarning("personalId", null, known).isEmpty());
    }

    @Test
    void theShippedListDecidesTheWarning() {
        assertTrue(PersonalIdRules.hasUnknownProvince("999123456789"));
        assertTrue(PersonalIdRules.provinceWarning("personalId", "999123456789").orElseThrow().code()
                .equals("personalId.province"));
        assertTrue(!PersonalIdRules.hasUnknownProvince("038085001234"), "038 Thanh Hóa is known");
        assertTrue(!PersonalIdRules.hasUnknownProvince("12345"), "not an ID at all: an error, not a warning");
    }

    @Test
    void theShippedCatalogKnowsThanhHoaAndCanThoButNotNinetyNine() {
        assertTrue(BirthProvinces.codes().contains("038"));
        assertTrue(BirthProvinces.codes().contains("092"));
        assertTrue(BirthProvinces.codes().contains("001"));
        assertTrue(!BirthProvinces.codes().contains("099"));
        assertTrue(!BirthProvinces.codes().contains("003"), "003 is not a birth-registration province code");
    }
}
