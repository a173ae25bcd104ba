package vn.hssk.reorganization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * One reorganization of a province's map: its decision, effective date and steps, and where it is. A draft can be
 * changed and previewed; apply moves it through APPLYING (the database, one transaction) and SCOPES (staff scopes in
 * Keycloak) to APPLIED; undo through REVERTING to REVERTED. A run that fails leaves the state it failed in, so
 * resuming the job goes on from there.
 */
@Entity
@Table(name = "reorganization")
public class Reorganization extends Audited {

    public enum Status {
        DRAFT,
        APPLYING,
        SCOPES,
        APPLIED,
        REVERTING,
        REVERTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String steps;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(length = 1000)
    private String failure;

    /** Once applied: each ended commune's code and the code of the commune that took over its staff. */
    @Column(name = "heirs", length = 2000)
    private String heirs;

    @Column(name = "execution_id")
    private Long executionId;

    /** When a run last said it was alive (it starts, it ends a phase); a run silent for long died with its node. */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "applied_by", length = 100)
    private String appliedBy;

    @Column(name = "reverted_at")
    private Instant revertedAt;

    @Column(name = "reverted_by", length = 100)
    private String revertedBy;

    protected Reorganization() {
    }

    public Reorganization(String title, LocalDate effectiveDate, List<ReorganizationStep> steps, String actor) {
        describe(title, effectiveDate, steps);
        this.status = Status.DRAFT;
        recordCreation(actor);
    }

    /** Changes a draft; an applied reorganization is changed only by undoing it. */
    public void redraft(String title, LocalDate effectiveDate, List<ReorganizationStep> steps, String actor) {
        requireStatus(Status.DRAFT);
        describe(title, effectiveDate, steps);
        recordChange(actor);
    }

    private void describe(String title, LocalDate effectiveDate, List<ReorganizationStep> steps) {
        if (title == null || title.isBlank() || title.strip().length() > 300) {
            throw ProblemException.invalid(FieldError.coded("title", "reorg.title",
                    "The title (the decision that orders the change) has 1 to 300 characters"));
        }
        if (effectiveDate == null) {
            throw ProblemException.invalid(FieldError.coded("effectiveDate", "required",
                    "effectiveDate is required", "effectiveDate"));
        }
        this.title = java.text.Normalizer.normalize(title.strip(), java.text.Normalizer.Form.NFC);
        this.effectiveDate = effectiveDate;
        this.steps = ReorganizationStep.toJson(steps);
    }

    /** Queues the apply; refused before the effective date, so that nothing moves while the old map still holds. */
    public void startApply(LocalDate today, String actor) {
        requireStatus(Status.DRAFT);
        if (effectiveDate.isAfter(today)) {
            throw ProblemException.conflict(FieldError.coded("effectiveDate", "reorg.notYet",
                    "The reorganization takes effect on " + effectiveDate + "; apply it on or after that day",
                    effectiveDate));
        }
        this.status = Status.APPLYING;
        this.appliedBy = actor;
        this.failure = null;
        recordChange(actor);
    }

    void databaseApplied(java.util.Map<String, String> heirCodes) {
        StringBuilder text = new StringBuilder();
        heirCodes.forEach((old, heir) -> text.append(text.length() == 0 ? "" : ",").append(old).append(':')
                .append(heir));
        this.heirs = text.toString();
        this.status = Status.SCOPES;
        this.failure = null;
        this.heartbeatAt = Instant.now();
        this.appliedAt = Instant.now();
    }

    void scopesApplied() {
        this.status = Status.APPLIED;
        this.failure = null;
    }

    public void startUndo(String actor) {
        requireStatus(Status.APPLIED);
        this.status = Status.REVERTING;
        this.revertedBy = actor;
        this.failure = null;
        recordChange(actor);
    }

    void reverted() {
        this.status = Status.REVERTED;
        this.failure = null;
        this.revertedAt = Instant.now();
    }

    void failed(String why) {
        this.failure = why == null ? "failed" : why.length() > 1000 ? why.substring(0, 1000) : why;
    }

    void running(long execution) {
        this.executionId = execution;
        this.heartbeatAt = Instant.now();
    }

    /** Whether a job still has work to do on it (a failed or interrupted run resumes from this state). */
    public boolean inProgress() {
        return status == Status.APPLYING || status == Status.SCOPES || status == Status.REVERTING;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw ProblemException.conflict(FieldError.coded("status", "reorg.status",
                    "The reorganization is " + status + "; this needs " + expected, status, expected));
        }
    }

    /** Each ended commune's code and its heir's, as applied. */
    public java.util.Map<String, String> heirCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        if (heirs != null && !heirs.isEmpty()) {
            for (String pair : heirs.split(",")) {
                String[] p = pair.split(":");
                codes.put(p[0], p[1]);
            }
        }
        return codes;
    }

    public List<ReorganizationStep> steps() {
        return ReorganizationStep.fromJson(steps);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public Status getStatus() {
        return status;
    }

    public String getFailure() {
        return failure;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    public Instant getRevertedAt() {
        return revertedAt;
    }

    public String getRevertedBy() {
        return revertedBy;
    }
}
