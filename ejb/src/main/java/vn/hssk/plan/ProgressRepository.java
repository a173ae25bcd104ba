package vn.hssk.plan;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts behind every progress figure. Quota progress reads {@code created_record_day}, the per-village, per-day
 * summary of the view {@code created_record} that database triggers keep exact in the same transaction as every
 * change of a person (V41), so it equals a direct count at any moment; targets count the view itself. Units, quotas
 * and stations come from their tables in the same read.
 */
@Dependent
public class ProgressRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** A unit as the progress views need it. */
    public record UnitLine(long id, String code, String name, String level, Long parentId, String continuedBy) {
    }

    /** A time window [from, until); {@code from == null} means "since ever" (records without a moment included). */
    public record Window(Instant from, Instant until) {
    }

    /**
     * Units of the tree not closed before {@code first}, each under the parent it had on {@code asOf} (a
     * reorganization keeps earlier parents and names by period), and for a unit that ended before that day the code
     * of the unit that continues it. A unit's validity start is not a bound (a village entered in the system today
     * may carry the quotas and records of earlier years), except for a unit a reorganization created after
     * {@code asOf}: before it began, its predecessors stand in its place.
     */
    public List<UnitLine> unitsDuring(LocalDate first, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.code, COALESCE(p.name, u.name), u.level,"
                        + " IF(p.id IS NULL, u.parent_id, p.parent_id), " + CONTINUED_BY + " FROM admin_unit u"
                        + " LEFT JOIN admin_unit_period p ON p.unit_id = u.id AND p.valid_from <= ?2"
                        + " AND p.valid_to >= ?2"
                        + " WHERE (u.valid_to IS NULL OR u.valid_to >= ?1) AND NOT (u.valid_from > ?2 AND EXISTS"
                        + " (SELECT 1 FROM admin_unit_predecessor x WHERE x.unit_id = u.id)) ORDER BY u.code")
                .setParameter(1, first).setParameter(2, asOf).getResultList();
        return rows.stream().map(ProgressRepository::unitLine).toList();
    }

    /** The villages under a commune on {@code asOf}, not closed before {@code first}. */
    public List<UnitLine> villagesOf(long communeId, LocalDate first, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.code, COALESCE(p.name, u.name), u.level,"
                        + " IF(p.id IS NULL, u.parent_id, p.parent_id), NULL FROM admin_unit u"
                        + " LEFT JOIN admin_unit_period p ON p.unit_id = u.id AND p.valid_from <= ?3"
                        + " AND p.valid_to >= ?3"
                        + " WHERE u.id IN (SELECT id FROM admin_unit WHERE parent_id = ?1 AND level = 'VILLAGE'"
                        + " UNION SELECT unit_id FROM admin_unit_period WHERE parent_id = ?1)"
                        + " AND IF(p.id IS NULL, u.parent_id, p.parent_id) = ?1"
                        + " AND (u.valid_to IS NULL OR u.valid_to >= ?2) ORDER BY u.code")
                .setParameter(1, communeId).setParameter(2, first).setParameter(3, asOf).getResultList();
        return rows.stream().map(ProgressRepository::unitLine).toList();
    }

    /** The code of the unit that continues one that ended before the day asked (?2). */
    private static final String CONTINUED_BY = "IF(u.valid_to IS NOT NULL AND u.valid_to < ?2, (SELECT s.code"
            + " FROM admin_unit_predecessor x JOIN admin_unit s ON s.id = x.unit_id WHERE x.predecessor_id = u.id"
            + " ORDER BY s.id LIMIT 1), NULL)";

    private static UnitLine unitLine(Object[] r) {
        return new UnitLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5]);
    }

    /**
     * For each village (of {@code villageIds}, or all when null) the number of created records in each window, in
     * the order of {@code windows}; villages without records are absent. Counted from {@code created_record_day}, the
     * per-day summary of created_record that its triggers keep exact, so a window is whole Vietnamese days: it starts
     * on the day of {@code from} and ends before the day after the last instant before {@code until}.
     */
    public Map<Long, long[]> createdByVillage(Collection<Long> villageIds, List<Window> windows) {
        if (villageIds != null && villageIds.isEmpty()) {
            return Map.of();
        }
        StringBuilder sql = new StringBuilder("SELECT village_id");
        for (int i = 0; i < windows.size(); i++) {
            sql.append(windows.get(i).from() == null
                    ? ", SUM(CASE WHEN day < :u" + i + " THEN records ELSE 0 END)"
                    : ", SUM(CASE WHEN day >= :f" + i + " AND day < :u" + i + " THEN records ELSE 0 END)");
        }
        sql.append(" FROM created_record_day");
        if (villageIds != null) {
            sql.append(" WHERE village_id IN (:ids)");
        }
        sql.append(" GROUP BY village_id");
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).from() != null) {
                q.setParameter("f" + i, dayOf(windows.get(i).from()));
            }
            q.setParameter("u" + i, dayAfterLastInstantBefore(windows.get(i).until()));
        }
        if (villageIds != null) {
            q.setParameter("ids", villageIds);
        }
        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long[] values = new long[windows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r[i + 1] == null ? 0 : ((Number) r[i + 1]).longValue();
            }
            counts.put(((Number) r[0]).longValue(), values);
        }
        return counts;
    }

    /** The epoch day in Vietnam of an instant, as the summary's triggers compute it. */
    static long dayOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() + VIETNAM_OFFSET_SECONDS, SECONDS_PER_DAY);
    }

    static long dayAfterLastInstantBefore(Instant until) {
        return dayOf(until.minusMillis(1)) + 1;
    }

    private static final long VIETNAM_OFFSET_SECONDS = 7 * 3600;
    private static final long SECONDS_PER_DAY = 86_400;

    /** Created records in the villages below a unit (or the unit itself when it is a village) within a window. */
    public long createdBelow(long unitId, Window window) {
        String condition = window.from() == null ? "(completed_at IS NULL OR completed_at < :u)"
                : "completed_at >= :f AND completed_at < :u";
        Query q = em.createNativeQuery(BELOW + "SELECT COUNT(*) FROM created_record WHERE village_id IN"
                + " (SELECT id FROM below WHERE level = 'VILLAGE') AND " + condition);
        q.setParameter("unit", unitId).setParameter("u", window.until());
        if (window.from() != null) {
            q.setParameter("f", window.from());
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The population (nhân khẩu) of a year's quotas in the villages below a unit; null when none is recorded. */
    public Long populationBelow(long unitId, int year) {
        Object[] r = (Object[]) em.createNativeQuery(BELOW + "SELECT COUNT(*), SUM(q.population) FROM village_quota q"
                        + " WHERE q.year = :year AND q.village_id IN (SELECT id FROM below WHERE level = 'VILLAGE')")
                .setParameter("unit", unitId).setParameter("year", year).getSingleResult();
        return ((Number) r[0]).longValue() == 0 ? null : ((Number) r[1]).longValue();
    }

    /**
     * The open main stations of the communes below a unit and how many of them created at least one record in the
     * window: a station "uses the system" when records of its commune are completed in the period.
     */
    public long[] stationsUsing(long unitId, Window window) {
        Object[] r = (Object[]) em.createNativeQuery(BELOW + "SELECT COUNT(*), SUM(EXISTS (SELECT 1 FROM created_record c"
                        + " JOIN admin_unit v ON v.id = c.village_id WHERE v.parent_id = s.commune_id"
                        + " AND c.completed_at >= :f AND c.completed_at < :u))"
                        + " FROM health_station s WHERE s.parent_id IS NULL AND s.closed_on IS NULL"
                        + " AND s.commune_id IN (SELECT id FROM below WHERE level = 'COMMUNE')")
                .setParameter("unit", unitId).setParameter("f", window.from()).setParameter("u", window.until())
                .getSingleResult();
        return new long[] {((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue()};
    }

    /** Quotas of a year by village: {population, quota}. */
    public Map<Long, int[]> quotas(int year, Collection<Long> villageIds) {
        if (villageIds != null && villageIds.isEmpty()) {
            return Map.of();
        }
        Query q = em.createNativeQuery("SELECT village_id, population, quota FROM village_quota WHERE year = :y"
                + (villageIds == null ? "" : " AND village_id IN (:ids)")).setParameter("y", year);
        if (villageIds != null) {
            q.setParameter("ids", villageIds);
        }
        Map<Long, int[]> quotas = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            quotas.put(((Number) r[0]).longValue(),
                    new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
        }
        return quotas;
    }

    /** All windows of a list, for callers that build them one by one. */
    public static List<Window> windows(Window... windows) {
        return new ArrayList<>(List.of(windows));
    }

    private static final String BELOW = "WITH RECURSIVE below (id, level) AS (SELECT id, level FROM admin_unit"
            + " WHERE id = :unit UNION ALL SELECT a.id, a.level FROM admin_unit a JOIN below b ON a.parent_id = b.id) ";
}
