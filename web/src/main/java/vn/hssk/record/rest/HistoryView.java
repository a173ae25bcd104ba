package vn.hssk.record.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.record.HistoryCategory;
import vn.hssk.record.HistoryEntry;

/**
 * Part B of one person, grouped as the form groups it: one group per category in the form's order, and the family
 * history (lines naming a relative) as group {@code FAMILY} after the person's own diseases.
 */
public record HistoryView(long personId, List<Group> groups) {

    public static final String FAMILY = "FAMILY";

    /** The lines of one group, oldest first. */
    public record Group(String category, List<HistoryEntryView> entries) {
    }

    public static HistoryView of(long personId, List<HistoryEntry> entries) {
        Map<String, List<HistoryEntryView>> byGroup = new LinkedHashMap<>();
        for (HistoryCategory c : HistoryCategory.values()) {
            byGroup.put(c.name(), new ArrayList<>());
            if (c == HistoryCategory.DISEASE) {
                byGroup.put(FAMILY, new ArrayList<>());
            }
        }
        for (HistoryEntry e : entries) {
            byGroup.get(e.isFamily() ? FAMILY : e.getItem().getCategory().name()).add(HistoryEntryView.of(e));
        }
        return new HistoryView(personId, byGroup.entrySet().stream().filter(g -> !g.getValue().isEmpty())
                .map(g -> new Group(g.getKey(), List.copyOf(g.getValue()))).toList());
    }
}
