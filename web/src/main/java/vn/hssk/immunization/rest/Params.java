package vn.hssk.immunization.rest;

import java.time.LocalDate;
import vn.hssk.shared.rest.DateParams;
import vn.hssk.shared.rest.RequestParams;

/** Reads dates and enums from requests, refusing a bad value with the name of its field. */
final class Params {

    private Params() {
    }

    static LocalDate date(String value, String field) {
        return DateParams.parse(value, field);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        return RequestParams.enumValue(type, value, field);
    }

    static <T> T body(T body, String field) {
        return RequestParams.body(body, field);
    }
}
