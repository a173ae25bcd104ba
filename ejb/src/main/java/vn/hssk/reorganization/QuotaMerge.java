package vn.hssk.reorganization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The rule for village quotas when villages merge: a quota follows its village to the village that takes it over;
 * when that village then has two quotas for one year, they are added up if the step says so ({@code sumQuotas}),
 * and otherwise that is a conflict to settle before apply. An added-up quota keeps its row with zero, so the rows of
 * each year stay and the sum of the quotas is the same before and after.
 */
final class QuotaMerge {

    /** A quota row's new values: its village (maybe moved) and its figures. */
    record Change(long quotaId, long villageId, int population, int quota) {
    }

    private QuotaMerge() {
    }

    static List<FieldError> conflicts(ReorganizationMap map, List<UnitCounts.QuotaRow> rows) {
        List<FieldError> conflicts = new ArrayList<>();
        groups(map, rows).forEach((key, group) -> {
            if (group.size() > 1 && !map.sumsQuotas(key.village())) {
                conflicts.add(FieldError.coded("sumQuotas", "reorg.quotaTwice", "Village " + map.codeOf(key.village())
                        + " would have " + group.size() + " quotas for " + key.year() + "; set sumQuotas to add them"
                        + " up, or change the quotas first", map.codeOf(key.village()), group.size(), key.year()));
            }
        });
        return conflicts;
    }

    /** The changes of quota rows, given the id each (maybe new) village got. */
    static List<Change> changes(ReorganizationMap map, List<UnitCounts.QuotaRow> rows,
                                java.util.function.LongUnaryOperator resolve) {
        List<Change> changes = new ArrayList<>();
        groups(map, rows).forEach((key, group) -> {
            long village = resolve.applyAsLong(key.village());
            UnitCounts.QuotaRow keep = group.stream().filter(r -> r.villageId() == key.village()).findFirst()
                    .orElse(group.get(0));
            int population = group.stream().mapToInt(UnitCounts.QuotaRow::population).sum();
            int quota = group.stream().mapToInt(UnitCounts.QuotaRow::quota).sum();
            changes.add(new Change(keep.id(), village, population, quota));
            for (UnitCounts.QuotaRow r : group) {
                if (r != keep) {
                    changes.add(new Change(r.id(), r.villageId(), 0, 0));
                }
            }
        });
        changes.removeIf(c -> rows.stream().anyMatch(r -> r.id() == c.quotaId() && r.villageId() == c.villageId()
                && r.population() == c.population() && r.quota() == c.quota()));
        return changes;
    }

    private record Key(long village, int year) {
    }

    private static Map<Key, List<UnitCounts.QuotaRow>> groups(ReorganizationMap map, List<UnitCounts.QuotaRow> rows) {
        Map<Key, List<UnitCounts.QuotaRow>> groups = new LinkedHashMap<>();
        for (UnitCounts.QuotaRow r : rows) {
            long village = map.villageMerges().getOrDefault(r.villageId(), r.villageId());
            groups.computeIfAbsent(new Key(village, r.year()), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }
}
