package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts over one tenant's schema for the national view: current communes and people. Only counts leave the
 * schema. People are the personal records that are not voided.
 */
public final class TenantStatistics {

    public record Counts(Long communes, Long people) {
    }

    private TenantStatistics() {
    }

    public static Counts of(TenantEntry tenant) {
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            return new Counts(null, null);
        }
        String schema = tenant.schema();
        try (Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection()) {
            Long communes = count(c, "SELECT COUNT(*) FROM " + schema
                    + ".admin_unit WHERE level = 'COMMUNE' AND valid_to IS NULL");
            Long people = count(c, "SELECT COUNT(*) FROM " + schema + ".person WHERE voided = FALSE");
            return new Counts(communes, people);
        } catch (SQLException | IllegalStateException e) {
            return new Counts(null, null);
        }
    }

    private static Long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }
}
