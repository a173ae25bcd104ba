package vn.hssk.reorganization;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.UnitLevel;

/**
 * Reads what a reorganization needs from the province's schema in a few grouped queries: the open map (units and
 * stations), and the counts the preview shows and the proof compares, per village (what follows a village: people,
 * created records, households, children of the immunization lists, doses of the year, quotas) and per commune (what
 * hangs on the commune: stations and sub-sites, open plans, targets).
 */
@Dependent
public class UnitCounts {

    /** The counts, in the order the preview shows them. */
    public enum Measure {
        PERSONS,
        CREATED_RECORDS,
        HOUSEHOLDS,
        CHILDREN_UNDER_6,
        DOSES_OF_YEAR,
        VILLAGE_QUOTAS,
        STATIONS,
        STAFF,
        OPEN_PLANS,
        TARGETS,
        TARGET_TOTAL;

        /** Whether the sum over the units involved stays the same through any reorganization. */
        public boolean kept() {
            return this != TARGETS;
        }

        boolean perVillage() {
            return ordinal() <= VILLAGE_QUOTAS.ordinal();
        }
    }

    /** A target of a commune in force on or after the effective date. */
    public record TargetRow(long id, long indicatorId, long unitId, Long planId, LocalDate from, LocalDate to,
                            BigDecimal baseline, BigDecimal value, boolean percent) {
    }

    /** A village's quota of a year. */
    public record QuotaRow(long id, long villageId, int year, int population, int quota) {
    }

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** The quotas of the given villages for the year of the effective date and later. */
    public List<QuotaRow> quotas(Collection<Long> villages, LocalDate effective) {
        List<QuotaRow> rows = new ArrayList<>();
        if (villages.isEmpty()) {
            return rows;
        }
        em.unwrap(Session.class).doWork(c -> grouped(c, "SELECT id, village_id, year, population, quota FROM"
                + " village_quota WHERE year >= ? AND village_id IN (" + placeholders(villages.size()) + ")"
                + " ORDER BY id", List.of(effective.getYear()), villages,
                r -> rows.add(new QuotaRow(r.getLong(1), r.getLong(2), r.getInt(3), r.getInt(4), r.getInt(5)))));
        return rows;
    }

    /**
     * For each village split, the households it names that are not households of the village (a conflict the preview
     * lists and apply refuses): one error naming them.
     */
    public List<FieldError> householdConflicts(ReorganizationMap map) {
        List<FieldError> conflicts = new ArrayList<>();
        for (ReorganizationMap.VillageSplit split : map.villageSplits()) {
            java.util.Set<String> found = new java.util.HashSet<>();
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT code FROM household WHERE village_id = ? AND"
                        + " code IN (" + placeholders(split.households().size()) + ")")) {
                    s.setLong(1, split.sourceId());
                    for (int i = 0; i < split.households().size(); i++) {
                        s.setString(i + 2, split.households().get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString(1));
                        }
                    }
                }
            });
            List<String> missing = split.households().stream().filter(h -> !found.contains(h)).toList();
            if (!missing.isEmpty()) {
                String village = map.codeOf(split.sourceId());
                conflicts.add(FieldError.coded("steps", "reorg.householdsNotInVillage", "Not households of village "
                        + village + ": " + String.join(", ", missing), village, String.join(", ", missing)));
            }
        }
        return conflicts;
    }

    public List<ReorganizationMap.Unit> openUnits() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<ReorganizationMap.Unit> units = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, code, name, level, unit_type, parent_id,"
                    + " valid_from FROM admin_unit WHERE valid_to IS NULL AND level IN ('COMMUNE', 'VILLAGE',"
                    + " 'DISTRICT', 'PROVINCE')");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long parent = r.getLong(6);
                    units.add(new ReorganizationMap.Unit(r.getLong(1), r.getString(2), r.getString(3),
                            UnitLevel.valueOf(r.getString(4)), r.getString(5), r.wasNull() ? null : parent,
                            r.getDate(7).toLocalDate()));
                }
            }
            return units;
        });
    }

    public List<ReorganizationMap.Station> openStations() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<ReorganizationMap.Station> stations = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, commune_id, parent_id, former_commune_id"
                    + " FROM health_station WHERE closed_on IS NULL ORDER BY id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stations.add(new ReorganizationMap.Station(r.getLong(1), r.getString(2), r.getLong(3),
                            nullable(r, 4), nullable(r, 5)));
                }
            }
            return stations;
        });
    }

    /** Live persons of each village of the given communes. */
    public Map<Long, Long> personsByVillage(Collection<Long> communes) {
        Map<Long, Long> persons = new HashMap<>();
        byVillage(communes, LocalDate.now()).forEach((v, m) -> persons.put(v, m.get(Measure.PERSONS)));
        return persons;
    }

    /** The per-village counts of the villages now under the given communes. */
    public Map<Long, Map<Measure, Long>> byVillage(Collection<Long> communes, LocalDate effective) {
        Map<Long, Map<Measure, Long>> result = new LinkedHashMap<>();
        if (communes.isEmpty()) {
            return result;
        }
        String in = placeholders(communes.size());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM admin_unit WHERE level = 'VILLAGE'"
                    + " AND parent_id IN (" + in + ")")) {
                bind(s, 1, communes);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.put(r.getLong(1), empty(true));
                    }
                }
            }
            String villages = "SELECT id FROM admin_unit WHERE level = 'VILLAGE' AND parent_id IN (" + in + ")";
            grouped(c, "SELECT p.village_id, COUNT(*), COALESCE(SUM(p.record_created), 0),"
                    + " COALESCE(SUM(p.birth_date > ?), 0) FROM person p WHERE NOT p.voided AND p.village_id IN ("
                    + villages + ") GROUP BY p.village_id", List.of(Date.valueOf(effective.minusYears(6))), communes,
                    r -> {
                        Map<Measure, Long> m = result.get(r.getLong(1));
                        m.put(Measure.PERSONS, r.getLong(2));
                        m.put(Measure.CREATED_RECORDS, r.getLong(3));
                        m.put(Measure.CHILDREN_UNDER_6, r.getLong(4));
                    });
            grouped(c, "SELECT village_id, COUNT(*) FROM household WHERE closed_on IS NULL AND village_id IN ("
                    + villages + ") GROUP BY village_id", List.of(), communes,
                    r -> result.get(r.getLong(1)).put(Measure.HOUSEHOLDS, r.getLong(2)));
            grouped(c, "SELECT p.village_id, COUNT(*) FROM immunization i JOIN person p ON p.id = i.person_id"
                    + " WHERE NOT i.voided AND NOT p.voided AND i.given_on BETWEEN ? AND ? AND p.village_id IN ("
                    + villages + ") GROUP BY p.village_id",
                    List.of(Date.valueOf(effective.withDayOfYear(1)),
                            Date.valueOf(effective.withDayOfYear(effective.lengthOfYear()))), communes,
                    r -> result.get(r.getLong(1)).put(Measure.DOSES_OF_YEAR, r.getLong(2)));
            grouped(c, "SELECT village_id, COUNT(*) FROM village_quota WHERE year >= ? AND village_id IN ("
                    + villages + ") GROUP BY village_id", List.of(effective.getYear()), communes,
                    r -> result.get(r.getLong(1)).put(Measure.VILLAGE_QUOTAS, r.getLong(2)));
        });
        return result;
    }

    /** The per-commune counts (stations, plans, targets) of the given communes; staff come from Keycloak. */
    public Map<Long, Map<Measure, Long>> byCommune(Collection<Long> communes, LocalDate effective) {
        Map<Long, Map<Measure, Long>> result = new LinkedHashMap<>();
        communes.forEach(id -> result.put(id, empty(false)));
        if (communes.isEmpty()) {
            return result;
        }
        String in = placeholders(communes.size());
        em.unwrap(Session.class).doWork(c -> {
            grouped(c, "SELECT commune_id, COUNT(*) FROM health_station WHERE closed_on IS NULL AND commune_id IN ("
                    + in + ") GROUP BY commune_id", List.of(), communes,
                    r -> result.get(r.getLong(1)).put(Measure.STATIONS, r.getLong(2)));
            grouped(c, "SELECT unit_id, COUNT(*) FROM plan WHERE period_to >= ? AND unit_id IN (" + in + ")"
                    + " GROUP BY unit_id", List.of(Date.valueOf(effective)), communes,
                    r -> result.get(r.getLong(1)).put(Measure.OPEN_PLANS, r.getLong(2)));
        });
        for (TargetRow t : targets(communes, effective)) {
            if (!t.from().isAfter(effective)) {
                Map<Measure, Long> m = result.get(t.unitId());
                m.merge(Measure.TARGETS, 1L, Long::sum);
                if (!t.percent()) {
                    m.merge(Measure.TARGET_TOTAL, t.value().longValue(), Long::sum);
                }
            }
        }
        return result;
    }

    /** The targets of the communes that are in force on the effective date or begin after it. */
    public List<TargetRow> targets(Collection<Long> communes, LocalDate effective) {
        List<TargetRow> rows = new ArrayList<>();
        if (communes.isEmpty()) {
            return rows;
        }
        em.unwrap(Session.class).doWork(c -> grouped(c, "SELECT t.id, t.indicator_id, t.unit_id, t.plan_id,"
                + " t.period_from, t.period_to, t.baseline, t.target_value, i.unit_kind FROM target t"
                + " JOIN indicator i ON i.id = t.indicator_id WHERE t.period_to >= ? AND t.unit_id IN ("
                + placeholders(communes.size()) + ") ORDER BY t.id", List.of(Date.valueOf(effective)), communes,
                r -> rows.add(new TargetRow(r.getLong(1), r.getLong(2), r.getLong(3), nullable(r, 4),
                        r.getDate(5).toLocalDate(), r.getDate(6).toLocalDate(), r.getBigDecimal(7),
                        r.getBigDecimal(8), "PERCENT".equals(r.getString(9))))));
        return rows;
    }

    static Map<Measure, Long> empty(boolean village) {
        Map<Measure, Long> m = new java.util.EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            if (measure.perVillage() == village) {
                m.put(measure, 0L);
            }
        }
        return m;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void grouped(Connection c, String sql, List<Object> first, Collection<Long> ids, RowReader reader)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object o : first) {
                s.setObject(i++, o);
            }
            bind(s, i, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    private static void bind(PreparedStatement s, int from, Collection<Long> ids) throws SQLException {
        int i = from;
        for (Long id : ids) {
            s.setLong(i++, id);
        }
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Long nullable(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }
}
