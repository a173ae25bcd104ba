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
     * Units whose folded name contains the folded query (or whose code starts with it), optionally of one level and,
     * for commune-scoped callers, only within the given communes (the communes and their villages).
     */
    public List<AdministrativeUnit> search(String query, UnitLevel level, Collection<String> communes,
                                           int first, int max) {
        StringBuilder jpql = new StringBuilder("select u from AdministrativeUnit u left join u.parent p where 1 = 1");
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
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public Optional<AdministrativeUnit> findCurrentByCode(String code) {
        return em.createQuery("select u from AdministrativeUnit u where u.code = :code and u.validTo is null",
                        AdministrativeUnit.class)
                .setParameter("code", code)
                .getResultStream().findFirst();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
