package vn.hssk.station;

import java.util.regex.Pattern;
import vn.hssk.shared.ProblemException;

/** The checks the station and staff entities share on free text and Vietnamese phone numbers. */
final class StationFields {

    private static final Pattern PHONE = Pattern.compile("0[0-9]{9}|02[0-9]{9}|\\+84[0-9]{9}|\\+842[0-9]{9}");

    private StationFields() {
    }

    static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw ProblemException.invalid(field, "This field is required");
        }
        return v;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw ProblemException.invalid(field, "At most " + max + " characters");
        }
        return v;
    }

    /**
     * A Vietnamese phone number: 10 digits starting with 0 (mobile), 11 digits starting with 02 (landline, as most
     * stations have), or the same after +84 without the 0; spaces, dots and dashes are ignored.
     */
    static String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.replaceAll("[\\s.-]", "");
        if (!PHONE.matcher(v).matches()) {
            throw ProblemException.invalid(field, "A phone number has 10 digits starting with 0 (11 for a 02 landline), or +84 without the 0");
        }
        return v;
    }
}
