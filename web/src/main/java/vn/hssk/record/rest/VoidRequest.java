package vn.hssk.record.rest;

/** The body of {@code POST /api/persons/{id}/void}: why the record is void (a duplicate, an entry error). */
public record VoidRequest(String reason, Integer version) {
}
