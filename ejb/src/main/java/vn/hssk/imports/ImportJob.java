package vn.hssk.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.DynamicUpdate;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.shared.CallerIdentity;

/**
 * One import job: a preview or an apply of one list over one uploaded file, as its users watch it (state, counters,
 * rows per second, time left) and as the engine resumes it ({@link #lastRecord}, committed with the chunk that
 * reached it). The caller who started it travels with it (username, roles, communes), because a batch thread has no
 * request and every rule of scope must still apply to what the job writes. Updates write only the columns they change
 * ({@link DynamicUpdate}), so a chunk's counters and a user's cancel never overwrite each other.
 */
@Entity
@Table(name = "import_job")
@DynamicUpdate
public class ImportJob implements Serializable {

    public enum Mode { PREVIEW, APPLY }

    /** QUEUED until a batch thread takes it; STOPPING after a cancel until its chunk ends; PAUSED can resume. */
    public enum State { QUEUED, RUNNING, STOPPING, PAUSED, FAILED, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ImportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Mode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(name = "file_id", nullable = false)
    private long fileId;

    @Column(name = "file_name")
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 5)
    private PersonFile.Format format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PersonFile.Encoding encoding;

    @Column(length = 2000)
    private String mapping;

    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;

    @Column(name = "preview_of")
    private Long previewOf;

    @Column(name = "started_by", nullable = false, length = 100)
    private String startedBy;

    @Column(name = "caller_roles", nullable = false, length = 200)
    private String callerRoles;

    @Column(name = "caller_communes", length = 2000)
    private String callerCommunes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "run_started_at")
    private Instant runStartedAt;

    @Column(name = "run_first_rows", nullable = false)
    private int runFirstRows;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(length = 100)
    private String node;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(nullable = false)
    private int runs;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(name = "rows_new", nullable = false)
    private int rowsNew;

    @Column(name = "rows_updated", nullable = false)
    private int rowsUpdated;

    @Column(name = "rows_unchanged", nullable = false)
    private int rowsUnchanged;

    @Column(name = "rows_duplicate", nullable = false)
    private int rowsDuplicate;

    @Column(name = "rows_conflict", nullable = false)
    private int rowsConflict;

    @Column(name = "rows_error", nullable = false)
    private int rowsError;

    @Column(name = "rows_warning", nullable = false)
    private int rowsWarning;

    @Column(name = "last_record", nullable = false)
    private int lastRecord;

    @Column(name = "last_line", nullable = false)
    private int lastLine;

    @Column(name = "bytes_read", nullable = false)
    private long bytesRead;

    @Column(length = 2000)
    private String failure;

    @Column(name = "failure_code", length = 100)
    private String failureCode;

    protected ImportJob() {
    }

    public ImportJob(ImportKind kind, Mode mode, long fileId, long fileBytes, String fileName, PersonFile.Format format,
                     PersonFile.Encoding encoding, String mapping, Long previewOf, CallerIdentity caller) {
        this.kind = kind;
        this.mode = mode;
        this.state = State.QUEUED;
        this.fileId = fileId;
        this.fileBytes = fileBytes;
        this.fileName = fileName == null || fileName.isBlank() ? null
                : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.format = format;
        this.encoding = encoding == null ? PersonFile.Encoding.UTF_8 : encoding;
        this.mapping = mapping == null || mapping.isBlank() ? null : mapping;
        this.previewOf = previewOf;
        this.startedBy = caller.username();
        this.callerRoles = String.join(",", new TreeSet<>(caller.roles()));
        this.callerCommunes = caller.communeScope() == null ? null : String.join(",", caller.communeScope());
        this.createdAt = Instant.now();
    }

    /** The caller who started the job, as the job's writes must see them. */
    public CallerIdentity caller(String tenant) {
        Set<String> roles = Set.copyOf(Arrays.asList(callerRoles.split(",")));
        Set<String> communes = callerCommunes == null || callerCommunes.isEmpty() ? Set.of()
                : Set.copyOf(Arrays.asList(callerCommunes.split(",")));
        return new CallerIdentity(startedBy, roles, java.util.Optional.of(tenant), communes);
    }

    /** The communes the job may write in, or {@code null} for the whole province. */
    public Set<String> communes() {
        return callerCommunes == null ? null : callerCommunes.isEmpty() ? Set.of()
                : Set.copyOf(Arrays.asList(callerCommunes.split(",")));
    }

    /** Whether this job and {@code other} could write into one commune. */
    public boolean overlaps(ImportJob other) {
        Set<String> mine = communes();
        Set<String> theirs = other.communes();
        return mine == null || theirs == null || mine.stream().anyMatch(theirs::contains);
    }

    public boolean isActive() {
        return state == State.QUEUED || state == State.RUNNING || state == State.STOPPING;
    }

    public boolean isResumable() {
        return state == State.PAUSED || state == State.FAILED;
    }

    /** A batch thread of {@code onNode} starts (or resumes) the job. */
    public void running(String onNode, long execution) {
        if (state != State.STOPPING) {
            state = State.RUNNING;
        }
        node = onNode;
        executionId = execution;
        runs++;
        runStartedAt = Instant.now();
        runFirstRows = rowsRead;
        heartbeatAt = runStartedAt;
        failure = null;
        failureCode = null;
    }

    /** Queued again for a resume on {@code onNode}. */
    public void resumed(String onNode) {
        state = State.QUEUED;
        node = onNode;
        heartbeatAt = Instant.now();
        finishedAt = null;
    }

    /** Counts one committed chunk: its rows by outcome, and where the file now stands. */
    public void counted(int[] outcomes, int warnings, int record, int line, long bytes) {
        for (Outcome o : Outcome.values()) {
            int n = outcomes[o.ordinal()];
            rowsRead += n;
            switch (o) {
                case NEW -> rowsNew += n;
                case UPDATED -> rowsUpdated += n;
                case UNCHANGED -> rowsUnchanged += n;
                case DUPLICATE -> rowsDuplicate += n;
                case CONFLICT -> rowsConflict += n;
                case ERROR -> rowsError += n;
                default -> throw new IllegalStateException(o.name());
            }
        }
        rowsWarning += warnings;
        lastRecord = record;
        lastLine = line;
        bytesRead = Math.max(bytesRead, bytes);
        heartbeatAt = Instant.now();
    }

    /**
     * A user asks the job to stop after its current chunk. A queued job stops after its first chunk: its batch
     * execution may already be on its way, and it is the execution that says when it has stopped.
     */
    public void cancel() {
        if (state == State.QUEUED || state == State.RUNNING) {
            state = State.STOPPING;
        }
    }

    public void ended(State end, String why, String code) {
        state = end;
        finishedAt = Instant.now();
        heartbeatAt = finishedAt;
        failure = why == null ? null : why.length() > 2000 ? why.substring(0, 2000) : why;
        failureCode = code;
    }

    /** Rows per second of the current (or last) run. */
    public double rowsPerSecond() {
        if (runStartedAt == null) {
            return 0;
        }
        Instant until = finishedAt != null && !isActive() ? finishedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(runStartedAt, until).toMillis() / 1000.0);
        return (rowsRead - runFirstRows) / seconds;
    }

    /** Seconds left at the current pace, from the part of the file read; {@code null} while nothing can be said. */
    public Long secondsLeft() {
        if (!isActive() || runStartedAt == null || bytesRead <= 0 || fileBytes <= 0) {
            return null;
        }
        double seconds = Duration.between(runStartedAt, Instant.now()).toMillis() / 1000.0;
        double done = Math.min(1.0, (double) bytesRead / fileBytes);
        if (done <= 0 || rowsRead == runFirstRows) {
            return null;
        }
        double startedAt = Math.min(done, (double) runFirstRows / Math.max(1, rowsRead) * done);
        double pace = (done - startedAt) / Math.max(0.001, seconds);
        return pace <= 0 ? null : Math.round((1.0 - done) / pace);
    }

    /** Share of the file read, 0 to 100. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return fileBytes <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileBytes);
    }

    public Long getId() {
        return id;
    }

    public ImportKind getKind() {
        return kind;
    }

    public Mode getMode() {
        return mode;
    }

    public State getState() {
        return state;
    }

    public long getFileId() {
        return fileId;
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

    public String getMapping() {
        return mapping;
    }

    public long getFileBytes() {
        return fileBytes;
    }

    public Long getPreviewOf() {
        return previewOf;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRunStartedAt() {
        return runStartedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public String getNode() {
        return node;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public int getRuns() {
        return runs;
    }

    public int getRowsRead() {
        return rowsRead;
    }

    public int getRowsNew() {
        return rowsNew;
    }

    public int getRowsUpdated() {
        return rowsUpdated;
    }

    public int getRowsUnchanged() {
        return rowsUnchanged;
    }

    public int getRowsDuplicate() {
        return rowsDuplicate;
    }

    public int getRowsConflict() {
        return rowsConflict;
    }

    public int getRowsError() {
        return rowsError;
    }

    public int getRowsWarning() {
        return rowsWarning;
    }

    /** Rows that can be (or were) written: new, updated and unchanged ones. */
    public int getRowsValid() {
        return rowsNew + rowsUpdated + rowsUnchanged;
    }

    /** Rows that were not written: errors, conflicts and possible duplicates. */
    public int getRowsRefused() {
        return rowsError + rowsConflict + rowsDuplicate;
    }

    public int getLastRecord() {
        return lastRecord;
    }

    public int getLastLine() {
        return lastLine;
    }

    public long getBytesRead() {
        return bytesRead;
    }

    public String getFailure() {
        return failure;
    }

    public String getFailureCode() {
        return failureCode;
    }
}
