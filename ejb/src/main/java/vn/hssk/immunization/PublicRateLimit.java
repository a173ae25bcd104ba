package vn.hssk.immunization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.hssk.tenant.TenantDataSources;
import vn.hssk.tenant.TenantRegistry;

/**
 * Counts public requests per bucket (e.g. a client address) and minute in the platform schema, so that every node
 * enforces the same limit: the counter is one atomic upsert. Old windows are pruned as new ones start.
 */
public final class PublicRateLimit {

    private PublicRateLimit() {
    }

    /** Counts this request; true while the bucket has made at most {@code perMinute} requests this minute. */
    public static boolean allow(String bucket, int perMinute) {
        Instant window = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String table = TenantRegistry.PLATFORM_SCHEMA + ".public_request";
        String key = bucket.length() > 100 ? bucket.substring(0, 100) : bucket;
        try (Connection c = TenantDataSources.platform().getConnection()) {
            try (PreparedStatement up = c.prepareStatement("INSERT INTO " + table + " (bucket, window_start, hits)"
                    + " VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE hits = hits + 1")) {
                up.setString(1, key);
                up.setTimestamp(2, Timestamp.from(window));
                up.executeUpdate();
            }
            int hits;
            try (PreparedStatement q = c.prepareStatement("SELECT hits FROM " + table
                    + " WHERE bucket = ? AND window_start = ?")) {
                q.setString(1, key);
                q.setTimestamp(2, Timestamp.from(window));
                try (ResultSet rs = q.executeQuery()) {
                    hits = rs.next() ? rs.getInt(1) : 1;
                }
            }
            if (hits == 1) {
                try (PreparedStatement prune = c.prepareStatement("DELETE FROM " + table + " WHERE window_start < ?")) {
                    prune.setTimestamp(1, Timestamp.from(window.minus(1, ChronoUnit.HOURS)));
                    prune.executeUpdate();
                }
            }
            return hits <= perMinute;
        } catch (SQLException e) {
            throw new IllegalStateException("The public request counter cannot be updated", e);
        }
    }
}
