package vn.hssk.review.rest;

/** The body of {@code POST /api/personal-id-reviews/{id}/resolution}: RESOLVED or REJECTED, and a required note. */
public record ResolutionRequest(String outcome, String note) {
}
