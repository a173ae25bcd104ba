package vn.hssk.immunization.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;

/** Reads dates and enums from requests, refusing a bad value with the name of its field. */
final class Params {

    private Params() {
    }

    static LocalDate date(String value, String field) {
        return DateParams.parse(value, field);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " is one of " + List.of(type.getEnumConstants()));
        }
    }

    static <T> T body(T body, String field) {
        if (body == null) {
            throw ProblemException.invalid(field, "A JSON body is required");
        }
        return body;
    }
}
