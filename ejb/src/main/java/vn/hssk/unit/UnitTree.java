package vn.hssk.unit;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tree a level at a time, as it stood on a given day, with the counts of each node's subtree. The counts
 * come from a few grouped queries over the whole province, rolled up the tree in memory: one pass over the units
 * (a province has some thousands of communes and villages) instead of a query per node.
 */
@Dependent
public class UnitTree {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    private record Row(long id, String code, String name, UnitLevel level, String type, Long parentId,
                       LocalDate validFrom, LocalDate validTo, int version) {
    }

    /**
     * The children of a node valid on {@code day}; with no node, the roots: the province, or for a commune-scoped
     * caller their own communes.
     */
    public List<UnitNode> children(Long parentId, LocalDate day, Set<String> communeScope) {
        List<Row> all = unitsOn(day);
        Map<Long, List<Row>> byParent = new HashMap<>();
        for (Row r : all) {
            byParent.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r);
        }
        Map<Long, Row> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.id, r));
        Map<Long, long[]> own = ownCounts();
        Map<Long, long[]> totals = new HashMap<>();
        List<Row> level = communeScope != null && parentId == null
                ? all.stream().filter(r -> r.level == UnitLevel.COMMUNE && communeScope.contains(r.code)).toList()
                : byParent.getOrDefault(parentId, List.of());
        List<UnitNode> result = new ArrayList<>();
        for (Row r : level) {
            if (communeScope != null && !inScope(r, byId, communeScope)) {
                continue;
            }
            long[] t = total(r, byParent, own, totals);
            result.add(new UnitNode(r.id, r.code, r.name, r.level, r.type, UnitType.labelOf(r.type), r.parentId,
                    r.validFrom, r.validTo, r.version, byParent.containsKey(r.id), t[0], t[1], t[2], t[3]));
        }
        result.sort((a, b) -> a.level() != b.level() ? a.level().compareTo(b.level())
                : a.name().compareToIgnoreCase(b.name()));
        return result;
    }

    private static boolean inScope(Row r, Map<Long, Row> byId, Set<String> communes) {
        for (Row u = r; u != null; u = u.parentId == null ? null : byId.get(u.parentId)) {
            if (u.level == UnitLevel.COMMUNE) {
                return communes.contains(u.code);
            }
        }
        return false;
    }

    /** villages, stations, households, people of the subtree of {@code r}. */
    private static long[] total(Row r, Map<Long, List<Row>> byParent, Map<Long, long[]> own,
                                Map<Long, long[]> memo) {
        long[] cached = memo.get(r.id);
        if (cached != null) {
            return cached;
        }
        long[] sum = own.getOrDefault(r.id, new long[4]).clone();
        for (Row child : byParent.getOrDefault(r.id, List.of())) {
            long[] c = total(child, byParent, own, memo);
            for (int i = 0; i < 4; i++) {
                sum[i] += c[i];
            }
            if (child.level == UnitLevel.VILLAGE) {
                sum[0]++;
            }
        }
        memo.put(r.id, sum);
        return sum;
    }

    @SuppressWarnings("unchecked")
    private List<Row> unitsOn(LocalDate day) {
        // A unit a reorganization changed was, on a day of an earlier period, what that period kept (parent, name,
        // type): the tree of a past day is the map as it was.
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.code, COALESCE(p.name, u.name), u.level,"
                        + " COALESCE(p.unit_type, u.unit_type), IF(p.id IS NULL, u.parent_id, p.parent_id),"
                        + " u.valid_from, u.valid_to, u.version FROM admin_unit u LEFT JOIN admin_unit_period p"
                        + " ON p.unit_id = u.id AND p.valid_from <= ?1 AND p.valid_to >= ?1"
                        + " WHERE u.valid_from <= ?1 AND (u.valid_to IS NULL OR u.valid_to >= ?1)")
                .setParameter(1, Date.valueOf(day))
                .getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] o : rows) {
            result.add(new Row(((Number) o[0]).longValue(), (String) o[1], (String) o[2],
                    UnitLevel.valueOf((String) o[3]), (String) o[4], o[5] == null ? null : ((Number) o[5]).longValue(),
                    toDate(o[6]), toDate(o[7]), ((Number) o[8]).intValue()));
        }
        return result;
    }

    /** What hangs directly on each unit: stations on communes, open households and personal records on villages. */
    @SuppressWarnings("unchecked")
    private Map<Long, long[]> ownCounts() {
        Map<Long, long[]> counts = new HashMap<>();
        List<Object[]> stations = em.createNativeQuery(
                "SELECT commune_id, COUNT(*) FROM health_station WHERE closed_on IS NULL GROUP BY commune_id")
                .getResultList();
        for (Object[] o : stations) {
            counts.computeIfAbsent(((Number) o[0]).longValue(), k -> new long[4])[1] += ((Number) o[1]).longValue();
        }
        List<Object[]> households = em.createNativeQuery(
                "SELECT village_id, COUNT(*) FROM household WHERE closed_on IS NULL GROUP BY village_id")
                .getResultList();
        for (Object[] o : households) {
            counts.computeIfAbsent(((Number) o[0]).longValue(), k -> new long[4])[2] += ((Number) o[1]).longValue();
        }
        List<Object[]> people = em.createNativeQuery(
                "SELECT village_id, COUNT(*) FROM person WHERE voided = FALSE GROUP BY village_id")
                .getResultList();
        for (Object[] o : people) {
            counts.computeIfAbsent(((Number) o[0]).longValue(), k -> new long[4])[3] += ((Number) o[1]).longValue();
        }
        return counts;
    }

    private static LocalDate toDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) o).toLocalDate();
    }
}
