package vn.hssk.tenant.rest;

/** The optional body of {@code POST /api/tenants/{code}/suspend}. */
public record SuspendRequest(String reason) {
}
