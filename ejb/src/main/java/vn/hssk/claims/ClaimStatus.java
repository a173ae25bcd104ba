package vn.hssk.claims;

/** Where an accepted claim stands: linked to a person (its visit made), waiting for review, or dismissed. */
public enum ClaimStatus {
    LINKED,
    REVIEW,
    DISMISSED
}
