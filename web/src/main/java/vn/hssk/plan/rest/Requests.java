package vn.hssk.plan.rest;

import java.time.LocalDate;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;

/** The small parsing rules the plan resources share: a required body, a year, a date. */
final class Requests {

    private Requests() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        return body;
    }

    static int year(String value, String field) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(vn.hssk.plan.Period.VIETNAM).getYear();
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, field + " is a year such as 2024");
        }
    }

    static LocalDate date(String value, String field) {
        return DateParams.parse(value, field);
    }
}
