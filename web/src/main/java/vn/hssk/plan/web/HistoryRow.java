package vn.hssk.plan.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import vn.hssk.plan.PlanAuditEntry;

/** One change of a quota, target or plan as the screens list it. */
public record HistoryRow(Instant at, String username, String action, String label, String changes)
        implements Serializable {

    static List<HistoryRow> of(List<PlanAuditEntry> entries) {
        return entries.stream().map(e -> new HistoryRow(e.getOccurredAt(), e.getUsername(), e.getAction(),
                e.getLabel(), readable(e.getChanges()))).toList();
    }

    /** {"quota":{"before":"2381","after":"2000"}} as "quota: 2381 → 2000". */
    private static String readable(String json) {
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            StringBuilder s = new StringBuilder();
            r.readObject().forEach((field, value) -> {
                jakarta.json.JsonObject change = value.asJsonObject();
                if (!s.isEmpty()) {
                    s.append("; ");
                }
                s.append(field).append(": ").append(text(change, "before")).append(" → ")
                        .append(text(change, "after"));
            });
            return s.toString();
        }
    }

    private static String text(jakarta.json.JsonObject change, String key) {
        return !change.containsKey(key) || change.isNull(key) ? "–" : change.getString(key);
    }
}
