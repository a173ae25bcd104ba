package vn.hssk.plan;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/** Village quotas of the current tenant. */
@Dependent
public class QuotaRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public List<VillageQuota> of(Collection<Long> villageIds, int year) {
        if (villageIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select q from VillageQuota q where q.village.id in :ids and q.year = :y",
                VillageQuota.class).setParameter("ids", villageIds).setParameter("y", year).getResultList();
    }

    public List<VillageQuota> ofYear(int year) {
        return em.createQuery("select q from VillageQuota q join fetch q.village where q.year = :y",
                VillageQuota.class).setParameter("y", year).getResultList();
    }

    public void add(VillageQuota quota) {
        em.persist(quota);
    }

    public void flush() {
        em.flush();
    }
}
