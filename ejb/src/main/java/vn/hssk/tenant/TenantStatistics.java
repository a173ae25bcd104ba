package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts over one tenant's schema for the national view: current communes, residents and created records. Only
 * counts leave the schema. Residents are the personal records that are not voided; created records are counted
 * through the {@code created_record} view (docs/records.md), as the province overview and the dashboard count them.
 */
public final class TenantStatistics {

    public record Counts(Long communes, Long people, Long createdRecords) {
    }

    private TenantStatistics() {
    }

    public static Counts of(TenantEntry tenant) {
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            return new Counts(null, null, null);
        }
        String schema = tenant.schema();
        try (Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection()) {
            Long communes = count(c, "SELECT COUNT(*) FROM " + schema
                    + ".admin_unit WHERE level = 'COMMUNE' AND valid_to IS NULL");
            Long people = count(c, "SELECT COUNT(*) FROM " + schema + ".person WHERE voided = FALSE");
            Long records = count(c, "SELECT COUNT(*) FROM " + schema + ".created_record");
            return new Counts(communes, people, records);
        } catch (SQLException | IllegalStateException e) {
            return new Counts(null, null, null);
        }
    }

    private static Long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }
}
