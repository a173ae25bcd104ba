package vn.hssk.household;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.hssk.shared.TextFolding;

/** Queries over the households of the current tenant. */
@Dependent
public class HouseholdRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<Household> find(long id) {
        return Optional.ofNullable(em.find(Household.class, id));
    }

    public Optional<Household> findByCode(String code) {
        return em.createQuery("select h from Household h where h.code = :code", Household.class)
                .setParameter("code", code)
                .getResultList().stream().findFirst();
    }

    public void add(Household household) {
        em.persist(household);
    }

    public void add(HouseholdMember member) {
        em.persist(member);
    }

    public void add(HouseholdMove move) {
        em.persist(move);
    }

    /** Makes sure a new member has its id (and version) before the caller shows it. */
    public void flush() {
        em.flush();
    }

    /** The open households of a village, in code order. */
    public List<Household> inVillage(long villageId) {
        return em.createQuery("select h from Household h where h.village.id = :village and h.closedOn is null"
                + " order by h.code", Household.class).setParameter("village", villageId).getResultList();
    }

    public boolean any() {
        return !em.createQuery("select h.id from Household h", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Households whose code starts with the query, or whose folded head name or address contains the folded query;
     * optionally in one village or one commune, and for commune-scoped callers only in their communes.
     */
    public List<Household> search(HouseholdFilter filter, Collection<String> communes, int first, int max) {
        StringBuilder jpql = new StringBuilder(
                "select h from Household h join h.village v join v.parent c where 1 = 1");
        String folded = TextFolding.fold(filter.query());
        if (!folded.isEmpty()) {
            jpql.append(" and (h.code like :code or h.headNameFolded like :text or h.addressFolded like :text)");
        }
        if (filter.villageId() != null) {
            jpql.append(" and v.id = :village");
        }
        if (filter.communeId() != null) {
            jpql.append(" and c.id = :commune");
        }
        if (communes != null) {
            jpql.append(" and c.code in :communes");
        }
        if (!filter.includeClosed()) {
            jpql.append(" and h.closedOn is null");
        }
        jpql.append(" order by h.code, h.id");
        TypedQuery<Household> q = em.createQuery(jpql.toString(), Household.class);
        if (!folded.isEmpty()) {
            q.setParameter("code", escapeLike(filter.query().strip()) + "%");
            q.setParameter("text", "%" + escapeLike(folded) + "%");
        }
        if (filter.villageId() != null) {
            q.setParameter("village", filter.villageId());
        }
        if (filter.communeId() != null) {
            q.setParameter("commune", filter.communeId());
        }
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public Optional<HouseholdMember> findMember(long householdId, long memberId) {
        return em.createQuery("select m from HouseholdMember m where m.id = :id and m.household.id = :household",
                        HouseholdMember.class)
                .setParameter("id", memberId)
                .setParameter("household", householdId)
                .getResultList().stream().findFirst();
    }

    public List<HouseholdMove> moves(long householdId) {
        return em.createQuery("select m from HouseholdMove m where m.household.id = :household"
                        + " order by m.movedOn desc, m.id desc", HouseholdMove.class)
                .setParameter("household", householdId)
                .getResultList();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
