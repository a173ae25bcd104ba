package vn.hssk.reorganization;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The rule for targets when communes merge or split, as the preview states it: a target of a commune that ends (or
 * of the commune that survives a merge) stops the day before the effective date, and from that date its successor
 * holds, for the rest of the same period, one target per indicator:
 * <ul>
 * <li>a count (records to create, children to vaccinate) is the sum of the targets it takes over, a split commune's
 * shared out by the people of the villages each part receives;</li>
 * <li>a percentage is the mean of the percentages it takes over, weighted by their people.</li>
 * </ul>
 * Targets that begin on or after the effective date, or that would end on different days for one successor, are
 * conflicts to settle before apply.
 */
final class TargetMerge {

    record Merged(long communeId, long indicatorId, LocalDate to, BigDecimal baseline, BigDecimal value, Long planId,
                  String note, boolean percent) {
    }

    private TargetMerge() {
    }

    static List<FieldError> conflicts(ReorganizationMap map, List<UnitCounts.TargetRow> targets) {
        List<FieldError> conflicts = new ArrayList<>();
        Map<String, LocalDate> ends = new LinkedHashMap<>();
        for (UnitCounts.TargetRow t : targets) {
            if (!t.from().isBefore(map.effective())) {
                conflicts.add(FieldError.coded("targets", "reorg.targetStartsLater", "A target of commune "
                        + map.codeOf(t.unitId()) + " begins on " + t.from() + ", on or after the effective date;"
                        + " change it before applying", map.codeOf(t.unitId()), t.from()));
                continue;
            }
            for (Long successor : map.shares().getOrDefault(t.unitId(), Map.of()).keySet()) {
                String key = successor + "/" + t.indicatorId();
                LocalDate known = ends.putIfAbsent(key, t.to());
                if (known != null && !known.equals(t.to())) {
                    conflicts.add(FieldError.coded("targets", "reorg.targetPeriods", "Targets of one indicator that"
                            + " commune " + map.codeOf(successor) + " takes over end on " + known + " and " + t.to()
                            + "; give them the same period first", map.codeOf(successor), known, t.to()));
                }
            }
        }
        return conflicts;
    }

    static List<Merged> merge(ReorganizationMap map, List<UnitCounts.TargetRow> targets,
                              Map<Long, Long> personsByCommune) {
        record Sum(long commune, long indicator, LocalDate to, boolean percent) {
        }
        Map<Sum, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<Sum, Long> plans = new LinkedHashMap<>();
        Map<Sum, Set<String>> from = new LinkedHashMap<>();
        for (UnitCounts.TargetRow t : targets) {
            for (Map.Entry<Long, Double> share : map.shares().getOrDefault(t.unitId(), Map.of()).entrySet()) {
                Sum key = new Sum(share.getKey(), t.indicatorId(), t.to(), t.percent());
                BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO});
                BigDecimal weight = BigDecimal.valueOf(share.getValue());
                if (t.percent()) {
                    BigDecimal people = BigDecimal.valueOf(Math.max(1, personsByCommune.getOrDefault(t.unitId(), 0L)))
                            .multiply(weight);
                    s[0] = s[0].add(t.baseline().multiply(people));
                    s[1] = s[1].add(t.value().multiply(people));
                    s[2] = s[2].add(people);
                } else {
                    s[0] = s[0].add(t.baseline().multiply(weight));
                    s[1] = s[1].add(t.value().multiply(weight));
                }
                if (share.getKey() == t.unitId() && t.planId() != null) {
                    plans.put(key, t.planId());
                }
                from.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(map.codeOf(t.unitId()));
            }
        }
        String day = map.effective().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<Merged> merged = new ArrayList<>();
        for (Map.Entry<Sum, BigDecimal[]> e : sums.entrySet()) {
            Sum k = e.getKey();
            BigDecimal[] s = e.getValue();
            BigDecimal baseline = k.percent() ? s[0].divide(s[2], MathContext.DECIMAL64) : s[0];
            BigDecimal value = k.percent() ? s[1].divide(s[2], MathContext.DECIMAL64) : s[1];
            String note = (k.percent() ? "Bình quân theo dân số" : "Tổng") + " chỉ tiêu của "
                    + String.join(", ", from.get(k)) + " khi sắp xếp đơn vị hành chính từ " + day;
            merged.add(new Merged(k.commune(), k.indicator(), k.to(), baseline, value, plans.get(k), note,
                    k.percent()));
        }
        return merged;
    }
}
