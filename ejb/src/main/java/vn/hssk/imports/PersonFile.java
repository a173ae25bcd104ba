package vn.hssk.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Reads a resident list row by row, CSV (comma or semicolon) or the first sheet of an XLSX workbook, handing each row
 * to a consumer as soon as it is parsed; no list of rows is ever built, so the file's size does not decide the memory
 * an import needs. A CSV is decoded strictly in the encoding chosen (UTF-8 with or without BOM unless the user says
 * the file is Windows-1252 or Windows-1258, as older Excel saves): a byte that is not valid in it refuses the file,
 * so no replacement character ever reaches a record. Each row comes with its physical line (where the record starts,
 * counting the line breaks inside quoted cells, as a text editor shows it) and its data record number.
 */
public final class PersonFile {

    public enum Format { CSV, XLSX }

    /** The encodings a CSV may be in; XLSX is always Unicode. */
    public enum Encoding {
        UTF_8("UTF-8"), WINDOWS_1252("windows-1252"), WINDOWS_1258("windows-1258");

        private final String charset;

        Encoding(String charset) {
            this.charset = charset;
        }

        public String label() {
            return charset.toLowerCase(Locale.ROOT);
        }

        /** The encoding a caller named (utf-8, windows-1252, windows-1258; blank is UTF-8), or a refusal. */
        public static Encoding of(String name) {
            if (name == null || name.isBlank()) {
                return UTF_8;
            }
            for (Encoding e : values()) {
                if (e.charset.equalsIgnoreCase(name.strip()) || e.name().equalsIgnoreCase(name.strip())) {
                    return e;
                }
            }
            throw ProblemException.invalid(FieldError.coded("encoding", "import.encodingChoice",
                    "encoding is utf-8, windows-1252 or windows-1258, not '" + name.strip() + "'", name.strip()));
        }

        /** A decoder that refuses malformed and unmappable input instead of replacing it. */
        CharsetDecoder strictDecoder() {
            return Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
    }

    /** Receives the header once, then each non-empty data row with its physical line and its data record number. */
    public interface Rows {
        void header(List<String> cells);

        void row(int line, int record, List<String> cells);
    }

    /** One data row of the file: its physical line, its data record number (from 1) and its cells. */
    public record Record(int line, int record, List<String> cells) {
    }

    /**
     * A file opened for reading row by row at the reader's pace (a batch job's reader asks for one row at a time):
     * the header is read on opening; {@link #next} answers the next non-empty data row, or {@code null} at the end.
     * Errors of the file (encoding, CSV or XLSX structure) are the same refusals as {@link #read} gives.
     */
    public interface Cursor extends AutoCloseable {
        List<String> header();

        Record next();

        @Override
        void close();
    }

    private PersonFile() {
    }

    public static void read(InputStream in, Format format, Rows rows) {
        read(in, format, Encoding.UTF_8, rows);
    }

    public static void read(InputStream in, Format format, Encoding encoding, Rows rows) {
        try (Cursor cursor = open(in, format, encoding)) {
            rows.header(cursor.header());
            for (Record r = cursor.next(); r != null; r = cursor.next()) {
                rows.row(r.line(), r.record(), r.cells());
            }
        }
    }

    public static Cursor open(InputStream in, Format format, Encoding encoding) {
        if (in == null) {
            throw ProblemException.invalid(FieldError.coded("file", "import.empty", "The file is empty"));
        }
        return format == Format.XLSX ? new XlsxCursor(in) : new CsvCursor(in, encoding == null ? Encoding.UTF_8
                : encoding);
    }

    /** The text of a CSV: strictly decoded, BOM dropped. */
    static BufferedReader decode(InputStream in, Encoding encoding) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.strictDecoder()), 65_536);
        reader.mark(1);
        int first = reader.read();
        if (first != '\uFEFF' && first != -1) {
            reader.reset();
        }
        return reader;
    }

    private static final class CsvCursor implements Cursor {
        private final Encoding encoding;
        private final BufferedReader reader;
        private final LineCountingReader lines;
        private final Iterator<CSVRecord> it;
        private final List<String> header;
        private int record;

        CsvCursor(InputStream in, Encoding encoding) {
            this.encoding = encoding;
            try {
                reader = decode(in, encoding);
                reader.mark(65_536);
                String headerLine = reader.readLine();
                if (headerLine == null) {
                    throw ProblemException.invalid(FieldError.coded("file", "import.empty", "The file is empty"));
                }
                reader.reset();
                char delimiter = headerLine.contains(";") && !headerLine.contains(",") ? ';' : ',';
                lines = new LineCountingReader(reader);
                CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                        .get().parse(lines);
                it = parser.iterator();
                if (!it.hasNext()) {
                    throw ProblemException.invalid(FieldError.coded("file", "import.noHeader",
                            "The file has no header line"));
                }
                CSVRecord first = it.next();
                lines.lineOfRecordAt(first.getCharacterPosition());
                header = first.stream().toList();
            } catch (IOException | RuntimeException e) {
                throw refusal(e);
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public Record next() {
            try {
                while (it.hasNext()) {
                    CSVRecord r = it.next();
                    long line = lines.lineOfRecordAt(r.getCharacterPosition());
                    List<String> cells = r.stream().toList();
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    return new Record((int) line, ++record, cells);
                }
                return null;
            } catch (RuntimeException e) {
                throw refusal(e);
            }
        }

        private ProblemException refusal(Exception e) {
            if (e instanceof ProblemException p) {
                return p;
            }
            if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
                return notDecodable(encoding);
            }
            if (e instanceof IOException) {
                return ProblemException.invalid(FieldError.coded("file", "import.unreadable",
                        "The file could not be read"));
            }
            return badCsv((RuntimeException) e);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing was written; the stream is dropped
            }
        }
    }

    private static final class XlsxCursor implements Cursor {
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> it;
        private final List<String> header;
        private int record;

        XlsxCursor(InputStream in) {
            try {
                workbook = new ReadableWorkbook(in);
                stream = workbook.getFirstSheet().openStream();
                it = stream.iterator();
                header = nextCells() == null ? null : last;
            } catch (IOException | RuntimeException e) {
                throw refusal(e);
            }
            if (header == null) {
                close();
                throw ProblemException.invalid(FieldError.coded("file", "import.noHeaderRow",
                        "The sheet has no header row"));
            }
        }

        private List<String> last;
        private int lastRow;

        private List<String> nextCells() {
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellAsString(c).map(String::strip).orElse(""));
                }
                if (!cells.stream().allMatch(String::isEmpty)) {
                    last = cells;
                    lastRow = row.getRowNum();
                    return cells;
                }
            }
            return null;
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public Record next() {
            try {
                return nextCells() == null ? null : new Record(lastRow, ++record, last);
            } catch (RuntimeException e) {
                throw refusal(e);
            }
        }

        private static ProblemException refusal(Exception e) {
            if (e instanceof ProblemException p) {
                return p;
            }
            return ProblemException.invalid(FieldError.coded("file", "import.badXlsx",
                    "The file is not a readable XLSX workbook"));
        }

        @Override
        public void close() {
            try {
                stream.close();
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // reading is over
            }
        }
    }

    private static ProblemException notDecodable(Encoding encoding) {
        if (encoding == Encoding.UTF_8) {
            return ProblemException.invalid(FieldError.coded("file", "import.notUtf8",
                    "The file is not in UTF-8 (older Excel saves CSV as Windows-1252 or Windows-1258): save it again"
                    + " in Excel as \"CSV UTF-8 (Comma delimited)\", or choose the file's encoding"
                    + " (windows-1252, windows-1258)"));
        }
        return ProblemException.invalid(FieldError.coded("file", "import.notInEncoding",
                "The file is not valid " + encoding.label() + ": choose its encoding again, or save it in Excel as"
                + " \"CSV UTF-8 (Comma delimited)\"", encoding.label()));
    }

    private static ProblemException badCsv(RuntimeException e) {
        return ProblemException.invalid(FieldError.coded("file", "import.badCsv",
                "The file is not valid CSV near line " + lineOf(e), lineOf(e)));
    }

    private static String lineOf(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
        return matcher.find() ? matcher.group(1) : "(unknown)";
    }
}
