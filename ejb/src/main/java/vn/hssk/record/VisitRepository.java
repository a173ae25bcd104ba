package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Queries over the visits (part D) of the current tenant. */
@Dependent
public class VisitRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public void add(Visit visit) {
        em.persist(visit);
    }

    public Optional<Visit> find(long personId, long visitId) {
        return Optional.ofNullable(em.find(Visit.class, visitId)).filter(v -> v.getPersonId() == personId);
    }

    /** The person's visits, newest first. */
    public List<Visit> forPerson(long personId, int first, int max) {
        return em.createQuery("select v from Visit v where v.personId = :person"
                        + " order by v.visitDate desc, v.id desc", Visit.class)
                .setParameter("person", personId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public void flush() {
        em.flush();
    }
}
