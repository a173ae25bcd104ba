package vn.hssk.claims;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

/**
 * The upload of one claim envelope by a province administrator or station staff (national administrators see
 * aggregates only and are refused). The envelope is read whole (refused with 400 if it is not one, 413 past
 * {@link ClaimLimits}); then each claim is stored in its own transaction, so that a refused or failing claim leaves
 * the others; the report is stored with the receipt and returned.
 */
@Stateless
public class ClaimIntakeService {

    private static final Logger LOG = Logger.getLogger(ClaimIntakeService.class);

    @Resource
    private EJBContext context;

    @Inject
    private ClaimWriter writer;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.STATION_STAFF})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClaimEnvelope intake(byte[] envelope, String fileName) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        if (envelope.length > ClaimLimits.maxBytes()) {
            throw ClaimLimits.tooLarge();
        }
        ClaimEnvelopeReader.Envelope read = ClaimEnvelopeReader.read(envelope);
        long id = writer.open(caller, fileName, envelope.length, read.facility());
        List<EnvelopeLine> lines = new ArrayList<>(read.claims().size());
        Set<String> seen = new HashSet<>();
        for (ParsedClaim claim : read.claims()) {
            if (!claim.refused() && !seen.add(claim.facility() + "/" + claim.claimKey())) {
                lines.add(new EnvelopeLine(claim.label(), ClaimOutcome.DUPLICATE, null, null));
                continue;
            }
            lines.add(store(caller, id, claim));
        }
        return writer.close(id, lines);
    }

    private EnvelopeLine store(CallerIdentity caller, long envelopeId, ParsedClaim claim) {
        try {
            return writer.store(caller, envelopeId, claim);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("uk_claim_key")) {
                    return new EnvelopeLine(claim.label(), ClaimOutcome.DUPLICATE, null, null);
                }
            }
            LOG.warnf(e, "Claim %s of envelope %d could not be stored", claim.label(), envelopeId);
            return new EnvelopeLine(claim.label(), ClaimOutcome.REFUSED, ClaimIssue.of("claims.failed",
                    "Claim " + claim.label() + " could not be stored; send it again later", claim.label()), null);
        }
    }
}
