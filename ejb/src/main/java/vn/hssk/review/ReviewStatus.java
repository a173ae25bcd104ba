package vn.hssk.review;

/** Where a review case stands: open, or closed by the province as resolved (acted on) or rejected (nothing to do). */
public enum ReviewStatus {
    OPEN,
    RESOLVED,
    REJECTED
}
