package vn.hssk.record.rest;

import java.util.Locale;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;

/**
 * Something to review about a field that did not stop the change (e.g. an unknown birth-registration province in the
 * personal ID), with its message code and the message in the caller's language.
 */
public record WarningView(String field, String code, String message) {

    static WarningView of(FieldError w, Locale locale) {
        return new WarningView(w.field(), w.code(), ProblemTexts.message(w, locale));
    }
}
