package vn.hssk.imports;

import java.util.List;
import java.util.regex.Pattern;
import vn.hssk.imports.PersonColumns.Field;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.SpreadsheetCells;
import vn.hssk.shared.TextFolding;

/**
 * The cells of one data row as the import may use them: a cell holding a control character (NUL, ESC, tab, a line
 * break...) or the replacement character of a bad decoding, or starting as a spreadsheet formula ({@code = + - @},
 * {@code =HYPERLINK(...)}, {@code =cmd|...}) is refused with its field named, since such text would corrupt a record or
 * run when a report is opened; the address alone may have its line breaks and tabs (a multi-line address cell),
 * which become spaces, and a phone may start with {@code +84}. Every value kept is in the stored form of
 * {@link TextFolding#normalize} (NFC, single-spaced, trimmed), so a re-import of the same person compares equal.
 */
public final class PersonCells {

    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+\\d[\\d .()-]*");

    private final PersonColumns columns;
    private final List<String> cells;
    private final List<FieldError> errors;

    /** Reads {@code cells} by {@code columns}; what is wrong with a cell goes to {@code errors}. */
    public PersonCells(PersonColumns columns, List<String> cells, List<FieldError> errors) {
        this.columns = columns;
        this.cells = cells;
        this.errors = errors;
    }

    /** The normalised text of {@code field}, null when blank or refused (the refusal is in the errors). */
    public String text(Field field) {
        String raw = columns.raw(field, cells);
        if (raw == null) {
            return null;
        }
        FieldError refused = refusal(field, raw);
        if (refused != null) {
            errors.add(refused);
            return null;
        }
        String value = TextFolding.normalize(raw);
        return value.isEmpty() ? null : value;
    }

    /** A refused cell as a report may show it: its control characters as spaces; null stays null. */
    public static String shown(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            shown.append(isControl(c) ? ' ' : c);
        }
        return shown.toString().strip();
    }

    /** Why a cell of {@code field} cannot be imported, or null when it can. */
    static FieldError refusal(Field field, String raw) {
        if (hasControl(raw, field == Field.ADDRESS)) {
            return FieldError.coded(field.apiName(), "import.controlCharacter",
                    "The cell holds a control character (such as a tab, a line break, NUL or ESC) or a character"
                    + " that could not be decoded; correct the cell", field.apiName());
        }
        String value = raw.strip();
        if (SpreadsheetCells.startsAsFormula(value)
                && !(field == Field.PHONE && INTERNATIONAL_PHONE.matcher(value).matches())) {
            return FieldError.coded(field.apiName(), "import.formula",
                    "The cell starts like a spreadsheet formula (= + - @); it cannot be imported", field.apiName());
        }
        return null;
    }

    /**
     * Whether {@code raw} holds a control character (with {@code layout}, tabs and line breaks aside): a loop, as it
     * runs over every cell of a million-row list.
     */
    private static boolean hasControl(String raw, boolean layout) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isControl(c) && !(layout && (c == '\t' || c == '\r' || c == '\n'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A character no cell may hold: a C0 or C1 control (NUL, ESC, tab, line breaks...), the replacement character of
     * a bad decoding, or a Unicode line or paragraph separator.
     */
    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0xFFFD || c == 0x2028 || c == 0x2029;
    }
}
