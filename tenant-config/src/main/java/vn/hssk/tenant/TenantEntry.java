package vn.hssk.tenant;

import java.time.Instant;

/**
 * One row of the tenant registry: which province, where its data lives (schema and database server) and its status.
 */
public record TenantEntry(
        TenantCode code,
        String name,
        String schema,
        String dbServer,
        TenantStatus status,
        String statusReason,
        String adminUsername,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /**
     * Active, or being moved to another database server or merged into another province: its users read; only an
     * active tenant takes writes.
     */
    public boolean servesReads() {
        return status == TenantStatus.ACTIVE || status == TenantStatus.MOVING || status == TenantStatus.MERGING;
    }
}
