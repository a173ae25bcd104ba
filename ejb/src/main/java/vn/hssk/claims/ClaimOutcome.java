package vn.hssk.claims;

/**
 * What became of one claim of an envelope: linked to a person (a part D visit made), waiting for review, already
 * received before (nothing changed), or refused (a table or field that does not read).
 */
public enum ClaimOutcome {
    LINKED,
    REVIEW,
    DUPLICATE,
    REFUSED
}
