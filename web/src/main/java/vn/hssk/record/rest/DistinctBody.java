package vn.hssk.record.rest;

/** Two records judged to be two different people. */
public record DistinctBody(Long firstId, Long secondId, String note) {
}
