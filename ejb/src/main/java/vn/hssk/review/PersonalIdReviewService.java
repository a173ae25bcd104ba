package vn.hssk.review;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.EntrySource;
import vn.hssk.record.Person;
import vn.hssk.record.PersonRepository;
import vn.hssk.record.PersonalIdRules;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitScope;

/**
 * The province's review list of personal IDs. Station staff never read it: their refused attempts and their records
 * saved with an unknown birth-registration province only land here. An attempt is written in a transaction of its
 * own (in the caller's tenant), because the user's request is refused and rolled back and the case must stay.
 * Province administrators list the cases of their province (each record a case concerns is audited as read) and
 * close them with a note.
 */
@Stateless
public class PersonalIdReviewService {

    public static final String ENTITY = "PersonalIdReview";
    private static final int MAX_PAGE = 200;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonRepository persons;

    @Inject
    private AuditTrail audit;

    @Inject
    private ReviewCases cases;

    /**
     * Records (or counts again, one open case per ID and village) an attempt on an ID held by a record the caller may
     * not act on. A holder the caller may act on after all (a concurrent write in their own commune) is no case.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attempted(PersonalIdAttempt attempt) {
        cases.attempted(caller(), attempt);
    }

    /**
     * Puts a record just saved with an ID of unknown birth-registration province on the list, in the saving
     * transaction (no save, no case); an ID the province has had a case about already is not listed again.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    public void saved(Person person, EntrySource source) {
        cases.saved(caller(), person, source);
    }

    /** The cases of the province, {@code status} null for all, most recently attempted first; each record read. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<ReviewCase> list(ReviewStatus status, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid(FieldError.coded("first", "page.first", "first must not be negative"));
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        TypedQuery<PersonalIdReview> query = em.createQuery("select r from PersonalIdReview r"
                + (status == null ? "" : " where r.status = :status") + " order by r.lastAt desc, r.id desc",
                PersonalIdReview.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(r -> read(caller, r)).toList();
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public long count(ReviewStatus status) {
        caller();
        TypedQuery<Long> query = em.createQuery("select count(r) from PersonalIdReview r"
                + (status == null ? "" : " where r.status = :status"), Long.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    /** Closes a case as RESOLVED or REJECTED with a note; audited as a change of the case. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public ReviewCase resolve(long id, ReviewStatus outcome, String note) {
        CallerIdentity caller = caller();
        PersonalIdReview review = em.find(PersonalIdReview.class, id);
        if (review == null) {
            throw ProblemException.notFound("No review case " + id);
        }
        Map<String, String> before = ReviewCases.snapshot(review);
        review.resolve(outcome, note, caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, ENTITY, review.getId(), before, ReviewCases.snapshot(review), null);
        return read(caller, review);
    }

    private ReviewCase read(CallerIdentity caller, PersonalIdReview review) {
        Long recordId = review.getHolderId() != null ? review.getHolderId() : review.getPersonId();
        Person record = recordId == null ? null : persons.find(recordId).orElse(null);
        if (record != null) {
            audit.read(caller, AuditService.PERSON, record.getId(), "personal-id review " + review.getId());
        }
        return new ReviewCase(review, record);
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
