package vn.hssk.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hssk.household.Sex;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.SpreadsheetCells;

/**
 * What an import of residents did or would do. Counts cover every row, and every row that needs a look is listed,
 * however many there are: refused rows (ERROR), identity conflicts (CONFLICT) and possible duplicates (DUPLICATE)
 * first, then updates, new rows with a warning, and unchanged rows; new rows without a warning are only counted
 * ({@code unlistedRows}). Each row gives the physical line where its record starts in the file (a quoted cell may
 * span lines) and its data record number. Unchanged rows are kept compactly ({@link PersonImportRows}) so that a
 * re-run of a large file does not hold a full row per line. Messages are in English with their codes; the web layer
 * says them in the caller's language ({@link #saidBy}); every text cell of the CSV and XLSX is written formula-safe.
 */
public record PersonImportReport(int total, int newRows, int updatedRows, int unchangedRows, int duplicateRows,
                                 int conflictRows, int errorRows, int warningRows, boolean applied, int unlistedRows,
                                 List<Row> rows) implements Serializable {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> COLUMNS = List.of("line", "record", "personal_id", "full_name", "outcome",
            "person_id", "changed_fields", "similar_persons", "other_rows", "messages");

    /** In the order the report lists them: what needs a decision first. */
    public enum Outcome { ERROR, CONFLICT, DUPLICATE, UPDATED, NEW, UNCHANGED }

    /**
     * The other side of a conflict or a possible duplicate: a record of the caller's communes (its id and part-A
     * identity) or an earlier line of the same file.
     */
    public record Other(Long personId, Integer line, String personalId, String fullName, Sex sex,
                        LocalDate birthDate) implements Serializable {

        String describe() {
            StringBuilder s = new StringBuilder(personId != null ? "person " + personId : "line " + line);
            if (fullName != null) {
                s.append(": ").append(fullName);
            }
            if (sex != null) {
                s.append(", ").append(sex);
            }
            if (birthDate != null) {
                s.append(", ").append(birthDate);
            }
            return s.toString();
        }
    }

    /**
     * One record of the file and its outcome: the fields an update would change, the other side of a conflict or
     * possible duplicate, the errors (field and message) and warnings.
     */
    public record Row(int line, int record, String personalId, String fullName, Outcome outcome, Long personId,
                      List<String> changedFields, List<Long> similarPersons, List<Other> others,
                      List<FieldError> errors, List<FieldError> warnings) implements Serializable {

        public String notes() {
            return notes(FieldError::message);
        }

        /** The errors and warnings as {@code field: message}, each message said by {@code say}. */
        public String notes(Function<FieldError, String> say) {
            return java.util.stream.Stream.concat(errors.stream(), warnings.stream())
                    .map(e -> e.field() + ": " + say.apply(e)).collect(Collectors.joining("; "));
        }

        Row saidBy(Function<FieldError, String> say) {
            return new Row(line, record, personalId, fullName, outcome, personId, changedFields, similarPersons,
                    others, said(errors, say), said(warnings, say));
        }

        private static List<FieldError> said(List<FieldError> errors, Function<FieldError, String> say) {
            return errors.stream().map(e -> new FieldError(e.field(), say.apply(e), e.code(), e.args())).toList();
        }
    }

    public PersonImportReport applied(boolean written) {
        return new PersonImportReport(total, newRows, updatedRows, unchangedRows, duplicateRows, conflictRows,
                errorRows, warningRows, written, unlistedRows, rows);
    }

    /** The same report with every row's messages said by {@code say} as it is read; fields, codes, arguments stay. */
    public PersonImportReport saidBy(Function<FieldError, String> say) {
        List<Row> listed = rows;
        return new PersonImportReport(total, newRows, updatedRows, unchangedRows, duplicateRows, conflictRows,
                errorRows, warningRows, applied, unlistedRows, new java.util.AbstractList<>() {
                    @Override
                    public Row get(int index) {
                        return listed.get(index).saidBy(say);
                    }

                    @Override
                    public int size() {
                        return listed.size();
                    }
                });
    }

    /** The row report as CSV, for download, in English. */
    public String toCsv() {
        return toCsv(FieldError::message);
    }

    /** The row report as CSV, its messages said by {@code say}. */
    public String toCsv(Function<FieldError, String> say) {
        StringWriter out = new StringWriter();
        writeCsv(out, say);
        return out.toString();
    }

    /** The row report as CSV onto {@code out}, row by row. */
    public void writeCsv(Appendable out, Function<FieldError, String> say) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(COLUMNS.toArray(String[]::new)).get());
            for (Row r : rows) {
                csv.printRecord(line(r, say).stream().map(SpreadsheetCells::value).toList());
            }
            List<Object> unlisted = unlistedLine(say);
            if (unlisted != null) {
                csv.printRecord(unlisted.stream().map(SpreadsheetCells::value).toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            for (Row row : rows) {
                cells(sheet, r++, line(row, say));
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            List<Object> unlisted = unlistedLine(say);
            if (unlisted != null) {
                cells(sheet, r, unlisted);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cells(Worksheet sheet, int r, List<Object> line) {
        for (int c = 0; c < line.size(); c++) {
            Object v = line.get(c);
            if (v instanceof Number n) {
                sheet.value(r, c, n);
            } else if (v != null && !v.toString().isEmpty()) {
                sheet.value(r, c, SpreadsheetCells.text(v.toString()));
            }
        }
    }

    private static List<Object> line(Row r, Function<FieldError, String> say) {
        return Arrays.asList(r.line(), r.record(), r.personalId(), r.fullName(), r.outcome().name(), r.personId(),
                String.join(" ", r.changedFields()),
                r.similarPersons().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                r.others().stream().map(Other::describe).collect(Collectors.joining("; ")), r.notes(say));
    }

    private List<Object> unlistedLine(Function<FieldError, String> say) {
        if (unlistedRows == 0) {
            return null;
        }
        List<Object> line = new ArrayList<>(Arrays.asList("", "", "", "", "", "", "", "", ""));
        line.add(say.apply(FieldError.coded("rows", "import.unlisted",
                unlistedRows + " new rows without warnings are counted, not listed", unlistedRows)));
        return line;
    }
}
