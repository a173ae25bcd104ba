package vn.hssk.plan;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Plans of the current tenant. */
@Dependent
public class PlanRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<Plan> find(long id) {
        return Optional.ofNullable(em.find(Plan.class, id));
    }

    public List<Plan> all() {
        return em.createQuery("select p from Plan p order by p.periodFrom desc, p.id desc", Plan.class)
                .getResultList();
    }

    public void add(Plan plan) {
        em.persist(plan);
        em.flush();
    }

    public void flush() {
        em.flush();
    }
}
