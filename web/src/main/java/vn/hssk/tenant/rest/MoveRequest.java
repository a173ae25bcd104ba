package vn.hssk.tenant.rest;

/** The body of {@code POST /api/tenants/{code}/move}: the database server to move the province's data to. */
public record MoveRequest(String toServer) {
}
