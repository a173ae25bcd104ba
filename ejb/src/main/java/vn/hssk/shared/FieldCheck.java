package vn.hssk.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Collects what is wrong with the fields of one request, so that a form learns about every bad field at once, with
 * the checks every feature shares (required, text length, a day not in the future, the shape of a Vietnamese phone
 * number). Features extend it with their own formats.
 */
public class FieldCheck {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx, +84 allowed, separators removed. */
    protected static final Pattern PHONE = Pattern.compile("(?:\\+84|0)(?:[35789]\\d{8}|2\\d{9})");
    protected static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");
    protected static final String PHONE_MESSAGE = "Phone must be a Vietnamese number such as 0912345678 or 02373812345";

    private final List<FieldError> errors = new ArrayList<>();

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A failure the web layer can say in the user's language: {@code code} and its arguments (field names first). */
    public void fail(String field, String code, String message, Object... args) {
        errors.add(FieldError.coded(field, code, message, args));
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    /** The trimmed text, or {@code null} (and an error if required) when blank; an error when too long. */
    public String text(String field, String value, int maxLength, boolean required, String label) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                fail(field, "required", label + " is required", field);
            }
            return null;
        }
        if (trimmed.length() > maxLength) {
            fail(field, "tooLong", label + " is at most " + maxLength + " characters", field, maxLength);
        }
        return trimmed;
    }

    /** A Vietnamese phone number, kept as digits with a leading 0 so that it is found however it was typed. */
    public String phone(String field, String value) {
        String digits = normalPhone(value);
        if (digits != null && !PHONE.matcher(digits).matches()) {
            fail(field, "phone", PHONE_MESSAGE, field);
        }
        return digits == null ? null : digits.startsWith("+84") ? "0" + digits.substring(3) : digits;
    }

    /** The phone number as typed without separators (spaces, dots, brackets, dashes); null when blank. */
    public static String normalPhone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SEPARATORS.matcher(value.strip()).replaceAll("");
    }

    /** A required date that is not after today. */
    public LocalDate pastOrToday(String field, LocalDate value, String label) {
        if (value == null) {
            fail(field, "required", label + " is required", field);
        } else if (value.isAfter(today())) {
            fail(field, "future", label + " cannot be in the future", field);
        }
        return value;
    }

    public <T> T required(String field, T value, String label) {
        if (value == null) {
            fail(field, "required", label + " is required", field);
        }
        return value;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
