package vn.hssk.audit.rest;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import vn.hssk.audit.AuditEvent;

/** One audit line; {@code changes} maps each changed field to its {@code before} and {@code after} values. */
public record AuditEventView(long id, Instant occurredAt, String username, String roles, String tenant,
                             String action, String entityType, long entityId, JsonValue changes, String context,
                             String clientAddress) {

    static AuditEventView of(AuditEvent e) {
        JsonValue changes = e.getChanges() == null ? JsonValue.NULL
                : Json.createReader(new StringReader(e.getChanges())).readValue();
        return new AuditEventView(e.getId(), e.getOccurredAt(), e.getUsername(), e.getRoles(), e.getTenant(),
                e.getAction().name(), e.getEntityType(), e.getEntityId(), changes, e.getContext(),
                e.getClientAddress());
    }
}
