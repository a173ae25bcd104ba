package vn.hssk.tenant.rest;

/** The body of {@code PUT /api/tenants/{code}}: the province's new name and, optionally, its type (tinh, thanh_pho_tw). */
public record RenameRequest(String name, String type) {
}
