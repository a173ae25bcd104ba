package vn.hssk.unit;

import java.io.Serializable;
import vn.hssk.shared.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What an import of units did or would do, row by row: NEW, CHANGED (with the fields), UNCHANGED or ERROR (with the
 * reasons). A preview and a refused import write nothing; {@code applied} says whether rows were written.
 */
public record UnitImportReport(int total, int newRows, int changedRows, int unchangedRows, int errorRows,
                               boolean applied, List<Row> rows) implements Serializable {

    public enum Outcome { NEW, CHANGED, UNCHANGED, ERROR }

    /** One line of the file (1-based, the header being line 1) and its outcome. */
    public record Row(int line, String code, String name, String type, String parentCode, Outcome outcome,
                      List<String> messages) implements Serializable {

        /** The messages as one text, for a table cell. */
        public String notes() {
            return String.join("; ", messages);
        }
    }

    public static UnitImportReport of(List<Row> rows, boolean applied) {
        int[] n = new int[4];
        rows.forEach(r -> n[r.outcome().ordinal()]++);
        return new UnitImportReport(rows.size(), n[0], n[1], n[2], n[3], applied, List.copyOf(rows));
    }

    /** The row report as CSV, for download. */
    public String toCsv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("line", "code", "name", "type", "parent_code", "outcome", "messages").get())) {
            for (Row r : rows) {
                csv.printRecord(r.line(), SpreadsheetCells.text(r.code()), SpreadsheetCells.text(r.name()), SpreadsheetCells.text(r.type()), SpreadsheetCells.text(r.parentCode()),
                        r.outcome(), SpreadsheetCells.text(String.join("; ", r.messages())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
