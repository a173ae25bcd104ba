package vn.hssk.claims;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.Person;
import vn.hssk.record.PersonAccess;
import vn.hssk.record.PersonChecks;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * The review list of claims no rule linked, and the envelopes' reports. Station staff see the claims waiting in their
 * communes' lists, a province administrator every list (also the province's own, for claims that point to no
 * commune). A reviewer links a claim to a person they may act on (then it becomes that person's visit) or dismisses
 * it with a reason. A claim outside the caller's lists answers 404 like one that does not exist. Each claim shown is
 * audited as a read (entity {@code Claim}), each candidate person shown as a read of that person, each link as the
 * creation of a visit.
 */
@Stateless
public class ClaimReviewService {

    private static final int MAX_PAGE = 200;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonAccess access;

    @Inject
    private ClaimVisits visits;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public List<ReviewItem> waiting(int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        List<Claim> found = query(caller, "select c from Claim c left join fetch c.reviewCommune", Claim.class,
                " order by c.createdAt, c.id").setFirstResult(first).setMaxResults(max).getResultList();
        List<ReviewItem> items = new ArrayList<>(found.size());
        for (Claim c : found) {
            items.add(item(caller, c));
        }
        return items;
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public long countWaiting() {
        return query(caller(), "select count(c) from Claim c", Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(CallerIdentity caller, String select, Class<T> type, String order) {
        boolean scoped = caller.communeScope() != null;
        TypedQuery<T> q = em.createQuery(select + " where c.status = :status"
                + (scoped ? " and c.reviewCommune.code in :communes" : "") + order, type)
                .setParameter("status", ClaimStatus.REVIEW);
        if (scoped) {
            q.setParameter("communes", caller.communeScope().isEmpty() ? List.of("-") : caller.communeScope());
        }
        return q;
    }

    /** One waiting claim with its rows, for the reviewer to decide. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public ReviewItem get(long claimId) {
        CallerIdentity caller = caller();
        return item(caller, waitingClaim(caller, claimId));
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public Claim link(long claimId, long personId) {
        CallerIdentity caller = caller();
        Claim claim = waitingClaim(caller, claimId);
        Person person = access.writable(caller, personId);
        visits.link(caller, claim, person, claim.getMatchRule());
        return claim;
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public Claim dismiss(long claimId, String reason) {
        CallerIdentity caller = caller();
        Claim claim = waitingClaim(caller, claimId);
        claim.dismiss(reason, caller.username());
        em.flush();
        audit.changed(caller, AuditAction.VOID, ClaimVisits.CLAIM, claim.getId(), Map.of("status", "REVIEW"),
                Map.of("status", "DISMISSED", "reason", claim.getDismissReason()), "claim " + claim.getFacility()
                        + "/" + claim.getClaimKey());
        return claim;
    }

    /** The report of an envelope: the sender's own, or any of the province for its administrator. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public ClaimEnvelope envelope(long id) {
        CallerIdentity caller = caller();
        ClaimEnvelope e = em.find(ClaimEnvelope.class, id);
        if (e == null || !caller.hasRole(Roles.PROVINCE_ADMIN) && !e.getCreatedBy().equals(caller.username())) {
            throw ProblemException.notFound("No claim envelope " + id);
        }
        return e;
    }

    /** The caller's envelopes (a province administrator's: the province's), newest first. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    public List<ClaimEnvelope> envelopes(int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        boolean all = caller.hasRole(Roles.PROVINCE_ADMIN);
        TypedQuery<ClaimEnvelope> q = em.createQuery("select e from ClaimEnvelope e"
                + (all ? "" : " where e.createdBy = :user") + " order by e.createdAt desc, e.id desc",
                ClaimEnvelope.class);
        if (!all) {
            q.setParameter("user", caller.username());
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    private Claim waitingClaim(CallerIdentity caller, long id) {
        Claim c = em.find(Claim.class, id);
        if (c == null || c.getStatus() != ClaimStatus.REVIEW || !inLists(caller, c)) {
            throw ProblemException.notFound("No claim " + id + " waiting for review in your communes");
        }
        return c;
    }

    private static boolean inLists(CallerIdentity caller, Claim c) {
        return caller.communeScope() == null
                || c.getReviewCommune() != null && caller.communeScope().contains(c.getReviewCommune().getCode());
    }

    private ReviewItem item(CallerIdentity caller, Claim c) {
        audit.read(caller, ClaimVisits.CLAIM, c.getId(), "claim-review " + c.getFacility() + "/" + c.getClaimKey());
        ReviewItem.Candidate candidate = null;
        if (c.getCandidateId() != null) {
            Person p = em.find(Person.class, c.getCandidateId());
            if (p != null && PersonChecks.mayActOn(caller, p)) {
                audit.read(caller, AuditService.PERSON, p.getId(), "claim-review " + c.getFacility() + "/"
                        + c.getClaimKey());
                candidate = new ReviewItem.Candidate(p.getId(), p.getFullName(), p.getBirthDate());
            }
        }
        return new ReviewItem(c, c.getReviewCommune() == null ? null : c.getReviewCommune().getCode(),
                c.getReviewCommune() == null ? null : c.getReviewCommune().getName(), candidate);
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
