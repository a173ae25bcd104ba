package vn.hssk.citizen;

/** Where a citizen's message stands: waiting for the station, answered, or closed by the station. */
public enum FeedbackStatus {
    OPEN,
    ANSWERED,
    CLOSED
}
