package vn.hssk.immunization.rest;

/** The body of {@code POST /api/stock/movements}: WASTAGE (reason required) or RETURN to the province. */
public record MovementRequest(Long stationId, Long lotId, String kind, Integer quantity, String on, String reason) {
}
