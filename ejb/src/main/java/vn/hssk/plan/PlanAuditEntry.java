package vn.hssk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the append-only trail of quota, target and plan changes (table {@code plan_audit}). */
@Entity
@Table(name = "plan_audit")
public class PlanAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100, updatable = false)
    private String username;

    @Column(name = "entity_type", nullable = false, length = 20, updatable = false)
    private String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    private long entityId;

    @Column(nullable = false, length = 10, updatable = false)
    private String action;

    @Column(length = 300, updatable = false)
    private String label;

    @Column(nullable = false, columnDefinition = "TEXT", updatable = false)
    private String changes;

    protected PlanAuditEntry() {
    }

    PlanAuditEntry(String username, String entityType, long entityId, String action, String label, String changes) {
        this.occurredAt = Instant.now();
        this.username = username;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.label = label == null || label.length() <= 300 ? label : label.substring(0, 300);
        this.changes = changes;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public String getEntityType() {
        return entityType;
    }

    public long getEntityId() {
        return entityId;
    }

    public String getAction() {
        return action;
    }

    public String getLabel() {
        return label;
    }

    public String getChanges() {
        return changes;
    }
}
