package vn.hssk.record.rest;

/** The body of {@code POST /api/persons/{id}/identify}: the personal ID a provisional record receives. */
public record IdentifyRequest(String personalId, Integer version) {
}
