package vn.hssk.tenant;

/**
 * Where a tenant stands. Only {@link #ACTIVE} tenants serve their users; {@link #FAILED} keeps the reason of a failed
 * onboarding or migration so that an administrator can read it and retry.
 */
public enum TenantStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    FAILED
}
