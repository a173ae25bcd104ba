package vn.hssk.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Reads a resident list row by row, CSV (UTF-8, comma or semicolon) or the first sheet of an XLSX workbook, handing
 * each row to a consumer as soon as it is parsed; no list of rows is ever built, so the file's size does not decide
 * the memory an import needs.
 */
public final class PersonFile {

    public enum Format { CSV, XLSX }

    /** Receives the header once, then each non-empty data row with its 1-based line (the header being line 1). */
    public interface Rows {
        void header(List<String> cells);

        void row(int line, List<String> cells);
    }

    private PersonFile() {
    }

    public static void read(InputStream in, Format format, Rows rows) {
        if (in == null) {
            throw ProblemException.invalid(FieldError.coded("file", "import.empty", "The file is empty"));
        }
        if (format == Format.XLSX) {
            readXlsx(in, rows);
        } else {
            readCsv(in, rows);
        }
    }

    private static void readCsv(InputStream in, Rows rows) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(new BufferedInputStream(in),
                    StandardCharsets.UTF_8), 65_536);
            reader.mark(65_536);
            int first = reader.read();
            if (first == -1) {
                throw ProblemException.invalid(FieldError.coded("file", "import.empty", "The file is empty"));
            }
            if (first != '\uFEFF') {
                reader.reset();
            }
            reader.mark(65_536);
            String headerLine = reader.readLine();
            reader.reset();
            char delimiter = headerLine != null && headerLine.contains(";") && !headerLine.contains(",") ? ';' : ',';
            CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setTrim(true).get().parse(reader);
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw ProblemException.invalid(FieldError.coded("file", "import.noHeader",
                        "The file has no header line"));
            }
            rows.header(it.next().stream().toList());
            while (it.hasNext()) {
                CSVRecord r = it.next();
                List<String> cells = r.stream().toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.row((int) r.getRecordNumber(), cells);
            }
        } catch (IOException e) {
            throw ProblemException.invalid(FieldError.coded("file", "import.notUtf8",
                    "The file could not be read as UTF-8 CSV"));
        } catch (IllegalStateException | UncheckedIOException e) {
            throw ProblemException.invalid(FieldError.coded("file", "import.badCsv",
                    "The file is not valid CSV near line " + lineOf(e), lineOf(e)));
        }
    }

    private static String lineOf(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
        return matcher.find() ? matcher.group(1) : "(unknown)";
    }

    private static void readXlsx(InputStream in, Rows rows) {
        boolean[] headerSeen = new boolean[1];
        try (ReadableWorkbook wb = new ReadableWorkbook(in); Stream<Row> stream = wb.getFirstSheet().openStream()) {
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellAsString(c).map(String::strip).orElse(""));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    return;
                }
                if (!headerSeen[0]) {
                    headerSeen[0] = true;
                    rows.header(cells);
                } else {
                    rows.row(row.getRowNum(), cells);
                }
            });
        } catch (ProblemException | jakarta.persistence.PersistenceException p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(FieldError.coded("file", "import.badXlsx",
                    "The file is not a readable XLSX workbook"));
        }
        if (!headerSeen[0]) {
            throw ProblemException.invalid(FieldError.coded("file", "import.noHeaderRow",
                    "The sheet has no header row"));
        }
    }
}
