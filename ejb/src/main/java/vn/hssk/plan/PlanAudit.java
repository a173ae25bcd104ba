package vn.hssk.plan;

import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes who changed which quota, target or plan from what to what, in the caller's transaction, so the change and
 * its trail commit together. Only fields whose value differs are written.
 */
@Dependent
public class PlanAudit {

    public static final String QUOTA = "VILLAGE_QUOTA";
    public static final String TARGET = "TARGET";
    public static final String PLAN = "PLAN";
    public static final String INDICATOR = "INDICATOR";

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public void record(String username, String entityType, long entityId, String action, String label,
                       Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        JsonObjectBuilder changes = Json.createObjectBuilder();
        boolean any = false;
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
                any = true;
            }
        }
        if (any || !"UPDATE".equals(action)) {
            em.persist(new PlanAuditEntry(username, entityType, entityId, action, label,
                    changes.build().toString()));
        }
    }

    public List<PlanAuditEntry> of(String entityType, List<Long> entityIds, int max) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from PlanAuditEntry a where a.entityType = :t and a.entityId in :ids"
                        + " order by a.occurredAt desc, a.id desc", PlanAuditEntry.class)
                .setParameter("t", entityType).setParameter("ids", entityIds).setMaxResults(max).getResultList();
    }
}
