package vn.hssk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void vietnameseGroupsWithADotAndWritesDecimalsWithAComma() {
        assertEquals("7.219", Numbers.count(7219, VI));
        assertEquals("1.758.498", Numbers.count(1_758_498L, VI));
        assertEquals("13,8", Numbers.decimal(13.75, VI));
        assertEquals("1.234,5", Numbers.decimal(1234.5, VI));
    }

    @Test
    void englishGroupsWithACommaAndWritesDecimalsWithADot() {
        assertEquals("7,219", Numbers.count(7219, Locale.ENGLISH));
        assertEquals("13.8", Numbers.decimal(13.75, Locale.ENGLISH));
    }

    @Test
    void peopleAreWholeNumbersAndAMissingShareIsADash() {
        assertEquals("14", Numbers.count(13.8, VI));
        assertEquals("0", Numbers.count(0, VI));
        assertEquals("", Numbers.count(null, VI));
        assertEquals(Numbers.NONE, Numbers.decimal(null, Locale.ENGLISH));
    }

    @Test
    void anUnknownOrMissingLanguageIsVietnamese() {
        assertEquals("7.219", Numbers.count(7219, null));
        assertEquals("7.219", Numbers.count(7219, Locale.FRENCH));
    }
}
