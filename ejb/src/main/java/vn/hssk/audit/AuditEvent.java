package vn.hssk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail. It has no setters and Hibernate treats it as immutable; the table's triggers refuse any
 * UPDATE or DELETE, so what was written stays written. It does not extend the audited base: it is the audit.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(nullable = false, length = 200)
    private String roles;

    @Column(nullable = false, length = 10)
    private String tenant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AuditAction action;

    @Column(name = "entity_type", nullable = false, length = 40)
    private String entityType;

    @Column(name = "entity_id", nullable = false)
    private long entityId;

    @Column(columnDefinition = "TEXT")
    private String changes;

    @Column(length = 200)
    private String context;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected AuditEvent() {
    }

    AuditEvent(String username, String roles, String tenant, AuditAction action, String entityType, long entityId,
               String changes, String context, String clientAddress) {
        this.occurredAt = Instant.now();
        this.username = username;
        this.roles = roles;
        this.tenant = tenant;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.changes = changes;
        this.context = context;
        this.clientAddress = clientAddress;
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

    public String getRoles() {
        return roles;
    }

    public String getTenant() {
        return tenant;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public long getEntityId() {
        return entityId;
    }

    /** The changed fields as JSON text: {@code {"field": {"before": ..., "after": ...}}}, or null for a read. */
    public String getChanges() {
        return changes;
    }

    /** Why a read happened when it was not a direct look-up (e.g. {@code search}). */
    public String getContext() {
        return context;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
