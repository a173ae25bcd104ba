package vn.hssk.shared;

/**
 * Keeps a text cell that the product writes into a CSV or XLSX from being run as a formula when a spreadsheet opens
 * it (CSV injection, OWASP): a cell starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheets show as text. Every CSV and XLSX writer of hssk passes its text cells through
 * {@link #text}; numbers are written as numbers and need nothing.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell as it is safe to write; null stays null. */
    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return startsAsFormula(cell) ? "'" + cell : cell;
    }

    /** Any value as a cell: numbers and other non-text values unchanged, text made safe. */
    public static Object value(Object cell) {
        return cell instanceof CharSequence s ? text(s.toString()) : cell;
    }

    /** Whether a spreadsheet would take this text as the start of a formula. */
    public static boolean startsAsFormula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '＝' || c == '＋' || c == '－' || c == '＠';
    }
}
