package vn.hssk.plan.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import vn.hssk.plan.PlanAuditEntry;

/** One change of a quota, target or plan: who, when, what, and the fields before and after. */
public record AuditLine(Instant at, String username, String entityType, long entityId, String action, String label,
                        JsonObject changes) {

    static List<AuditLine> of(List<PlanAuditEntry> entries) {
        return entries.stream().map(e -> new AuditLine(e.getOccurredAt(), e.getUsername(), e.getEntityType(),
                e.getEntityId(), e.getAction(), e.getLabel(),
                Json.createReader(new StringReader(e.getChanges())).readObject())).toList();
    }
}
