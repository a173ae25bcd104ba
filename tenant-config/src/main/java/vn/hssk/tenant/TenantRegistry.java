package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The tenant registry in the platform schema, read and written with plain JDBC because tenant resolution and the
 * connection provider need it before (and outside) any tenant's persistence context. Every statement names the
 * {@value #PLATFORM_SCHEMA} schema, so it is right whatever schema a pooled connection was last switched to.
 */
public class TenantRegistry {

    public static final String PLATFORM_SCHEMA = "hssk_platform";

    private static final Pattern SERVER_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final String COLUMNS =
            "code, name, schema_name, db_server, status, status_reason, admin_username, created_at, updated_at";

    private final DataSource dataSource;

    public TenantRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TenantRegistry onPlatform() {
        return new TenantRegistry(TenantDataSources.platform());
    }

    public Optional<TenantEntry> find(TenantCode code) {
        String sql = "SELECT " + COLUMNS + " FROM " + PLATFORM_SCHEMA + ".tenant WHERE code = ?";
        return onPlatform("read", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, code.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<TenantEntry> list() {
        String sql = "SELECT " + COLUMNS + " FROM " + PLATFORM_SCHEMA + ".tenant ORDER BY code";
        return onPlatform("read", c -> {
            List<TenantEntry> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
            return result;
        });
    }

    /**
     * Registers a tenant in {@link TenantStatus#ONBOARDING}, or takes over the row of an earlier attempt that
     * {@link TenantStatus#FAILED} (or died while onboarding, judged by no progress for ten minutes). Returns false when
     * the code belongs to a tenant that is active, suspended, or being onboarded right now.
     */
    public boolean claimForOnboarding(TenantCode code, String name, String dbServer, String adminUsername,
                                      String actor) {
        if (!SERVER_NAME.matcher(dbServer).matches()) {
            throw new IllegalArgumentException("Invalid database server name: " + dbServer);
        }
        Timestamp now = Timestamp.from(Instant.now());
        String insert = "INSERT IGNORE INTO " + PLATFORM_SCHEMA + ".tenant (" + COLUMNS + ", created_by) "
                + "VALUES (?, ?, ?, ?, 'ONBOARDING', NULL, ?, ?, ?, ?)";
        String retake = "UPDATE " + PLATFORM_SCHEMA + ".tenant SET name = ?, db_server = ?, admin_username = ?, "
                + "status = 'ONBOARDING', status_reason = NULL, updated_at = ? "
                + "WHERE code = ? AND (status = 'FAILED' OR (status = 'ONBOARDING' AND updated_at < ?))";
        return onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, code.value());
                ps.setString(2, name);
                ps.setString(3, code.schema());
                ps.setString(4, dbServer);
                ps.setString(5, adminUsername);
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.setString(8, actor);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(retake)) {
                ps.setString(1, name);
                ps.setString(2, dbServer);
                ps.setString(3, adminUsername);
                ps.setTimestamp(4, now);
                ps.setString(5, code.value());
                ps.setTimestamp(6, Timestamp.from(Instant.now().minusSeconds(600)));
                return ps.executeUpdate() == 1;
            }
        });
    }

    public void setStatus(TenantCode code, TenantStatus status, String reason) {
        String sql = "UPDATE " + PLATFORM_SCHEMA + ".tenant SET status = ?, status_reason = ?, updated_at = ? "
                + "WHERE code = ?";
        onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, status.name());
                ps.setString(2, reason == null ? null : truncate(reason, 1000));
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setString(4, code.value());
                return ps.executeUpdate();
            }
        });
    }

    /** Pauses the writes of an active tenant on {@code server} for a move; false when it is not so. */
    public boolean pauseWrites(TenantCode code, String server) {
        return update("UPDATE " + PLATFORM_SCHEMA + ".tenant SET status = 'MOVING', updated_at = ? "
                + "WHERE code = ? AND status = 'ACTIVE' AND db_server = ?", code, server);
    }

    /** Gives a tenant paused for a move back its writes, on the server it was on; false when it was not paused. */
    public boolean resumeWrites(TenantCode code, String server) {
        return update("UPDATE " + PLATFORM_SCHEMA + ".tenant SET status = 'ACTIVE', updated_at = ? "
                + "WHERE code = ? AND status = 'MOVING' AND db_server = ?", code, server);
    }

    /**
     * The moment of a move: the tenant paused on {@code from} is from now on on {@code to}, active again. False when
     * it was not paused on {@code from} (nothing is changed then).
     */
    public boolean switchServer(TenantCode code, String from, String to) {
        if (!SERVER_NAME.matcher(to).matches()) {
            throw new IllegalArgumentException("Invalid database server name: " + to);
        }
        String sql = "UPDATE " + PLATFORM_SCHEMA + ".tenant SET db_server = ?, status = 'ACTIVE', status_reason = NULL,"
                + " updated_at = ? WHERE code = ? AND status = 'MOVING' AND db_server = ?";
        return onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, to);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, code.value());
                ps.setString(4, from);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** An active tenant becomes read-only for its merge into another; true when it is merging now (or was already). */
    public boolean startMerging(TenantCode code) {
        String sql = "UPDATE " + PLATFORM_SCHEMA + ".tenant SET status = 'MERGING', updated_at = ? WHERE code = ?"
                + " AND status IN ('ACTIVE', 'MERGING')";
        return onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setString(2, code.value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A merging tenant is retired: merged into another, its schema kept, nobody served from it. */
    public boolean merged(TenantCode code, String reason) {
        String sql = "UPDATE " + PLATFORM_SCHEMA + ".tenant SET status = 'MERGED', status_reason = ?, updated_at = ?"
                + " WHERE code = ? AND status = 'MERGING'";
        return onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, truncate(reason, 1000));
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, code.value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A province renamed (or its type changed: tỉnh, thành phố), its code kept. */
    public boolean rename(TenantCode code, String name) {
        String sql = "UPDATE " + PLATFORM_SCHEMA + ".tenant SET name = ?, updated_at = ? WHERE code = ?";
        return onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, code.value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private boolean update(String sql, TenantCode code, String server) {
        return onPlatform("write", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setString(2, code.value());
                ps.setString(3, server);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @FunctionalInterface
    private interface PlatformWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** On a connection of its own, outside the caller's transaction (see {@link OutsideTransaction}). */
    private <T> T onPlatform(String what, PlatformWork<T> work) {
        try {
            return OutsideTransaction.run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(c);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + what + " the tenant registry", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static TenantEntry read(ResultSet rs) throws SQLException {
        return new TenantEntry(
                new TenantCode(rs.getString("code")),
                rs.getString("name"),
                rs.getString("schema_name"),
                rs.getString("db_server"),
                TenantStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("admin_username"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
