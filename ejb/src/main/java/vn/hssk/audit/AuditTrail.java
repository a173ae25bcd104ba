package vn.hssk.audit;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        JsonObjectBuilder changes = Json.createObjectBuilder();
        for (String key : keys) {
            String was = before.get(key);
            String now = after.get(key);
            if (!Objects.equals(was, now)) {
                JsonObjectBuilder change = Json.createObjectBuilder();
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
        em.persist(event(caller, action, entityType, entityId, changes.build().toString(), context));
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
