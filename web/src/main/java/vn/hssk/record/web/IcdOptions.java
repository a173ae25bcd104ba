package vn.hssk.record.web;

import java.util.List;
import vn.hssk.icd10.Icd10Service;

/**
 * The ICD-10 suggestions of the autocompletes of parts B and D, as "code – name" labels; the code is read back from
 * the label on saving, so the component needs no converter.
 */
final class IcdOptions {

    private static final String SEPARATOR = " – ";
    private static final int SUGGESTIONS = 15;

    private IcdOptions() {
    }

    static List<String> complete(Icd10Service icd10, String query) {
        if (query == null || query.strip().length() < 1) {
            return List.of();
        }
        return icd10.search(query, SUGGESTIONS).stream().map(c -> c.getCode() + SEPARATOR + c.getName()).toList();
    }

    /** The code of a label (or of a bare code typed without choosing), null for blank. */
    static String code(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        int cut = label.indexOf(SEPARATOR);
        return (cut < 0 ? label : label.substring(0, cut)).strip();
    }
}
