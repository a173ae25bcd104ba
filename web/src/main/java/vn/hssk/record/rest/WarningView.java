package vn.hssk.record.rest;

import vn.hssk.shared.ProblemException.FieldError;

/** Something to review about a field that did not stop the change. */
public record WarningView(String field, String message) {

    static WarningView of(FieldError w) {
        return new WarningView(w.field(), w.message());
    }
}
