package vn.hssk.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * The one base of every entity that people change: who created it and when, who changed it last and when (the
 * username from the caller's token), and the version that refuses a change made on a stale copy.
 */
@MappedSuperclass
public abstract class Audited implements Serializable {

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by", length = 100)
    private String changedBy;

    protected void recordCreation(String actor) {
        this.createdBy = actor;
        this.createdAt = Instant.now();
    }

    protected void recordChange(String actor) {
        this.changedBy = actor;
        this.changedAt = Instant.now();
    }

    public int getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
