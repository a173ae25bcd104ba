package vn.hssk.tenant;

import java.time.Instant;

/** A tenant as national administrators see it: registry facts and aggregates, never a person. */
public record TenantSummary(String code, String name, TenantStatus status, String statusReason, String dbServer,
                            Instant createdAt, Instant updatedAt, Long communes, Long people) {
}
