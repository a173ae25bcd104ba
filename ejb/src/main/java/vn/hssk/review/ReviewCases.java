package vn.hssk.review;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.EntrySource;
import vn.hssk.record.Person;
import vn.hssk.record.PersonRepository;
import vn.hssk.record.PersonalIdRules;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitScope;

/**
 * Opens the province's review cases in the current transaction, for a caller named explicitly: the screens' and the
 * API's service ({@link PersonalIdReviewService}) passes the token's caller, an import job the caller who started it
 * (a batch thread has no token). One open case per ID and village; a holder the caller may act on is no case.
 */
@Dependent
public class ReviewCases {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonRepository persons;

    @Inject
    private AuditTrail audit;

    /** Records (or counts again) an attempt on an ID held by a record the caller may not act on. */
    public void attempted(CallerIdentity caller, PersonalIdAttempt attempt) {
        Person holder = attempt.holderId() != null ? persons.find(attempt.holderId()).orElse(null)
                : persons.findByPersonalId(attempt.personalId()).orElse(null);
        if (holder == null || !holder.isVoided() && UnitScope.reaches(caller, holder.getVillage())) {
            return;
        }
        AdministrativeUnit village = em.find(AdministrativeUnit.class, attempt.villageId());
        if (village == null) {
            return;
        }
        PersonalIdReview open = open(ReviewKind.HELD_ELSEWHERE, attempt.personalId(), village.getId());
        if (open == null) {
            PersonalIdReview created = new PersonalIdReview(ReviewKind.HELD_ELSEWHERE, attempt.personalId(),
                    holder.getId(), null, village, attempt.fullName(), attempt.birthDate(), attempt.sex(),
                    attempt.source(), caller.username());
            em.persist(created);
            em.flush();
            audit.changed(caller, AuditAction.CREATE, PersonalIdReviewService.ENTITY, created.getId(), Map.of(),
                    snapshot(created), null);
        } else {
            open.attemptedAgain(holder.getId(), attempt.fullName(), attempt.birthDate(), attempt.sex(),
                    attempt.source(), caller.username());
        }
    }

    /** Lists a record just saved with an ID of unknown birth-registration province, once per ID. */
    public void saved(CallerIdentity caller, Person person, EntrySource source) {
        String pid = person.getPersonalId();
        if (!PersonalIdRules.hasUnknownProvince(pid)) {
            return;
        }
        boolean known = !em.createQuery("select r.id from PersonalIdReview r where r.kind = :kind"
                        + " and r.personalId = :pid", Long.class).setParameter("kind", ReviewKind.UNKNOWN_PREFIX)
                .setParameter("pid", pid).setMaxResults(1).getResultList().isEmpty();
        if (known) {
            return;
        }
        PersonalIdReview created = new PersonalIdReview(ReviewKind.UNKNOWN_PREFIX, pid, null, person.getId(),
                person.getVillage(), person.getFullName(), person.getBirthDate(), person.getSex(), source,
                caller.username());
        em.persist(created);
        em.flush();
        audit.changed(caller, AuditAction.CREATE, PersonalIdReviewService.ENTITY, created.getId(), Map.of(),
                snapshot(created), null);
    }

    private PersonalIdReview open(ReviewKind kind, String pid, long villageId) {
        return em.createQuery("select r from PersonalIdReview r where r.kind = :kind and r.personalId = :pid"
                        + " and r.village.id = :village and r.status = :open", PersonalIdReview.class)
                .setParameter("kind", kind).setParameter("pid", pid).setParameter("village", villageId)
                .setParameter("open", ReviewStatus.OPEN).getResultList().stream().findFirst().orElse(null);
    }

    static Map<String, String> snapshot(PersonalIdReview r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", r.getKind().name());
        m.put("personalId", r.getPersonalId());
        m.put("holderId", r.getHolderId() == null ? null : String.valueOf(r.getHolderId()));
        m.put("personId", r.getPersonId() == null ? null : String.valueOf(r.getPersonId()));
        m.put("villageId", String.valueOf(r.getVillage().getId()));
        m.put("source", r.getSource().name());
        m.put("status", r.getStatus().name());
        m.put("resolutionNote", r.getResolutionNote());
        return m;
    }
}
