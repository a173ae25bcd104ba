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
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a village and its commune were, period by period: a reorganization keeps a unit's earlier parent, name and
 * type in {@code admin_unit_period}, so a person's record can say in which commune their village lay when (the same
 * village, xã Hoằng Đạo until 30/06/2025, phường Hoằng Hóa from 01/07/2025).
 */
@Dependent
public class UnitHistory {

    /** One stretch of time with the same village and commune; {@code to} is null for the one that lasts. */
    public record Residence(LocalDate from, LocalDate to, String villageCode, String villageName, String communeCode,
                            String communeName, String communeType) {
    }

    private record State(Long parentId, String name, String type) {
    }

    private record Period(LocalDate from, LocalDate to, State state) {
    }

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public List<Residence> of(AdministrativeUnit village) {
        Map<Long, List<Period>> periods = new HashMap<>();
        periods.put(village.getId(), periods(village.getId()));
        TreeSet<Long> parents = new TreeSet<>();
        if (village.getParent() != null) {
            parents.add(village.getParent().getId());
        }
        periods.get(village.getId()).forEach(p -> {
            if (p.state().parentId() != null) {
                parents.add(p.state().parentId());
            }
        });
        Map<Long, AdministrativeUnit> units = new HashMap<>();
        for (Long id : parents) {
            AdministrativeUnit u = em.find(AdministrativeUnit.class, id);
            units.put(id, u);
            periods.put(id, periods(id));
        }
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(village.getValidFrom());
        periods.values().forEach(list -> list.forEach(p -> {
            LocalDate next = p.to().plusDays(1);
            if (next.isAfter(village.getValidFrom())
                    && (village.getValidTo() == null || !next.isAfter(village.getValidTo()))) {
                starts.add(next);
            }
        }));
        List<Residence> result = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>(starts);
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            LocalDate to = i + 1 < days.size() ? days.get(i + 1).minusDays(1) : village.getValidTo();
            State v = on(periods.get(village.getId()), day, new State(
                    village.getParent() == null ? null : village.getParent().getId(), village.getName(),
                    village.getUnitType()));
            AdministrativeUnit commune = v.parentId() == null ? null : units.get(v.parentId());
            State c = commune == null ? null : on(periods.get(commune.getId()), day, new State(null,
                    commune.getName(), commune.getUnitType()));
            Residence r = new Residence(day, to, village.getCode(), v.name(),
                    commune == null ? null : commune.getCode(), c == null ? null : c.name(),
                    c == null ? null : UnitType.labelOf(c.type()));
            Residence last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && Objects.equals(last.villageName(), r.villageName())
                    && Objects.equals(last.communeCode(), r.communeCode())
                    && Objects.equals(last.communeName(), r.communeName())
                    && Objects.equals(last.communeType(), r.communeType())) {
                result.set(result.size() - 1, new Residence(last.from(), r.to(), last.villageCode(),
                        last.villageName(), last.communeCode(), last.communeName(), last.communeType()));
            } else {
                result.add(r);
            }
        }
        return result;
    }

    private static State on(List<Period> periods, LocalDate day, State current) {
        for (Period p : periods) {
            if (!p.from().isAfter(day) && !p.to().isBefore(day)) {
                return p.state();
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private List<Period> periods(long unitId) {
        List<Object[]> rows = em.createNativeQuery("SELECT valid_from, valid_to, parent_id, name, unit_type"
                + " FROM admin_unit_period WHERE unit_id = ?1 ORDER BY valid_from").setParameter(1, unitId)
                .getResultList();
        List<Period> result = new ArrayList<>();
        for (Object[] o : rows) {
            result.add(new Period(date(o[0]), date(o[1]), new State(o[2] == null ? null : ((Number) o[2]).longValue(),
                    (String) o[3], (String) o[4])));
        }
        return result;
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
