package vn.hssk.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * One merge of a duplicate record into its survivor, kept so that it can be undone: both records' part A as they were
 * (JSON of {@link Person#snapshot()}), the survivor's version right after the merge (an undo after a later change
 * of the survivor would silently throw that change away, so it is refused), and who merged and undid, when.
 */
@Entity
@Table(name = "person_merge")
public class PersonMerge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survivor_id", nullable = false)
    private long survivorId;

    @Column(name = "merged_id", nullable = false)
    private long mergedId;

    @Column(name = "survivor_before", nullable = false)
    private String survivorBefore;

    @Column(name = "merged_before", nullable = false)
    private String mergedBefore;

    @Column(name = "survivor_version_after", nullable = false)
    private int survivorVersionAfter;

    @Column(length = 500)
    private String reason;

    @Column(name = "merged_at", nullable = false)
    private Instant mergedAt;

    @Column(name = "merged_by", nullable = false, length = 100)
    private String mergedBy;

    @Column(name = "undone_at")
    private Instant undoneAt;

    @Column(name = "undone_by", length = 100)
    private String undoneBy;

    protected PersonMerge() {
    }

    PersonMerge(long survivorId, long mergedId, String survivorBefore, String mergedBefore, String reason,
                String actor) {
        this.survivorId = survivorId;
        this.mergedId = mergedId;
        this.survivorBefore = survivorBefore;
        this.mergedBefore = mergedBefore;
        this.reason = reason;
        this.mergedAt = Instant.now();
        this.mergedBy = actor;
    }

    void survivorSettledAt(int version) {
        this.survivorVersionAfter = version;
    }

    void undo(int survivorVersionNow, String actor) {
        if (undoneAt != null) {
            throw ProblemException.conflict(FieldError.coded("mergeId", "merge.undone",
                    "This merge was undone on " + undoneAt + " by " + undoneBy, undoneAt, undoneBy));
        }
        if (survivorVersionNow != survivorVersionAfter) {
            throw ProblemException.conflict(FieldError.coded("mergeId", "merge.survivorChanged", "Record "
                    + survivorId + " was changed after the merge; undoing it would lose that change. Correct the"
                    + " records by hand instead.", survivorId));
        }
        this.undoneAt = Instant.now();
        this.undoneBy = actor;
    }

    public Long getId() {
        return id;
    }

    public long getSurvivorId() {
        return survivorId;
    }

    public long getMergedId() {
        return mergedId;
    }

    String getSurvivorBefore() {
        return survivorBefore;
    }

    String getMergedBefore() {
        return mergedBefore;
    }

    public String getReason() {
        return reason;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public String getMergedBy() {
        return mergedBy;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }

    public String getUndoneBy() {
        return undoneBy;
    }

    public boolean isUndone() {
        return undoneAt != null;
    }
}
