package vn.hssk.claims;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.Person;
import vn.hssk.record.PersonChecks;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;

/**
 * The rule of storing one read claim in the caller's transaction: refused, already received, linked to the person it
 * matched, or held for review in the right list. {@link ClaimWriter} runs it once per claim in a transaction of its
 * own; the demo data runs it for its few synthetic claims.
 */
@Dependent
public class ClaimStore {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ClaimPeople people;

    @Inject
    private ClaimVisits visits;

    @Inject
    private UnitRepository units;

    @Inject
    private AuditTrail audit;

    /**
     * Stores one claim. A claim matched by personal ID or card to a person the caller may act on becomes that
     * person's visit; any other is held for review: in the commune of the matched person or candidate (so a station
     * uploading a claim of another commune's resident learns nothing of them: its report says "waiting for review"
     * like for a claim that matched nobody), else in the commune of the claim's residence code, else in the
     * province's list only.
     */
    EnvelopeLine store(CallerIdentity caller, long envelopeId, ParsedClaim parsed) {
        if (parsed.refused()) {
            return new EnvelopeLine(parsed.label(), ClaimOutcome.REFUSED, parsed.issues().get(0), null);
        }
        if (exists(parsed.facility(), parsed.claimKey())) {
            return new EnvelopeLine(parsed.label(), ClaimOutcome.DUPLICATE, null, null);
        }
        ClaimMatcher.Match match = ClaimMatcher.match(parsed.summary(), people);
        Claim claim = new Claim(envelopeId, parsed, match.rule(), caller.username());
        em.persist(claim);
        em.flush();
        Person person = match.personId() == null ? null : em.find(Person.class, match.personId());
        String context = "claim " + claim.getFacility() + "/" + claim.getClaimKey();
        if (person != null && match.rule().links() && PersonChecks.mayActOn(caller, person)) {
            try {
                visits.link(caller, claim, person, match.rule());
                return new EnvelopeLine(parsed.label(), ClaimOutcome.LINKED, null, claim.getId());
            } catch (ProblemException visitRefused) {
                claim.holdForReview(person.getCommune(), person.getId(), "claims.visitRefused");
                audit.read(caller, AuditService.PERSON, person.getId(), context);
                return waiting(parsed, claim);
            }
        }
        if (person != null) {
            claim.holdForReview(person.getCommune(), person.getId(),
                    match.rule().links() ? "claims.otherCommune" : "claims.nameAndBirth");
            audit.read(caller, AuditService.PERSON, person.getId(), context);
        } else {
            claim.holdForReview(residence(parsed.summary().residenceCommune()), null, "claims.noMatch");
        }
        return waiting(parsed, claim);
    }

    private static EnvelopeLine waiting(ParsedClaim parsed, Claim claim) {
        return new EnvelopeLine(parsed.label(), ClaimOutcome.REVIEW, ClaimIssue.of("claims.waiting", "Claim "
                + parsed.label() + " waits for review by station staff", parsed.label()), claim.getId());
    }

    private AdministrativeUnit residence(String code) {
        if (code == null) {
            return null;
        }
        return units.findCurrentByCode(code).filter(u -> u.getLevel() == UnitLevel.COMMUNE).orElse(null);
    }

    private boolean exists(String facility, String key) {
        return !em.createQuery("select c.id from Claim c where c.facility = :f and c.claimKey = :k", Long.class)
                .setParameter("f", facility).setParameter("k", key).setMaxResults(1).getResultList().isEmpty();
    }
}
