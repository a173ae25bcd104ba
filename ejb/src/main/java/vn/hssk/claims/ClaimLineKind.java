package vn.hssk.claims;

/**
 * The kind of a detail row of a claim: a drug (XML2), a technical service or a medical supply (XML3), a paraclinical
 * result (XML4), or a paper issued at the end of the visit (discharge paper XML7, referral paper XML13, follow-up
 * appointment XML14).
 */
public enum ClaimLineKind {
    DRUG,
    SERVICE,
    SUPPLY,
    RESULT,
    DISCHARGE_PAPER,
    REFERRAL_PAPER,
    APPOINTMENT
}
