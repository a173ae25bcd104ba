package vn.hssk.tenant.rest;

/** The body of {@code POST /api/tenants}. */
public record TenantRequest(String code, String name, String adminUsername, String adminEmail, String dbServer) {
}
