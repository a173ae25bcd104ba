package vn.hssk.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which audit lines a province administrator asks for; every part is optional and the parts combine: the lines of
 * one person's record, of one user, within {@code [from, to)}.
 */
public record AuditQuery(Long personId, String username, Instant from, Instant to) implements Serializable {

    public AuditQuery {
        username = username == null || username.isBlank() ? null : username.strip();
    }

    public static AuditQuery person(long personId) {
        return new AuditQuery(personId, null, null, null);
    }

    public static AuditQuery user(String username) {
        return new AuditQuery(null, username, null, null);
    }

    public boolean isEmpty() {
        return personId == null && username == null && from == null && to == null;
    }
}
