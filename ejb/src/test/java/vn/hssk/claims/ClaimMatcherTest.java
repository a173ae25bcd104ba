package vn.hssk.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMatcherTest {

    private static final ClaimMatcher.People PEOPLE = new ClaimMatcher.People() {
        @Override
        public List<Long> byPersonalId(String pid) {
            return pid.equals("001080000001") ? List.of(1L) : List.of();
        }

        @Override
        public List<Long> byBhxhNumber(String number) {
            return Map.of("0123456789", List.of(2L), "5555555555", List.of(3L, 4L)).getOrDefault(number, List.of());
        }

        @Override
        public List<Long> byNameAndBirth(String folded, LocalDate birth) {
            if (folded.equals("tran thi mau") && birth.equals(LocalDate.of(1990, 5, 6))) {
                return List.of(5L);
            }
            if (folded.equals("le van hai")) {
                return List.of(6L, 7L);
            }
            return List.of();
        }
    };

    @Test
    void thePersonalIdWinsOverTheCard() {
        ClaimMatcher.Match m = ClaimMatcher.match(claim("001080000001", List.of("HS4010123456789"), "X", null),
                PEOPLE);
        assertEquals(new ClaimMatcher.Match(MatchRule.PERSONAL_ID, 1L), m);
    }

    @Test
    void anyOfSeveralCardsMatchesByItsSocialInsuranceNumber() {
        ClaimMatcher.Match m = ClaimMatcher.match(claim(null, List.of("XX9999999999999", "DN4790123456789"),
                "X", null), PEOPLE);
        assertEquals(new ClaimMatcher.Match(MatchRule.BHYT, 2L), m);
        assertEquals(MatchRule.BHYT, ClaimMatcher.match(claim("12345", List.of("0123456789"), "X", null), PEOPLE)
                .rule());
    }

    @Test
    void aCardSharedByTwoRecordsMatchesNobody() {
        assertEquals(MatchRule.NONE, ClaimMatcher.match(claim(null, List.of("HS4015555555555"), "X", null), PEOPLE)
                .rule());
    }

    @Test
    void nameAndBirthOnlyOfferAUniqueCandidate() {
        ClaimMatcher.Match m = ClaimMatcher.match(claim(null, List.of(), "Trần Thị  Mẫu",
                LocalDate.of(1990, 5, 6)), PEOPLE);
        assertEquals(MatchRule.NAME_BIRTH, m.rule());
        assertEquals(5L, m.personId());
        assertEquals(false, m.rule().links());
        ClaimMatcher.Match two = ClaimMatcher.match(claim(null, List.of(), "Lê Văn Hải", LocalDate.of(1990, 5, 6)),
                PEOPLE);
        assertEquals(MatchRule.NONE, two.rule());
        assertNull(two.personId());
    }

    @Test
    void cardNumbersAreReadInBothShapes() {
        assertEquals("0123456789", ClaimMatcher.bhxhNumber("hs4 01 0123456789"));
        assertEquals("0123456789", ClaimMatcher.bhxhNumber("0123456789"));
        assertNull(ClaimMatcher.bhxhNumber("HS40101234"));
    }

    private static ClaimSummary claim(String pid, List<String> cards, String name, LocalDate birth) {
        return new ClaimSummary(ClaimEncoding.QD130, "LK", null, name, pid, birth, 1, cards, null, null, "79001",
                null, null, null, List.of(), null, null, null, null, null, null, null, null, null, null);
    }
}
