package vn.hssk.tenant;

/**
 * Where a tenant stands. Only {@link #ACTIVE} tenants serve their users. {@link #FAILED} is an onboarding that did not
 * finish (no data; sending the request again retries it). {@link #MIGRATION_FAILED} is a tenant with data whose schema
 * could not be migrated at start: it is out of service, keeps everything, and returns to service when a later start
 * or a resume migrates it. {@link #MOVING} is a province whose data is being moved to another database server
 * (ProvinceMoveService): for those few seconds it serves reads and refuses writes (503). {@link #MERGING} is a province
 * being merged into another (TenantMergeService): it serves reads and refuses writes until the merge is done; it is then
 * {@link #MERGED}: retired, its schema kept, nobody served from it.
 */
public enum TenantStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    FAILED,
    MIGRATION_FAILED,
    MOVING,
    MERGING,
    MERGED
}
