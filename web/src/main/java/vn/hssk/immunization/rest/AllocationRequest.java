package vn.hssk.immunization.rest;

/** The body of {@code POST /api/lots/{id}/allocations}: doses of the lot sent to a station. */
public record AllocationRequest(Long stationId, Integer quantity, String on) {
}
