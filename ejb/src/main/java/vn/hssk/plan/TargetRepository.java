package vn.hssk.plan;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Targets and the indicator catalog of the current tenant. */
@Dependent
public class TargetRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public List<Indicator> indicators() {
        return em.createQuery("select i from Indicator i order by i.builtIn desc, i.code", Indicator.class)
                .getResultList();
    }

    public Optional<Indicator> indicator(long id) {
        return Optional.ofNullable(em.find(Indicator.class, id));
    }

    public Optional<Indicator> indicatorByCode(String code) {
        return em.createQuery("select i from Indicator i where i.code = :c", Indicator.class)
                .setParameter("c", code).getResultList().stream().findFirst();
    }

    public void add(Indicator indicator) {
        em.persist(indicator);
    }

    public void flushIndicators() {
        em.flush();
    }

    public Optional<Target> find(long id) {
        return Optional.ofNullable(em.find(Target.class, id));
    }

    public List<Target> all() {
        return em.createQuery("select t from Target t order by t.unit.code, t.indicator.code, t.periodFrom",
                Target.class).getResultList();
    }

    public List<Target> of(long indicatorId, long unitId) {
        return em.createQuery("select t from Target t where t.indicator.id = :i and t.unit.id = :u", Target.class)
                .setParameter("i", indicatorId).setParameter("u", unitId).getResultList();
    }

    public void add(Target target) {
        em.persist(target);
        em.flush();
    }

    public void remove(Target target) {
        em.remove(target);
    }
}
