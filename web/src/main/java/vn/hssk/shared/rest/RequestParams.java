package vn.hssk.shared.rest;

import java.util.List;
import java.util.Locale;
import vn.hssk.shared.ProblemException;

/** Reads enum values and JSON bodies of API requests, refusing a bad or missing one with the name of its field. */
public final class RequestParams {

    private RequestParams() {
    }

    /** The constant named by {@code value} (any case), or null when blank; 400 on {@code field} for another name. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " is one of " + List.of(type.getEnumConstants()));
        }
    }

    /** The body; 400 on {@code field} when the request sent none. */
    public static <T> T body(T body, String field) {
        if (body == null) {
            throw ProblemException.invalid(field, "A JSON body is required");
        }
        return body;
    }
}
