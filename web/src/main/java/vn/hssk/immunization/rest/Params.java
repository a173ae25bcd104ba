package vn.hssk.immunization.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import vn.hssk.shared.ProblemException;

/** Reads dates and enums from requests, refusing a bad value with the name of its field. */
final class Params {

    private Params() {
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " must be a date such as 2026-01-31");
        }
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
