package vn.hssk.review;

/** Why a personal ID is on the province's review list. */
public enum ReviewKind {
    /** Someone tried to use an ID that a record outside their reach holds; they were refused without being told. */
    HELD_ELSEWHERE,
    /** A record was saved with an ID whose first three digits are not a known birth-registration province. */
    UNKNOWN_PREFIX
}
