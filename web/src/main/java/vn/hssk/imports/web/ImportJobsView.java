package vn.hssk.imports.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import vn.hssk.imports.ImportJob;
import vn.hssk.imports.ImportJobService;
import vn.hssk.imports.ImportKind;
import vn.hssk.imports.ImportLimits;
import vn.hssk.imports.PersonImportReport;
import vn.hssk.shared.Numbers;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The import screen of station staff and province administrators: a resident list is uploaded, its encoding and
 * columns checked ({@link ImportUpload}), and a preview job started; the screen then watches the job (the page polls
 * while it is queued, running or stopping), lists its report's rows page by page once it has stopped, applies the
 * preview as a new job, cancels or resumes a job, and downloads the report as the REST API writes it. Below, the
 * user's jobs (a province administrator's: the province's), newest first; {@code ?job=id} opens one.
 */
@Named
@ViewScoped
public class ImportJobsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "importMsg";
    private static final int REPORT_PAGE = 25;

    @Inject
    private ImportJobService jobs;

    private final ImportUpload upload = new ImportUpload();
    private ImportKind kind = ImportKind.PERSONS;
    private Long jobId;
    private transient ImportJob job;

    private final LazyDataModel<PersonImportReport.Row> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        /** The rows the report lists (new rows without a warning are only counted). */
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return jobId == null ? 0 : jobs.listedRows(jobId);
        }

        @Override
        public List<PersonImportReport.Row> load(int first, int pageSize, Map<String, SortMeta> sort,
                                                 Map<String, FilterMeta> filters) {
            if (jobId == null) {
                return List.of();
            }
            try {
                return jobs.report(jobId, first, pageSize).rows();
            } catch (RuntimeException e) {
                ScreenMessages.failure(e, null);
                return List.of();
            }
        }

        @Override
        public String getRowKey(PersonImportReport.Row row) {
            return String.valueOf(row.record());
        }
    };

    private final LazyDataModel<ImportJob> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, jobs.count());
            } catch (RuntimeException e) {
                ScreenMessages.failure(e, null);
                return 0;
            }
        }

        @Override
        public List<ImportJob> load(int first, int pageSize, Map<String, SortMeta> sort,
                                    Map<String, FilterMeta> filters) {
            try {
                return jobs.list(first, pageSize);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(ImportJob j) {
            return String.valueOf(j.getId());
        }
    };

    /** {@code ?job=id} opens that job (read once, when the page is opened; postbacks do not carry it). */
    @PostConstruct
    void openAsked() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("job");
        if (asked != null && asked.matches("\\d{1,18}")) {
            jobId = Long.valueOf(asked);
        }
    }

    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            upload.receive(event.getFile().getFileName(), in);
            info("import.uploaded", upload.getFileName(), Numbers.count(upload.getHeaders().size(), locale()));
        } catch (IOException e) {
            ScreenMessages.failure(new UncheckedIOException(e), "upload");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "upload");
        }
    }

    /** The user chose the file's encoding: the stored file is read again in it. */
    public void encodingChanged() {
        try {
            upload.reread();
        } catch (IOException e) {
            ScreenMessages.failure(new UncheckedIOException(e), "upload");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "upload");
        }
    }

    /** Starts a preview job of the uploaded list; the job keeps the file, so the upload is removed. */
    public void preview() {
        try (InputStream in = upload.open()) {
            // A list of residents is read through the columns chosen on the screen; a list of doses through the
            // headers of the national immunization system's export, detected by the job.
            show(jobs.start(kind, ImportJob.Mode.PREVIEW, in, upload.getFileName(), upload.getFormat(),
                    upload.getEncoding(), kind == ImportKind.PERSONS ? upload.mappingText() : null));
            upload.remove();
        } catch (IOException e) {
            ScreenMessages.failure(new UncheckedIOException(e), "mapping");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "mapping");
        }
    }

    public void restart() {
        upload.remove();
    }

    /** The poll's tick: the job as it stands; when it has just stopped, its list line changes too. */
    public void refresh() {
        boolean wasActive = getJob() != null && job.isActive();
        job = jobId == null ? null : jobs.find(jobId);
        if (wasActive && !job.isActive()) {
            PrimeFaces.current().ajax().update("list");
        }
    }

    public void apply() {
        act(() -> jobs.apply(jobId));
    }

    public void cancel() {
        act(() -> jobs.cancel(jobId));
    }

    public void resume() {
        act(() -> jobs.resume(jobId));
    }

    private void act(java.util.function.Supplier<ImportJob> action) {
        try {
            show(action.get());
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
            job = jobId == null ? null : jobs.find(jobId);
        }
    }

    private void show(ImportJob started) {
        job = started;
        jobId = started.getId();
        PrimeFaces.current().ajax().update("list");
    }

    public StreamedContent getCsvReport() {
        long id = jobId;
        Locale language = locale();
        return DefaultStreamedContent.builder().name(ImportReportFiles.csvName(id)).contentType(ImportReportFiles.CSV)
                .writer(out -> {
                    try {
                        ImportReportFiles.writeCsv(ImportReportFiles.whole(jobs, id), language, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    public StreamedContent getXlsxReport() {
        long id = jobId;
        Locale language = locale();
        return DefaultStreamedContent.builder().name(ImportReportFiles.xlsxName(id))
                .contentType(ImportReportFiles.XLSX)
                .writer(out -> ImportReportFiles.writeXlsx(ImportReportFiles.whole(jobs, id), language, out)).build();
    }

    @PreDestroy
    void removeUpload() {
        upload.remove();
    }

    /** The open job, read once per request (an entity is not kept in the view's state). */
    public ImportJob getJob() {
        if (job == null && jobId != null) {
            try {
                job = jobs.find(jobId);
            } catch (RuntimeException e) {
                jobId = null;
                ScreenMessages.failure(e, null);
            }
        }
        return job;
    }

    /** Whether the page should keep polling. */
    public boolean isWatching() {
        return getJob() != null && job.isActive();
    }

    /** Why the job failed, in the user's language when the engine gave a code, else the job's number to quote. */
    public String getFailure() {
        if (getJob() == null || job.getState() != ImportJob.State.FAILED) {
            return null;
        }
        if (job.getFailureCode() != null) {
            return ProblemTexts.message(new FieldError(null, job.getFailure(), job.getFailureCode(), List.of()),
                    locale());
        }
        return text("jobs.failed.unexpected", String.valueOf(job.getId()));
    }

    /** Time left at the current pace, in minutes and seconds; empty while nothing can be said. */
    public String getTimeLeft() {
        Long seconds = getJob() == null ? null : job.secondsLeft();
        if (seconds == null) {
            return "";
        }
        Locale language = locale();
        return seconds < 60 ? text("jobs.left.seconds", Numbers.count(seconds, language))
                : text("jobs.left.minutes", Numbers.count(seconds / 60, language),
                        Numbers.count(seconds % 60, language));
    }

    public String notes(PersonImportReport.Row row) {
        return row.notes(error -> ProblemTexts.message(error, locale()));
    }

    public long getMaxBytes() {
        return ImportLimits.maxBytes();
    }

    public String getTooLargeMessage() {
        return ProblemTexts.message(ImportLimits.tooLarge().errors().get(0), locale());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                text(key, arguments), null));
    }

    private static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, BUNDLE).getString(key);
        return new MessageFormat(pattern, locale()).format(arguments);
    }

    /** The kind of list the user uploads: residents (part A) or the history of doses (part C). */
    public ImportKind getKind() {
        return kind;
    }

    public void setKind(ImportKind kind) {
        this.kind = kind == null ? ImportKind.PERSONS : kind;
    }

    public ImportKind[] getKinds() {
        return ImportKind.values();
    }

    public ImportUpload getUpload() {
        return upload;
    }

    public Long getJobId() {
        return jobId;
    }



    public LazyDataModel<PersonImportReport.Row> getRows() {
        return rows;
    }

    public LazyDataModel<ImportJob> getList() {
        return list;
    }
}
