package vn.hssk.claims.rest;

import vn.hssk.claims.Claim;

/** A claim after a reviewer's decision: LINKED with its person and visit, or DISMISSED with the reason. */
public record DecisionView(long id, String claimKey, String status, Long personId, Long visitId,
                           String dismissReason) {

    public static DecisionView of(Claim c) {
        return new DecisionView(c.getId(), c.getClaimKey(), c.getStatus().name(), c.getPersonId(), c.getVisitId(),
                c.getDismissReason());
    }
}
