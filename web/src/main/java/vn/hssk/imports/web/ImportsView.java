package vn.hssk.imports.web;

import jakarta.annotation.PreDestroy;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.hssk.imports.ImportLimits;
import vn.hssk.imports.PersonColumns;
import vn.hssk.imports.PersonFile;
import vn.hssk.imports.PersonImportReport;
import vn.hssk.imports.PersonImportService;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;
import vn.hssk.shared.web.Problems;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The import screen: station staff upload a resident list (CSV or XLSX), check which column holds which field, see
 * what the import would do (new, updated, unchanged, possible duplicates, errors with line and field), then apply it
 * whole or only its valid rows, and download the row report as CSV or XLSX, its messages in the user's language. The
 * list waits on disk between the steps ({@link ImportUploads}); each step reads it again as a stream, as the REST
 * import does.
 */
@Named
@ViewScoped
public class ImportsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "importMsg";

    @Inject
    private PersonImportService imports;

    private String upload;
    private String fileName;
    private PersonFile.Format format;
    private PersonFile.Encoding encoding = PersonFile.Encoding.UTF_8;
    private List<String> headers = List.of();
    private final Map<String, String> mapping = new LinkedHashMap<>();
    private PersonImportReport report;

    /** One part-A field the list may carry, for the mapping step. */
    public record FieldOption(String name, boolean required) implements Serializable {

        public String getName() {
            return name;
        }

        public boolean isRequired() {
            return required;
        }
    }

    public void upload(FileUploadEvent event) {
        ImportUploads.remove(upload);
        reset();
        String name = event.getFile().getFileName();
        format = name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? PersonFile.Format.XLSX
                : PersonFile.Format.CSV;
        try (InputStream in = event.getFile().getInputStream()) {
            upload = ImportUploads.store(in);
            fileName = name;
            readHeader();
        } catch (IOException e) {
            ScreenMessages.failure(new IllegalStateException(e), "upload");
            reset();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "upload");
            if (upload == null || !notDecodable(e)) {
                ImportUploads.remove(upload);
                reset();
            }
        }
    }

    /** A file that another encoding may read: it stays stored while the user chooses the encoding. */
    private static boolean notDecodable(RuntimeException e) {
        return Problems.in(e).map(p -> p.errors().stream().anyMatch(f -> "import.notUtf8".equals(f.code())
                || "import.notInEncoding".equals(f.code()))).orElse(false);
    }

    /**
     * The user chose the file's encoding (a CSV that is not UTF-8): the stored file is read again in it. A file that
     * does not decode keeps its upload, so another encoding can be tried.
     */
    public void encodingChanged() {
        if (upload == null) {
            return;
        }
        headers = List.of();
        mapping.clear();
        report = null;
        try {
            readHeader();
        } catch (IOException e) {
            ScreenMessages.failure(new IllegalStateException(e), "encoding");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "encoding");
        }
    }

    private void readHeader() throws IOException {
        headers = ImportUploads.header(upload, format, encoding);
        PersonColumns.detect(headers).forEach((field, column) -> mapping.put(field.apiName(), headers.get(column)));
        info("import.uploaded", fileName, headers.size());
    }

    public void preview() {
        try (InputStream in = ImportUploads.open(upload)) {
            report = imports.preview(in, format, encoding, mappingText());
        } catch (IOException e) {
            ScreenMessages.failure(new IllegalStateException(e), "mapping");
        } catch (RuntimeException e) {
            report = null;
            ScreenMessages.failure(e, "mapping");
        }
    }

    public void apply(boolean onlyValidRows) {
        try (InputStream in = ImportUploads.open(upload)) {
            report = imports.apply(in, format, encoding, mappingText(), onlyValidRows);
            info("import.applied", report.newRows(), report.updatedRows(), report.errorRows()
                    + report.duplicateRows());
        } catch (IOException e) {
            ScreenMessages.failure(new IllegalStateException(e), "mapping");
        } catch (RuntimeException e) {
            Optional<ProblemException> refused = Problems.in(e);
            if (refused.isPresent() && refused.get().details() instanceof PersonImportReport r) {
                report = r;
                FacesContext faces = FacesContext.getCurrentInstance();
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        text(faces, "import.refused", r.errorRows(), r.total()), null));
                faces.validationFailed();
            } else {
                ScreenMessages.failure(e, "mapping");
            }
        }
    }

    /** Back to the start: the stored list is removed. */
    public void restart() {
        ImportUploads.remove(upload);
        reset();
    }

    public StreamedContent getCsvReport() {
        byte[] csv = report == null ? new byte[0]
                : ("\uFEFF" + report.toCsv(this::say)).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("bao-cao-nhap-danh-sach.csv")
                .contentType("text/csv; charset=UTF-8").contentLength((long) csv.length)
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public StreamedContent getXlsxReport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (report != null) {
            report.writeXlsx(out, this::say);
        }
        byte[] xlsx = out.toByteArray();
        return DefaultStreamedContent.builder().name("bao-cao-nhap-danh-sach.xlsx")
                .contentType(PersonImportReport.XLSX).contentLength((long) xlsx.length)
                .stream(() -> new ByteArrayInputStream(xlsx)).build();
    }

    @PreDestroy
    void removeUpload() {
        ImportUploads.remove(upload);
    }

    private void reset() {
        upload = null;
        fileName = null;
        headers = List.of();
        mapping.clear();
        report = null;
    }

    /** The chosen columns as the service's mapping ({@code field:header,...}); unchosen fields are found by name. */
    private String mappingText() {
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

    /** The outcome's rows of the report, for the table; NEW rows without a warning are only counted. */
    public List<PersonImportReport.Row> getRows() {
        return report == null ? List.of() : report.rows();
    }

    public String notes(PersonImportReport.Row row) {
        return row.notes(this::say);
    }

    /** A row's error or warning in the user's language. */
    private String say(FieldError error) {
        return ProblemTexts.message(error, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(faces, key, arguments), null));
    }

    private static String text(FacesContext faces, String key, Object... arguments) {
        String pattern = faces.getApplication().getResourceBundle(faces, BUNDLE).getString(key);
        return new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
    }

    /** A date of the report as users write it (dd/MM/yyyy). */
    public String date(java.time.LocalDate day) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
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

    /** The upload limit, for the upload component, and its refusal in the user's language. */
    public long getMaxBytes() {
        return ImportLimits.maxBytes();
    }

    public String getTooLargeMessage() {
        return say(ImportLimits.tooLarge().errors().get(0));
    }

    /** Whether the stored file could not be read (e.g. another encoding): the upload stays to choose one. */
    public boolean isHeaderRead() {
        return !headers.isEmpty();
    }

    public boolean isUploaded() {
        return upload != null;
    }

    public String getFileName() {
        return fileName;
    }

    public List<String> getHeaders() {
        return headers;
    }

    public Map<String, String> getMapping() {
        return mapping;
    }

    public PersonImportReport getReport() {
        return report;
    }
}
