package vn.hssk.record;

import java.util.regex.Pattern;
import vn.hssk.shared.FieldCheck;

/**
 * Collects what is wrong with the fields of one request about a person, so a form learns about every bad field at
 * once, and knows the formats of part A: the BHYT social-insurance number (10 digits, or the old 15-character card
 * whose last 10 characters are that number), besides the shared ones such as the phone number.
 */
final class RecordFields extends FieldCheck {

    private static final Pattern BHXH_NUMBER = Pattern.compile("\\d{10}");
    private static final Pattern OLD_BHYT_CARD = Pattern.compile("[A-Z]{2}[1-5]\\d{2}\\d{10}");

    /** The 10-digit social-insurance number, from itself or from an old 15-character card; null when blank. */
    String bhyt(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String number = bhxhNumber(value);
        if (number == null) {
            fail(field, "bhyt", "BHYT number must be the 10-digit social-insurance number or a 15-character card"
                    + " code such as HS4010123456789", field);
        }
        return number;
    }

    /** The 10-digit number inside {@code value}, or null when it has neither accepted shape. */
    static String bhxhNumber(String value) {
        String compact = SEPARATORS.matcher(value.strip()).replaceAll("").toUpperCase(java.util.Locale.ROOT);
        if (BHXH_NUMBER.matcher(compact).matches()) {
            return compact;
        }
        if (OLD_BHYT_CARD.matcher(compact).matches()) {
            return compact.substring(5);
        }
        return null;
    }

}
