package vn.hssk.claims.rest;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hssk.claims.ClaimEnvelope;
import vn.hssk.claims.EnvelopeLine;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;

/**
 * The report of one envelope: receipt, counts per outcome and one line per claim in the envelope's order, each
 * line's message said in the language asked for.
 */
public record EnvelopeView(long id, String fileName, String facility, Instant receivedAt, String receivedBy,
                           long sizeBytes, int claims, int linked, int waiting, int duplicates, int refused,
                           List<Line> lines) implements Serializable {

    /** One claim: MA_LK (or "#n"), LINKED / REVIEW / DUPLICATE / REFUSED, the message and its code, the claim id. */
    public record Line(int position, String claimKey, String outcome, String code, String message, Long claimId)
            implements Serializable {
    }

    public static EnvelopeView of(ClaimEnvelope e, Locale language) {
        List<Line> lines = new ArrayList<>();
        int i = 1;
        for (EnvelopeLine l : e.getLines()) {
            String message = l.getCode() == null ? null
                    : ProblemTexts.message(new FieldError(null, l.getMessage(), l.getCode(), l.getArgs()), language);
            lines.add(new Line(i++, l.getClaimKey(), l.getOutcome().name(), l.getCode(), message, l.getClaimId()));
        }
        return new EnvelopeView(e.getId(), e.getFileName(), e.getFacility(), e.getCreatedAt(), e.getCreatedBy(),
                e.getSizeBytes(), e.getClaimsTotal(), e.getLinked(), e.getWaiting(), e.getDuplicates(),
                e.getRefused(), List.copyOf(lines));
    }
}
