package vn.hssk.claims;

/**
 * How a claim found its person: by personal ID, by BHYT card (the 10-digit social-insurance number inside it), or
 * only as a candidate of the same name and date of birth (a suggestion for review, never linked by itself); NONE when
 * nothing matched or the match was ambiguous.
 */
public enum MatchRule {
    PERSONAL_ID,
    BHYT,
    NAME_BIRTH,
    NONE;

    /** Whether the rule is strong enough to link the claim without a person deciding. */
    public boolean links() {
        return this == PERSONAL_ID || this == BHYT;
    }
}
