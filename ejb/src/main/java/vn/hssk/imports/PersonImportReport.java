package vn.hssk.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * What an import of residents did or would do. Counts cover every row; the rows themselves are listed only when they
 * need a look (not NEW, or NEW with a warning) and at most {@link PersonImportService#MAX_LISTED} of them, so that a
 * 100k-row import answers with a report of bounded size; {@code unlistedRows} says how many were left out. Messages
 * are in English with their codes; the web layer says them in the caller's language ({@link #saidBy}).
 */
public record PersonImportReport(int total, int newRows, int updatedRows, int unchangedRows, int duplicateRows,
                                 int errorRows, int warningRows, boolean applied, int unlistedRows, List<Row> rows)
        implements Serializable {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> COLUMNS = List.of("line", "personal_id", "full_name", "outcome", "person_id",
            "changed_fields", "similar_persons", "messages");

    public enum Outcome { NEW, UPDATED, UNCHANGED, DUPLICATE, ERROR }

    /**
     * One line of the file and its outcome: the fields an update would change, the persons a possible duplicate
     * resembles, the errors (field and message) and warnings.
     */
    public record Row(int line, String personalId, String fullName, Outcome outcome, Long personId,
                      List<String> changedFields, List<Long> similarPersons, List<FieldError> errors,
                      List<FieldError> warnings) implements Serializable {

        public String notes() {
            return notes(FieldError::message);
        }

        /** The errors and warnings as {@code field: message}, each message said by {@code say}. */
        public String notes(Function<FieldError, String> say) {
            return java.util.stream.Stream.concat(errors.stream(), warnings.stream())
                    .map(e -> e.field() + ": " + say.apply(e)).collect(Collectors.joining("; "));
        }

        Row saidBy(Function<FieldError, String> say) {
            return new Row(line, personalId, fullName, outcome, personId, changedFields, similarPersons,
                    said(errors, say), said(warnings, say));
        }

        private static List<FieldError> said(List<FieldError> errors, Function<FieldError, String> say) {
            return errors.stream().map(e -> new FieldError(e.field(), say.apply(e), e.code(), e.args())).toList();
        }
    }

    public PersonImportReport applied(boolean written) {
        return new PersonImportReport(total, newRows, updatedRows, unchangedRows, duplicateRows, errorRows,
                warningRows, written, unlistedRows, rows);
    }

    /** The same report with every row's messages said by {@code say}; fields, codes and arguments stay. */
    public PersonImportReport saidBy(Function<FieldError, String> say) {
        return new PersonImportReport(total, newRows, updatedRows, unchangedRows, duplicateRows, errorRows,
                warningRows, applied, unlistedRows, rows.stream().map(r -> r.saidBy(say)).toList());
    }

    /** The row report as CSV, for download, in English. */
    public String toCsv() {
        return toCsv(FieldError::message);
    }

    /** The row report as CSV, its messages said by {@code say}. */
    public String toCsv(Function<FieldError, String> say) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (List<Object> line : lines(say)) {
                csv.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The same row report as an XLSX workbook (one sheet, the CSV's columns), written as a stream, in English. */
    public void writeXlsx(OutputStream out) {
        writeXlsx(out, FieldError::message);
    }

    /** The XLSX row report, its messages said by {@code say}. */
    public void writeXlsx(OutputStream out, Function<FieldError, String> say) {
        try {
            Workbook workbook = new Workbook(out, "hssk", "1.0");
            Worksheet sheet = workbook.newWorksheet("Report");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (List<Object> line : lines(say)) {
                for (int c = 0; c < line.size(); c++) {
                    Object v = line.get(c);
                    if (v instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (v != null && !v.toString().isEmpty()) {
                        sheet.value(r, c, v.toString());
                    }
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<Object>> lines(Function<FieldError, String> say) {
        List<List<Object>> lines = new ArrayList<>(rows.size() + 1);
        for (Row r : rows) {
            lines.add(Arrays.asList(r.line(), r.personalId(), r.fullName(), r.outcome().name(), r.personId(),
                    String.join(" ", r.changedFields()),
                    r.similarPersons().stream().map(String::valueOf).collect(Collectors.joining(" ")), r.notes(say)));
        }
        if (unlistedRows > 0) {
            lines.add(Arrays.asList("", "", "", "", "", "", "", say.apply(FieldError.coded("rows", "import.unlisted",
                    unlistedRows + " more rows not listed (NEW rows without warnings, or beyond the listing limit)",
                    unlistedRows))));
        }
        return lines;
    }
}
