package vn.hssk.immunization.rest;

/**
 * The body of {@code POST /api/persons/{id}/immunizations}. {@code source} GIVEN (default; needs {@code stationId}
 * and {@code lotId}) or HISTORICAL (a past dose from a card, no lot). {@code site} is LEFT_THIGH, RIGHT_THIGH,
 * LEFT_ARM, RIGHT_ARM, ORAL or OTHER. {@code overrideReason} records why a dose too early or too soon was given.
 */
public record DoseRequest(String vaccine, Integer doseNumber, String givenOn, String source, Long stationId,
                          Long lotId, String site, String givenBy, String place, String overrideReason) {
}
