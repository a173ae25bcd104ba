package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
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

    /**
     * Inserts the row of a new operation and answers its generated id; empty when a unique key refuses it (the
     * province already has an operation of the kind that is not over: the table's open marker).
     */
    Optional<Long> insertOpen(String sql, Binder binder) {
        try (Connection c = platform.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
            binder.bind(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLIntegrityConstraintViolationException open) {
            return Optional.empty();
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

    /**
     * An operation's run ended in {@code state}: its reason (cut to 1,000 characters), its end time, and, when the
     * state is one of {@code over}, its step {@code doneStep} and no more open marker (another may begin).
     */
    void ended(String table, long id, String state, String reason, List<String> over, String doneStep) {
        String closing = String.join(", ", over.stream().map(o -> "'" + o + "'").toList());
        update("UPDATE " + table + " SET state = ?, step = CASE WHEN ? = 'DONE' THEN '" + doneStep + "' ELSE step END,"
                + " open_marker = CASE WHEN ? IN (" + closing + ") THEN NULL ELSE open_marker END, reason = ?,"
                + " updated_at = ?, finished_at = ? WHERE id = ?", ps -> {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setString(1, state);
            ps.setString(2, state);
            ps.setString(3, state);
            ps.setString(4, reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000));
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            ps.setLong(7, id);
        });
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
