package vn.hssk.claims;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

/**
 * The steps of an intake, each in its own transaction so that one claim that fails leaves the others stored: open
 * the envelope's receipt, store one claim (matched, linked or held for review), write the report. Only
 * {@link ClaimIntakeService} calls it.
 */
@Stateless
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClaimWriter {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ClaimStore store;

    public long open(CallerIdentity caller, String fileName, long size, String facility) {
        ClaimEnvelope envelope = new ClaimEnvelope(fileName, facility, size, caller.username());
        em.persist(envelope);
        em.flush();
        return envelope.getId();
    }

    /** Stores one claim, see {@link ClaimStore#store}. */
    public EnvelopeLine store(CallerIdentity caller, long envelopeId, ParsedClaim parsed) {
        return store.store(caller, envelopeId, parsed);
    }

    public ClaimEnvelope close(long envelopeId, List<EnvelopeLine> lines) {
        ClaimEnvelope envelope = em.find(ClaimEnvelope.class, envelopeId);
        envelope.report(lines);
        em.flush();
        return envelope;
    }
}
