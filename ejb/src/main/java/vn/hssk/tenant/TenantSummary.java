package vn.hssk.tenant;

import java.time.Instant;

/**
 * A tenant as national administrators see it: registry facts and aggregates, never a person. {@code people} are the
 * residents (live person records), {@code createdRecords} those of them that count as created records
 * (docs/records.md), the same two figures the province overview and the commune dashboard show.
 */
public record TenantSummary(String code, String name, TenantStatus status, String statusReason, String dbServer,
                            Instant createdAt, Instant updatedAt, Long communes, Long people,
                            Long createdRecords) {
}
