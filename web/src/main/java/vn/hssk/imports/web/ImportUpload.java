package vn.hssk.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.hssk.imports.PersonColumns;
import vn.hssk.imports.PersonFile;
import vn.hssk.shared.web.Problems;

/**
 * The import screen's first steps, before a job exists: the uploaded list waits on disk ({@link ImportUploads}) while
 * the user checks its encoding and which column holds which field; it is removed once a job has stored it, when
 * another file is chosen, or when the screen is left. A file that only another encoding can read stays, so that
 * encoding can be chosen.
 */
public class ImportUpload implements Serializable {

    private static final long serialVersionUID = 1L;

    private String stored;
    private String fileName;
    private PersonFile.Format format;
    private PersonFile.Encoding encoding = PersonFile.Encoding.UTF_8;
    private List<String> headers = List.of();
    private final Map<String, String> mapping = new LinkedHashMap<>();

    /** One part-A field the list may carry, for the mapping step. */
    public record FieldOption(String name, boolean required) implements Serializable {

        public String getName() {
            return name;
        }

        public boolean isRequired() {
            return required;
        }
    }

    /** Keeps the uploaded file and reads its header; a failure leaves nothing stored unless another encoding may help. */
    void receive(String name, InputStream in) throws IOException {
        remove();
        format = name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? PersonFile.Format.XLSX
                : PersonFile.Format.CSV;
        stored = ImportUploads.store(in);
        fileName = name;
        try {
            readHeader();
        } catch (RuntimeException e) {
            if (!notDecodable(e)) {
                remove();
            }
            throw e;
        }
    }

    /** Reads the header again in the chosen encoding; the columns are matched by their names again. */
    void reread() throws IOException {
        headers = List.of();
        mapping.clear();
        if (stored != null) {
            readHeader();
        }
    }

    private void readHeader() throws IOException {
        headers = ImportUploads.header(stored, format, encoding);
        PersonColumns.detect(headers).forEach((field, column) -> mapping.put(field.apiName(), headers.get(column)));
    }

    /** A file that another encoding may read. */
    private static boolean notDecodable(RuntimeException e) {
        return Problems.in(e).map(p -> p.errors().stream().anyMatch(f -> "import.notUtf8".equals(f.code())
                || "import.notInEncoding".equals(f.code()))).orElse(false);
    }

    InputStream open() throws IOException {
        return ImportUploads.open(stored);
    }

    void remove() {
        ImportUploads.remove(stored);
        stored = null;
        fileName = null;
        headers = List.of();
        mapping.clear();
    }

    /** The chosen columns as the service's mapping ({@code field:header,...}); unchosen fields are found by name. */
    String mappingText() {
        return mapping.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    public List<FieldOption> getFields() {
        List<FieldOption> fields = new ArrayList<>();
        for (PersonColumns.Field f : PersonColumns.Field.values()) {
            fields.add(new FieldOption(f.apiName(), f.isRequired()));
        }
        return fields;
    }

    public boolean isStored() {
        return stored != null;
    }

    public boolean isHeaderRead() {
        return !headers.isEmpty();
    }

    public String getFileName() {
        return fileName;
    }

    public PersonFile.Format getFormat() {
        return format;
    }

    public PersonFile.Encoding getEncoding() {
        return encoding;
    }

    public void setEncoding(PersonFile.Encoding encoding) {
        this.encoding = encoding == null ? PersonFile.Encoding.UTF_8 : encoding;
    }

    public PersonFile.Encoding[] getEncodings() {
        return PersonFile.Encoding.values();
    }

    public List<String> getHeaders() {
        return headers;
    }

    public Map<String, String> getMapping() {
        return mapping;
    }
}
