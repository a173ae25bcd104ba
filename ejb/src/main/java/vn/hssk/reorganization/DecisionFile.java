package vn.hssk.reorganization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;

/**
 * Reads a reorganization decision as the government publishes its lists (one line per old commune: its code, the code
 * of the commune it becomes part of, that commune's name and type), in CSV (UTF-8) or XLSX, into steps: the old codes
 * of one new code merge into it (the new code may be one of them, which survives), and a line whose old and new code
 * are the same alone renames or retypes the commune. Headers may be Vietnamese or English, with or without
 * diacritics ({@code ma_xa_cu, ma_xa_moi, ten_xa_moi, loai} or {@code old_code, new_code, new_name, type}).
 */
public final class DecisionFile {

    /** One line of the decision. */
    public record Line(int number, String oldCode, String newCode, String newName, String type) {
    }

    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        for (String[] names : new String[][] {
                {"old", "ma xa cu", "ma cu", "ma dvhc cu", "old code", "old_code", "ma xa truoc sap xep"},
                {"new", "ma xa moi", "ma moi", "ma dvhc moi", "new code", "new_code", "ma xa sau sap xep"},
                {"name", "ten xa moi", "ten moi", "ten dvhc moi", "new name", "new_name", "ten"},
                {"type", "loai", "loai moi", "loai dvhc", "type", "new type", "new_type"}}) {
            for (int i = 1; i < names.length; i++) {
                COLUMNS.put(names[i], names[0]);
            }
        }
    }

    private DecisionFile() {
    }

    /** Decisions are lists of some thousand lines; anything far larger is not one. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public static List<Line> read(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid(FieldError.coded("file", "reorg.file.empty", "The file is empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new ProblemException(413, FieldError.coded("file", "reorg.file.tooLarge", "A decision file is at"
                    + " most " + MAX_BYTES / 1024 / 1024 + " MB", MAX_BYTES / 1024 / 1024));
        }
        boolean xlsx = fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
        List<List<String>> rows = xlsx ? xlsx(content) : csv(content);
        if (rows.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("file", "reorg.file.empty", "The file is empty"));
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        List<String> names = rows.get(0);
        for (int i = 0; i < names.size(); i++) {
            String column = COLUMNS.get(TextFolding.fold(names.get(i)).replace('_', ' ').trim());
            column = column == null ? COLUMNS.get(names.get(i).trim().toLowerCase(java.util.Locale.ROOT)) : column;
            if (column != null) {
                header.putIfAbsent(column, i);
            }
        }
        if (!header.containsKey("old") || !header.containsKey("new")) {
            throw ProblemException.invalid(FieldError.coded("file", "reorg.file.header", "The first line names the"
                    + " columns: ma_xa_cu, ma_xa_moi, ten_xa_moi, loai (or old_code, new_code, new_name, type)"));
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(new Line(r + 1, code(cell(cells, header.get("old"))), code(cell(cells, header.get("new"))),
                    cell(cells, header.get("name")), cell(cells, header.get("type"))));
        }
        return lines;
    }

    /** The steps the lines order; a line with a malformed code is refused with its line number. */
    public static List<ReorganizationStep> steps(List<Line> lines) {
        Map<String, List<Line>> byNew = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Line l : lines) {
            if (l.oldCode() == null || !l.oldCode().matches("\\d{5}") || l.newCode() == null
                    || !l.newCode().matches("\\d{5}")) {
                errors.add(FieldError.coded("file", "reorg.file.code", "Line " + l.number() + ": the old and new"
                        + " commune codes are five digits each", l.number()));
                continue;
            }
            byNew.computeIfAbsent(l.newCode(), k -> new ArrayList<>()).add(l);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ReorganizationStep> steps = new ArrayList<>();
        for (Map.Entry<String, List<Line>> e : byNew.entrySet()) {
            String name = e.getValue().stream().map(Line::newName).filter(n -> n != null).findFirst().orElse(null);
            String type = e.getValue().stream().map(Line::type).filter(t -> t != null).findFirst().orElse(null);
            List<String> olds = e.getValue().stream().map(Line::oldCode).distinct().toList();
            if (olds.equals(List.of(e.getKey()))) {
                steps.add(ReorganizationStep.rename(e.getKey(), name, type));
            } else {
                steps.add(ReorganizationStep.merge(olds, e.getKey(), name, type));
            }
        }
        return steps;
    }

    /** A code a spreadsheet kept as a number lost its leading zeros (Hà Nội's communes begin with 000). */
    private static String code(String cell) {
        if (cell == null) {
            return null;
        }
        String c = cell.endsWith(".0") ? cell.substring(0, cell.length() - 2) : cell;
        return c.matches("\\d{1,4}") ? "0".repeat(5 - c.length()) + c : c;
    }

    private static String cell(List<String> cells, Integer index) {
        if (index == null || index >= cells.size()) {
            return null;
        }
        String v = cells.get(index).strip();
        return v.isEmpty() ? null : java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFC);
    }

    private static List<List<String>> csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid(FieldError.coded("file", "reorg.file.encoding", "The file is not UTF-8"
                    + " text; save it from the spreadsheet as CSV UTF-8, or upload the XLSX"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = text.lines().findFirst().map(h -> h.contains(";") && !h.contains(",") ? ';' : ',')
                .orElse(',');
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .get().parse(new StringReader(text))) {
                rows.add(record.stream().toList());
            }
            return rows;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ProblemException.invalid(FieldError.coded("file", "reorg.file.csv", "The file is not valid CSV"));
        }
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<org.dhatim.fastexcel.reader.Row> sheet = wb.getFirstSheet().openStream()) {
            List<List<String>> rows = new ArrayList<>();
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellAsString(c).orElse(""));
                }
                rows.add(cells);
            });
            return rows;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(FieldError.coded("file", "reorg.file.xlsx",
                    "The file is not a readable XLSX workbook"));
        }
    }
}
