package vn.hssk.shared.rest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Reads a day sent to the API, in a query parameter or a JSON field: as Vietnamese forms write it (dd/MM/yyyy) or as
 * ISO yyyy-MM-dd. A day that is neither is refused on its field with the code {@code date.format}, so that the
 * problem says the expected format in the caller's language (never the parser's English).
 */
public final class DateParams {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private DateParams() {
    }

    /** The day, or null when blank. */
    public static LocalDate parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, DMY) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(FieldError.coded(field, "date.format", field
                    + " must be a date written dd/MM/yyyy (or yyyy-MM-dd), not '" + v + "'", field, v));
        }
    }
}
