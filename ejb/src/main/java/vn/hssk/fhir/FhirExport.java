package vn.hssk.fhir;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One bulk export of a province ({@code fhir_export}): what was asked (types, since), where the job is (the source
 * it reads and the last row it committed) and how it ended. The state moves QUEUED, RUNNING, then DONE or FAILED;
 * a failed or stalled export is queued again when its client polls ({@link FhirExportService#status}), up to
 * {@value #MAX_ATTEMPTS} runs.
 */
@Entity
@Table(name = "fhir_export")
public class FhirExport {

    public static final int MAX_ATTEMPTS = 3;

    /** Where an export is. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(nullable = false, length = 500)
    private String types;

    private Instant since;

    @Column(nullable = false, length = 10)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    @Column(nullable = false)
    private int source;

    @Column(name = "last_row", nullable = false)
    private long lastRow;

    @Column(nullable = false)
    private long resources;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "transaction_time", nullable = false)
    private Instant transactionTime;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 1000)
    private String error;

    protected FhirExport() {
    }

    FhirExport(String requestedBy, List<String> types, Instant since) {
        this.requestedBy = requestedBy;
        this.types = String.join(",", types);
        this.since = since;
        this.state = State.QUEUED;
        this.attempts = 1;
        this.transactionTime = Instant.now();
    }

    void running(long execution) {
        state = State.RUNNING;
        executionId = execution;
        heartbeatAt = Instant.now();
        error = null;
    }

    void advanced(int toSource, long toRow, int written) {
        source = toSource;
        lastRow = toRow;
        resources += written;
        heartbeatAt = Instant.now();
    }

    void done() {
        state = State.DONE;
        finishedAt = Instant.now();
    }

    void failed(String why) {
        state = State.FAILED;
        error = why == null ? null : why.length() > 1000 ? why.substring(0, 1000) : why;
    }

    public Long getId() {
        return id;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public List<String> getTypes() {
        return Arrays.asList(types.split(","));
    }

    public Instant getSince() {
        return since;
    }

    public State getState() {
        return state;
    }

    public int getSource() {
        return source;
    }

    public long getLastRow() {
        return lastRow;
    }

    public long getResources() {
        return resources;
    }

    public int getAttempts() {
        return attempts;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public Instant getTransactionTime() {
        return transactionTime;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getError() {
        return error;
    }
}
