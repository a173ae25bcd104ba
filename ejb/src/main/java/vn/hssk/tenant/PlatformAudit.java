package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Appends what national administrators do to tenants (who, when, what, from where) to the platform audit table. */
public final class PlatformAudit {

    private PlatformAudit() {
    }

    public static void record(String actor, String action, String tenantCode, String detail, String clientAddress) {
        String sql = "INSERT INTO " + TenantRegistry.PLATFORM_SCHEMA
                + ".platform_audit (at, actor, action, tenant_code, detail, client_addr) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = TenantDataSources.platform().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, tenantCode);
            ps.setString(5, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
            ps.setString(6, clientAddress);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the platform audit", e);
        }
    }
}
