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
import javax.sql.DataSource;

/**
 * The rows of long national operations (province moves, province merges) in the platform schema, read and written in
 * plain JDBC, each statement on a connection of its own and committed at once: their batch threads have no tenant and
 * no persistence context, and another node (or the next run) must read where an operation stands.
 */
final class PlatformRows {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the current row (the connection serves the row's own detail queries). */
    @FunctionalInterface
    interface Reader<T> {
        T read(Connection c, ResultSet rs) throws SQLException;
    }

    private final DataSource platform;
    private final String what;

    /** {@code what} names the rows in errors: "a province move". */
    PlatformRows(DataSource platform, String what) {
        this.platform = platform;
        this.what = what;
    }

    int update(String sql, Binder binder) {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + what, e);
        }
    }

    <T> List<T> list(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(c, rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what, e);
        }
    }

    <T> Optional<T> one(String sql, Binder binder, Reader<T> reader) {
        List<T> found = list(sql, binder, reader);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The batch execution of an operation's last run, if it ran ({@code execution_id} of the table's row). */
    Optional<Long> execution(String table, long id) {
        return one("SELECT execution_id FROM " + table + " WHERE id = ?", ps -> ps.setLong(1, id),
                (c, rs) -> nullableLong(rs, "execution_id")).filter(java.util.Objects::nonNull);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
