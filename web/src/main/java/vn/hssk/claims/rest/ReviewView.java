package vn.hssk.claims.rest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.hssk.claims.Claim;
import vn.hssk.claims.ClaimLine;
import vn.hssk.claims.ReviewItem;

/**
 * A claim waiting for review: who the claim says the patient is, the visit (facility, times, diagnoses), the list it
 * waits in, why (note), the candidate person if any, and with {@code lines} its detail rows.
 */
public record ReviewView(long id, String facility, String claimKey, String encoding, String fullName,
                         LocalDate birthDate, Integer sex, String personalId, String bhytCards,
                         String residenceCommune, LocalDateTime admittedAt, LocalDateTime dischargedAt,
                         String mainIcd, List<String> secondaryIcds, String diagnosis, String communeCode,
                         String communeName, String note, ReviewItem.Candidate candidate, List<LineView> lines)
                                 implements Serializable {

    /** A detail row: kind, source table, code, name, amount, unit, detail, time. */
    public record LineView(String kind, String table, String code, String name, String amount, String unit,
                           String detail, LocalDateTime at) implements Serializable {
    }

    public static ReviewView of(ReviewItem item, boolean withLines) {
        Claim c = item.claim();
        List<LineView> lines = withLines ? c.getLines().stream().map(ReviewView::line).toList() : null;
        return new ReviewView(c.getId(), c.getFacility(), c.getClaimKey(), c.getEncoding().name(), c.getFullName(),
                c.getBirthDate(), c.getSex(), c.getPersonalId(), c.getBhytCards(), c.getResidenceCommune(),
                c.getAdmittedAt(), c.getDischargedAt(), c.getMainIcd(), c.secondaryIcdList(), c.getDiagnosisText(),
                item.communeCode(), item.communeName(), c.getReviewNote(), item.candidate(), lines);
    }

    private static LineView line(ClaimLine l) {
        return new LineView(l.getKind().name(), l.getSourceTable(), l.getCode(), l.getName(), l.getAmount(),
                l.getUnit(), l.getDetail(), l.getAt());
    }
}
