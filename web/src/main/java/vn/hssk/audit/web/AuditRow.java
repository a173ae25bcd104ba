package vn.hssk.audit.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.audit.AuditEvent;

/**
 * One audit line as the screen shows it, copied from the entity; the changes are unpacked from their JSON into one
 * {@link Change} per field so the page can print "field: before → after". EL reads getters, hence the getters.
 */
public record AuditRow(long id, Instant occurredAt, String username, String roles, String action, String entityType,
                       long entityId, String context, String clientAddress, List<Change> changes)
        implements Serializable {

    /** One changed field; a null value was empty. */
    public record Change(String field, String before, String after) implements Serializable {

        public String getField() {
            return field;
        }

        public String getBefore() {
            return before;
        }

        public String getAfter() {
            return after;
        }
    }

    static AuditRow of(AuditEvent e) {
        return new AuditRow(e.getId(), e.getOccurredAt(), e.getUsername(), e.getRoles(), e.getAction().name(),
                e.getEntityType(), e.getEntityId(), e.getContext(), e.getClientAddress(), changes(e.getChanges()));
    }

    static List<Change> changes(String json) {
        List<Change> list = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return list;
        }
        JsonObject changes = Json.createReader(new StringReader(json)).readObject();
        for (String field : changes.keySet()) {
            JsonValue v = changes.get(field);
            if (v instanceof JsonObject change) {
                list.add(new Change(field, text(change.get("before")), text(change.get("after"))));
            }
        }
        return list;
    }

    private static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    public long getId() {
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

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public long getEntityId() {
        return entityId;
    }

    public String getContext() {
        return context;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public List<Change> getChanges() {
        return changes;
    }
}
