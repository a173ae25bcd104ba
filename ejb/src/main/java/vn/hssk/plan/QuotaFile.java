package vn.hssk.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

/**
 * Reads a commune's quota table from CSV or XLSX as a commune's plan prints it (seed 002): a header naming the
 * village (code or name), the population (nhân khẩu) and the quota (chỉ tiêu), numbers with Vietnamese thousands
 * separators (1.180) allowed; a total line (Tổng cộng) is skipped.
 */
public final class QuotaFile {

    /** A data line as written: the village's code or name, and the two numbers as text. */
    public record Line(int number, String village, String population, String quota) {
    }

    private QuotaFile() {
    }

    public static List<Line> read(byte[] content, boolean xlsx) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", "The file is empty");
        }
        List<List<String>> rows = xlsx ? xlsxRows(content) : csvRows(content);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "The file has no header line");
        }
        int[] columns = header(rows.get(0));
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            String village = cell(cells, columns[0]);
            if (village.isEmpty() || TextFolding.fold(village).startsWith("tong")) {
                continue;
            }
            lines.add(new Line(i + 1, village, cell(cells, columns[1]), cell(cells, columns[2])));
        }
        return lines;
    }

    /** A whole number written with or without thousands separators; null when blank. */
    public static Integer number(String text) {
        String compact = text == null ? "" : text.replaceAll("[\\s.,]", "");
        if (compact.isEmpty()) {
            return null;
        }
        if (!compact.matches("-?\\d{1,9}")) {
            throw new NumberFormatException(text);
        }
        return Integer.valueOf(compact);
    }

    private static int[] header(List<String> names) {
        int[] columns = {-1, -1, -1};
        for (int i = 0; i < names.size(); i++) {
            String name = TextFolding.fold(names.get(i));
            if (columns[0] < 0 && (name.contains("thon") || name.contains("village") || name.equals("ma")
                    || name.equals("code"))) {
                columns[0] = i;
            } else if (columns[1] < 0 && (name.contains("nhan khau") || name.contains("population")
                    || name.contains("dan so"))) {
                columns[1] = i;
            } else if (columns[2] < 0 && (name.contains("chi tieu") || name.contains("quota"))) {
                columns[2] = i;
            }
        }
        if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0) {
            throw ProblemException.invalid("file", "The header needs the columns village (thôn), population"
                    + " (nhân khẩu) and quota (chỉ tiêu)");
        }
        return columns;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
    }

    private static List<List<String>> csvRows(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.contains(";") ? ';' : first.contains("\t") ? '\t' : ',';
        try (Reader reader = new StringReader(text)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setTrim(true).get().parse(reader)) {
                rows.add(r.stream().toList());
            }
            return rows;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ProblemException.invalid("file", "The file is not valid CSV");
        }
    }

    private static List<List<String>> xlsxRows(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<org.dhatim.fastexcel.reader.Row> stream = wb.getFirstSheet().openStream()) {
            List<List<String>> rows = new ArrayList<>();
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    org.dhatim.fastexcel.reader.Cell cell = row.getCell(c);
                    if (cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                        cells.add(cell.asNumber().toBigInteger().toString());
                    } else {
                        cells.add(row.getCellAsString(c).map(String::trim).orElse(""));
                    }
                }
                if (!cells.stream().allMatch(String::isEmpty)) {
                    rows.add(cells);
                }
            });
            return rows;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "The file is not a readable XLSX workbook");
        }
    }
}
