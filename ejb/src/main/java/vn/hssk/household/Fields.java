package vn.hssk.household;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Collects what is wrong with the fields of one request, so a form learns about every bad field at once, and holds
 * the formats households use: the household code, the Vietnamese phone number, the 12-digit personal ID.
 */
final class Fields {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Pattern PHONE = Pattern.compile("(?:\\+84|0)(?:[35789]\\d{8}|2\\d{9})");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.()-]");
    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");

    private final List<FieldError> errors = new ArrayList<>();

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** The trimmed text, or {@code null} (and an error if required) when blank; an error when too long. */
    String text(String field, String value, int maxLength, boolean required, String label) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                fail(field, label + " is required");
            }
            return null;
        }
        if (trimmed.length() > maxLength) {
            fail(field, label + " is at most " + maxLength + " characters");
        }
        return trimmed;
    }

    String code(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (!CODE.matcher(trimmed).matches()) {
            fail(field, "Household code must be 1 to 20 letters, digits or '-'");
        }
        return trimmed;
    }

    /** A Vietnamese phone number (mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx, +84 allowed), or none. */
    String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = PHONE_SEPARATORS.matcher(value.strip()).replaceAll("");
        if (!PHONE.matcher(digits).matches()) {
            fail(field, "Phone must be a Vietnamese number such as 0912345678 or 02373812345");
        }
        return digits;
    }

    String personalId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (!PERSONAL_ID.matcher(trimmed).matches()) {
            fail(field, "Personal ID must be exactly 12 digits");
        }
        return trimmed;
    }

    /** A required date that is not after today. */
    LocalDate pastOrToday(String field, LocalDate value, String label) {
        if (value == null) {
            fail(field, label + " is required");
        } else if (value.isAfter(today())) {
            fail(field, label + " cannot be in the future");
        }
        return value;
    }

    <T> T required(String field, T value, String label) {
        if (value == null) {
            fail(field, label + " is required");
        }
        return value;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
