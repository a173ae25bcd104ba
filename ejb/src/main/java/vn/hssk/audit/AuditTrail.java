package vn.hssk.audit;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;
import vn.hssk.shared.BulkInsert;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ClientAddress;

/**
 * Writes audit rows inside the caller's transaction, so a use case and its audit line commit or roll back together.
 * Services call it for every read and every change of personal data; nobody else writes {@code audit_event}.
 */
@Dependent
public class AuditTrail {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ClientAddress clientAddress;

    public void read(CallerIdentity caller, String entityType, long entityId, String context) {
        em.persist(event(caller, AuditAction.READ, entityType, entityId, null, context));
    }

    /**
     * A change, with the fields whose value differs between {@code before} and {@code after} (an empty before for a
     * creation); values are compared by the keys of either map.
     */
    public void changed(CallerIdentity caller, AuditAction action, String entityType, long entityId,
                        Map<String, String> before, Map<String, String> after, String context) {
        em.persist(event(caller, action, entityType, entityId, changes(before, after), context));
    }

    /** One change of many records, as {@link #changed} writes it for each. */
    public record Change(long entityId, Map<String, String> before, Map<String, String> after) {
    }

    /**
     * The changes of a whole chunk of records (a bulk import), written in a few statements on the transaction's
     * connection: the same rows, one per record, that {@link #changed} would write one by one.
     */
    public void changedInBulk(CallerIdentity caller, AuditAction action, String entityType, List<Change> changes,
                              String context) {
        if (changes.isEmpty()) {
            return;
        }
        String roles = String.join(",", caller.roles());
        String tenant = caller.requireTenant();
        String client = address();
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[] {now, caller.username(), roles, tenant, action, entityType, c.entityId(),
                    changes(c.before(), c.after()), context, client});
        }
        em.unwrap(Session.class).doWork(connection -> BulkInsert.into(connection, "audit_event", COLUMNS, rows));
    }

    /** One factory: {@code Json.createObjectBuilder()} looks the JSON provider up anew on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private static final List<String> COLUMNS = List.of("occurred_at", "username", "roles", "tenant", "action",
            "entity_type", "entity_id", "changes", "context", "client_address");

    /** The fields whose value differs between {@code before} and {@code after}, as JSON {field: {before, after}}. */
    private static String changes(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        JsonObjectBuilder changes = JSON.createObjectBuilder();
        for (String key : keys) {
            String was = before.get(key);
            String now = after.get(key);
            if (!Objects.equals(was, now)) {
                JsonObjectBuilder change = JSON.createObjectBuilder();
                if (was == null) {
                    change.addNull("before");
                } else {
                    change.add("before", was);
                }
                if (now == null) {
                    change.addNull("after");
                } else {
                    change.add("after", now);
                }
                changes.add(key, change);
            }
        }
        return changes.build().toString();
    }

    private AuditEvent event(CallerIdentity caller, AuditAction action, String entityType, long entityId,
                             String changes, String context) {
        return new AuditEvent(caller.username(), String.join(",", caller.roles()), caller.requireTenant(), action,
                entityType, entityId, changes, context, address());
    }

    private String address() {
        try {
            return clientAddress.get();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }
}
