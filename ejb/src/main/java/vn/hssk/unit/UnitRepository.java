package vn.hssk.unit;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.hssk.shared.TextFolding;

/** Queries over the administrative tree of the current tenant. */
@Dependent
public class UnitRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<AdministrativeUnit> find(long id) {
        return Optional.ofNullable(em.find(AdministrativeUnit.class, id));
    }

    public void add(AdministrativeUnit unit) {
        em.persist(unit);
    }

    /**
     * Units whose folded name contains the folded query (or whose code starts with it), optionally of one level, valid
     * on one day and, for commune-scoped callers, only within the given communes (the communes and their villages).
     */
    public List<AdministrativeUnit> search(String query, UnitLevel level, Collection<String> communes,
                                           int first, int max) {
        return search(query, level, communes, java.time.LocalDate.now(), first, max);
    }

    public List<AdministrativeUnit> search(String query, UnitLevel level, Collection<String> communes,
                                           java.time.LocalDate day, int first, int max) {
        StringBuilder jpql = new StringBuilder("select u from AdministrativeUnit u left join u.parent p where 1 = 1");
        if (day != null) {
            jpql.append(" and u.validFrom <= :day and (u.validTo is null or u.validTo >= :day)");
        }
        String folded = TextFolding.fold(query);
        if (!folded.isEmpty()) {
            jpql.append(" and (u.nameFolded like :name or u.code like :code)");
        }
        if (level != null) {
            jpql.append(" and u.level = :level");
        }
        if (communes != null) {
            jpql.append(" and ((u.level = vn.hssk.unit.UnitLevel.COMMUNE and u.code in :communes)"
                    + " or (u.level = vn.hssk.unit.UnitLevel.VILLAGE and p.code in :communes))");
        }
        jpql.append(" order by u.level, u.nameFolded, u.id");
        TypedQuery<AdministrativeUnit> q = em.createQuery(jpql.toString(), AdministrativeUnit.class);
        if (!folded.isEmpty()) {
            q.setParameter("name", "%" + escapeLike(folded) + "%");
            q.setParameter("code", escapeLike(query.trim()) + "%");
        }
        if (level != null) {
            q.setParameter("level", level);
        }
        if (day != null) {
            q.setParameter("day", day);
        }
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The ids of the communes with these codes (a commune-scoped caller's, from the token). */
    public List<Long> communeIds(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u.id from AdministrativeUnit u where u.code in :codes and u.level = :commune",
                Long.class).setParameter("codes", codes).setParameter("commune", UnitLevel.COMMUNE).getResultList();
    }

    public Optional<AdministrativeUnit> findCurrentByCode(String code) {
        return em.createQuery("select u from AdministrativeUnit u where u.code = :code and u.validTo is null",
                        AdministrativeUnit.class)
                .setParameter("code", code)
                .getResultList().stream().findFirst();
    }

    public Optional<AdministrativeUnit> findByCodeOn(String code, java.time.LocalDate day) {
        return em.createQuery("select u from AdministrativeUnit u where u.code = :code and u.validFrom <= :day"
                        + " and (u.validTo is null or u.validTo >= :day)", AdministrativeUnit.class)
                .setParameter("code", code).setParameter("day", day)
                .getResultList().stream().findFirst();
    }

    public List<AdministrativeUnit> validOn(java.time.LocalDate day) {
        return em.createQuery("select u from AdministrativeUnit u left join fetch u.parent where u.validFrom <= :day"
                        + " and (u.validTo is null or u.validTo >= :day) order by u.level, u.code",
                        AdministrativeUnit.class)
                .setParameter("day", day).getResultList();
    }

    public long countOpenChildren(AdministrativeUnit unit) {
        return em.createQuery("select count(u) from AdministrativeUnit u where u.parent = :p and u.validTo is null",
                Long.class).setParameter("p", unit).getSingleResult();
    }

    /** What hangs on a unit, in words, or null when nothing does. */
    public String usedBy(AdministrativeUnit unit) {
        long children = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM admin_unit WHERE parent_id = ?1")
                .setParameter(1, unit.getId()).getSingleResult()).longValue();
        if (children > 0) {
            return children + " units below it";
        }
        long successors = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM admin_unit_predecessor WHERE predecessor_id = ?1 OR unit_id = ?1")
                .setParameter(1, unit.getId()).getSingleResult()).longValue();
        if (successors > 0) {
            return "a recorded succession (merge or rename)";
        }
        long stations = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM health_station WHERE commune_id = ?1 OR former_commune_id = ?1")
                .setParameter(1, unit.getId()).getSingleResult()).longValue();
        if (stations > 0) {
            return stations + " health stations";
        }
        long households = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM household WHERE village_id = ?1")
                .setParameter(1, unit.getId()).getSingleResult()).longValue()
                + ((Number) em.createNativeQuery("SELECT COUNT(*) FROM household_move WHERE from_village_id = ?1"
                        + " OR to_village_id = ?1").setParameter(1, unit.getId()).getSingleResult()).longValue();
        if (households > 0) {
            return "households (and their people)";
        }
        long people = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM person WHERE village_id = ?1")
                .setParameter(1, unit.getId()).getSingleResult()).longValue();
        if (people > 0) {
            return people + " personal records";
        }
        return null;
    }

    public void remove(AdministrativeUnit unit) {
        em.remove(unit);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
