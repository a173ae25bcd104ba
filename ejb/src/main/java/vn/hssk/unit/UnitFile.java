package vn.hssk.unit;

import vn.hssk.shared.SpreadsheetCells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

/**
 * Units in the shape of the official code lists — code, name, type, parent code (optionally level, valid from, valid
 * to) — read from and written to CSV (UTF-8) or XLSX. Headers are matched without diacritics, in Vietnamese or
 * English ("mã", "tên", "loại", "mã cha"), so that the lists published by the statistics office load as they are.
 */
public final class UnitFile {

    public enum Format { CSV, XLSX }

    /** One data line of a file, as text. */
    public record Line(int number, String code, String name, String type, String parentCode, String level,
                       String validFrom) {
    }

    /** A unit as exported. */
    public record Entry(String code, String name, String typeLabel, String parentCode, UnitLevel level,
                        LocalDate validFrom, LocalDate validTo) {
    }

    private static final String[] HEADER = {"code", "name", "type", "parent_code", "level", "valid_from", "valid_to"};
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String[] names : new String[][] {
                {"code", "code", "ma", "ma don vi", "ma dvhc"},
                {"name", "name", "ten", "ten don vi", "ten dvhc"},
                {"type", "type", "unit type", "unit_type", "loai", "cap"},
                {"parent_code", "parent code", "parent_code", "parent", "ma cha", "ma don vi cha", "ma cap tren"},
                {"level", "level", "cap hanh chinh"},
                {"valid_from", "valid from", "valid_from", "hieu luc tu", "tu ngay"}}) {
            for (int i = 1; i < names.length; i++) {
                COLUMNS.put(names[i], names[0]);
            }
        }
    }

    private UnitFile() {
    }

    public static List<Line> read(byte[] content, Format format) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", "The file is empty");
        }
        return format == Format.XLSX ? readXlsx(content) : readCsv(content);
    }

    private static List<Line> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = text.lines().findFirst().map(h -> h.contains(";") && !h.contains(",") ? ';' : ',').orElse(',');
        try (Reader reader = new java.io.StringReader(text)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setTrim(true).get().parse(reader).getRecords();
            if (records.isEmpty()) {
                throw ProblemException.invalid("file", "The file has no header line");
            }
            Map<String, Integer> header = header(records.get(0).stream().toList());
            List<Line> lines = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                List<String> cells = records.get(i).stream().toList();
                lines.add(line((int) records.get(i).getRecordNumber(), header, cells));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw ProblemException.invalid("file", "The file is not valid CSV: " + e.getMessage());
        }
    }

    private static List<Line> readXlsx(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getFirstSheet();
            List<Line> lines = new ArrayList<>();
            Map<String, Integer>[] header = new Map[1];
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                rows.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(row.getCellAsString(c).map(String::trim).orElse(""));
                    }
                    if (cells.stream().allMatch(String::isEmpty)) {
                        return;
                    }
                    if (header[0] == null) {
                        header[0] = header(cells);
                    } else {
                        lines.add(line(row.getRowNum(), header[0], cells));
                    }
                });
            }
            if (header[0] == null) {
                throw ProblemException.invalid("file", "The sheet has no header row");
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.invalid("file", "The file is not a readable XLSX workbook");
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String column = COLUMNS.get(TextFolding.fold(names.get(i)).replace('_', ' ').replace("  ", " "));
            if (column == null) {
                column = COLUMNS.get(TextFolding.fold(names.get(i)));
            }
            if (column != null) {
                index.putIfAbsent(column, i);
            }
        }
        for (String required : new String[] {"code", "name", "type"}) {
            if (!index.containsKey(required)) {
                throw ProblemException.invalid("file", "The header has no column '" + required
                        + "' (expected: code, name, type, parent_code; or mã, tên, loại, mã cha)");
            }
        }
        return index;
    }

    private static Line line(int number, Map<String, Integer> header, List<String> cells) {
        return new Line(number, cell(header, cells, "code"), cell(header, cells, "name"), cell(header, cells, "type"),
                cell(header, cells, "parent_code"), cell(header, cells, "level"), cell(header, cells, "valid_from"));
    }

    private static String cell(Map<String, Integer> header, List<String> cells, String column) {
        Integer i = header.get(column);
        if (i == null || i >= cells.size()) {
            return "";
        }
        String value = cells.get(i);
        return value == null ? "" : value.trim();
    }

    public static byte[] write(List<Entry> entries, Format format) {
        return format == Format.XLSX ? writeXlsx(entries) : writeCsv(entries);
    }

    private static byte[] writeCsv(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Entry e : entries) {
                csv.printRecord(SpreadsheetCells.text(e.code()), SpreadsheetCells.text(e.name()), SpreadsheetCells.text(e.typeLabel()), SpreadsheetCells.text(e.parentCode()),
                        e.level(), e.validFrom(), e.validTo());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] writeXlsx(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "hssk", "1.0");
            Worksheet ws = wb.newWorksheet("units");
            for (int c = 0; c < HEADER.length; c++) {
                ws.value(0, c, HEADER[c]);
            }
            int r = 1;
            for (Entry e : entries) {
                ws.value(r, 0, SpreadsheetCells.text(e.code()));
                ws.value(r, 1, SpreadsheetCells.text(e.name()));
                ws.value(r, 2, SpreadsheetCells.text(e.typeLabel()));
                ws.value(r, 3, SpreadsheetCells.text(e.parentCode()));
                ws.value(r, 4, e.level().name());
                ws.value(r, 5, e.validFrom() == null ? null : e.validFrom().toString());
                ws.value(r, 6, e.validTo() == null ? null : e.validTo().toString());
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
