package vn.hssk.immunization.rest;

/**
 * The body of {@code POST /api/aefi}: an adverse event after a dose of a person. {@code severity} MILD, MODERATE or
 * SEVERE; {@code outcome} RECOVERED, RECOVERING, SEQUELAE, DIED or UNKNOWN; dates yyyy-MM-dd.
 */
public record AefiRequest(Long personId, Long doseId, String onsetOn, String symptoms, String severity,
                          String outcome, String reportedTo, String reportedOn) {
}
