package vn.hssk.claims;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/** The look-ups of {@link ClaimMatcher} over the live person records of the province (at most a few ids each). */
@Dependent
public class ClaimPeople implements ClaimMatcher.People {

    private static final int ENOUGH = 3;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Override
    public List<Long> byPersonalId(String personalId) {
        return em.createQuery("select p.id from Person p where p.personalId = :v and p.voided = false", Long.class)
                .setParameter("v", personalId).setMaxResults(ENOUGH).getResultList();
    }

    @Override
    public List<Long> byBhxhNumber(String number) {
        return em.createQuery("select p.id from Person p where p.bhytNumber = :v and p.voided = false", Long.class)
                .setParameter("v", number).setMaxResults(ENOUGH).getResultList();
    }

    @Override
    public List<Long> byNameAndBirth(String foldedName, LocalDate birthDate) {
        return em.createQuery("select p.id from Person p where p.fullNameFolded = :n and p.birthDate = :d"
                        + " and p.voided = false", Long.class)
                .setParameter("n", foldedName).setParameter("d", birthDate).setMaxResults(ENOUGH).getResultList();
    }
}
