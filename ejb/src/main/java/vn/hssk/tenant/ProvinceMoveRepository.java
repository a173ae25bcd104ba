package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The moves' rows in the platform schema ({@code tenant_move}, {@code tenant_move_table}), in plain JDBC like the
 * tenant registry: a move's batch thread has no tenant and no persistence context, and each change is committed at
 * once so that another node (or the next run) reads where the move stands.
 */
final class ProvinceMoveRepository {

    static final String CHECK = "CHECK";
    static final String SCHEMA = "SCHEMA";
    static final String COPY = "COPY";
    static final String PAUSE = "PAUSE";
    static final String DROP_OLD = "DROP_OLD";
    static final String DONE = "DONE";

    private static final String MOVE = TenantRegistry.PLATFORM_SCHEMA + ".tenant_move";
    private static final String TABLE = TenantRegistry.PLATFORM_SCHEMA + ".tenant_move_table";

    private final DataSource platform;
    private final PlatformRows platformRows;

    ProvinceMoveRepository(DataSource platform) {
        this.platform = platform;
        this.platformRows = new PlatformRows(platform, "a province move");
    }

    static ProvinceMoveRepository onPlatform() {
        return new ProvinceMoveRepository(TenantDataSources.platform());
    }

    /** A new queued move; empty when the province already has one that is not over. */
    Optional<Long> create(TenantCode code, String from, String to, String actor) {
        String sql = "INSERT INTO " + MOVE + " (tenant_code, from_server, to_server, state, step, requested_by, "
                + "created_at, updated_at) VALUES (?, ?, ?, 'QUEUED', '" + CHECK + "', ?, ?, ?)";
        Timestamp now = Timestamp.from(Instant.now());
        return platformRows.insertOpen(sql, ps -> {
            ps.setString(1, code.value());
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setString(4, actor);
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
        });
    }

    Optional<ProvinceMove> find(long id) {
        return platformRows.one("SELECT * FROM " + MOVE + " WHERE id = ?", ps -> ps.setLong(1, id), ProvinceMoveRepository::read);
    }

    /** The province's move that is not over (queued, running, or failed and waiting to be resumed). */
    Optional<ProvinceMove> open(TenantCode code) {
        return platformRows.one("SELECT * FROM " + MOVE + " WHERE tenant_code = ? AND open_marker",
                ps -> ps.setString(1, code.value()), ProvinceMoveRepository::read);
    }

    List<ProvinceMove> list(TenantCode code) {
        return platformRows.list("SELECT * FROM " + MOVE + " WHERE tenant_code = ? ORDER BY id",
                ps -> ps.setString(1, code.value()), ProvinceMoveRepository::read);
    }

    /** The batch execution of the move's last run, if it ran. */
    Optional<Long> execution(long id) {
        return platformRows.execution(MOVE, id);
    }

    /** A run begins: on which execution and node, and one more run counted. */
    void running(long id, long execution, String node) {
        platformRows.update("UPDATE " + MOVE + " SET state = 'RUNNING', execution_id = ?, node = ?, runs = runs + 1, reason = NULL,"
                + " finished_at = NULL, updated_at = ? WHERE id = ?", ps -> {
            ps.setLong(1, execution);
            ps.setString(2, node);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, id);
        });
    }

    void queued(long id) {
        platformRows.update("UPDATE " + MOVE + " SET state = 'QUEUED', reason = NULL, updated_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, id);
        });
    }

    void step(long id, String step) {
        platformRows.update("UPDATE " + MOVE + " SET step = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, step);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, id);
        });
    }

    /** The tables to copy, replacing any list of an earlier run (whose copies start again). */
    void tables(long id, List<String> tables) {
        try (Connection c = platform.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE move_id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO " + TABLE + " (move_id, table_name, position) VALUES (?, ?, ?)");
                 PreparedStatement move = c.prepareStatement("UPDATE " + MOVE + " SET tables_total = ?, "
                         + "tables_done = 0, rows_copied = 0, copy_ms = 0, updated_at = ? WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
                for (int i = 0; i < tables.size(); i++) {
                    insert.setLong(1, id);
                    insert.setString(2, tables.get(i));
                    insert.setInt(3, i);
                    insert.addBatch();
                }
                insert.executeBatch();
                move.setInt(1, tables.size());
                move.setTimestamp(2, Timestamp.from(Instant.now()));
                move.setLong(3, id);
                move.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the tables of move " + id, e);
        }
    }

    void rowsCopied(long id, String table, long rows) {
        platformRows.update("UPDATE " + MOVE + " m JOIN " + TABLE + " t ON t.move_id = m.id AND t.table_name = ? "
                + "SET m.rows_copied = m.rows_copied + ?, t.rows_copied = t.rows_copied + ?, m.updated_at = ? "
                + "WHERE m.id = ?", ps -> {
            ps.setString(1, table);
            ps.setLong(2, rows);
            ps.setLong(3, rows);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setLong(5, id);
        });
    }

    /** A table is about to be copied (again): what an earlier, unfinished copy of it counted is taken back. */
    void copyStarts(long id, String table) {
        platformRows.update("UPDATE " + MOVE + " m JOIN " + TABLE + " t ON t.move_id = m.id AND t.table_name = ? "
                + "SET m.rows_copied = m.rows_copied - t.rows_copied, t.rows_copied = 0 WHERE m.id = ?", ps -> {
            ps.setString(1, table);
            ps.setLong(2, id);
        });
    }

    void tableCopied(long id, String table, long ms) {
        platformRows.update("UPDATE " + MOVE + " m JOIN " + TABLE + " t ON t.move_id = m.id AND t.table_name = ? "
                + "SET t.copied = TRUE, t.copy_ms = ?, m.tables_done = m.tables_done + 1, m.copy_ms = m.copy_ms + ?, "
                + "m.updated_at = ? WHERE m.id = ? AND t.copied = FALSE", ps -> {
            ps.setString(1, table);
            ps.setLong(2, ms);
            ps.setLong(3, ms);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setLong(5, id);
        });
    }

    /** A table copied again in the pause, because it changed while the first copy ran. */
    void tableRecopied(long id, String table, long rows, long ms) {
        platformRows.update("UPDATE " + MOVE + " m JOIN " + TABLE + " t ON t.move_id = m.id AND t.table_name = ? "
                + "SET t.recopied = TRUE, m.rows_copied = m.rows_copied + ?, m.copy_ms = m.copy_ms + ?, "
                + "m.updated_at = ? WHERE m.id = ?", ps -> {
            ps.setString(1, table);
            ps.setLong(2, rows);
            ps.setLong(3, ms);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setLong(5, id);
        });
    }

    void checked(long id, String table, SchemaCopy.Check source, SchemaCopy.Check target) {
        platformRows.update("UPDATE " + TABLE + " SET source_rows = ?, source_checksum = ?, target_rows = ?, target_checksum = ? "
                + "WHERE move_id = ? AND table_name = ?", ps -> {
            ps.setLong(1, source.rows());
            ps.setString(2, source.checksum());
            ps.setLong(3, target.rows());
            ps.setString(4, target.checksum());
            ps.setLong(5, id);
            ps.setString(6, table);
        });
    }

    /** The province is on the target server now: the pause it took and how many tables it copied again. */
    void switched(long id, long pauseMs, int recopied) {
        platformRows.update("UPDATE " + MOVE + " SET step = '" + DROP_OLD + "', pause_ms = ?, tables_recopied = ?, updated_at = ? "
                + "WHERE id = ?", ps -> {
            ps.setLong(1, pauseMs);
            ps.setInt(2, recopied);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, id);
        });
    }

    void ended(long id, String state, String reason) {
        platformRows.ended(MOVE, id, state, reason, List.of("DONE", "ABANDONED"), DONE);
    }

    private static ProvinceMove read(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<ProvinceMove.Table> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + TABLE + " WHERE move_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    tables.add(new ProvinceMove.Table(t.getString("table_name"), t.getBoolean("copied"),
                            t.getLong("rows_copied"), PlatformRows.nullableLong(t, "copy_ms"), PlatformRows.nullableLong(t, "source_rows"),
                            PlatformRows.nullableLong(t, "target_rows"), t.getString("source_checksum"),
                            t.getString("target_checksum"), t.getBoolean("recopied")));
                }
            }
        }
        Integer recopied = rs.getObject("tables_recopied") == null ? null : rs.getInt("tables_recopied");
        Long copyMs = PlatformRows.nullableLong(rs, "copy_ms");
        Long perSecond = copyMs == null || copyMs == 0 ? null : rs.getLong("rows_copied") * 1000 / copyMs;
        return new ProvinceMove(id, rs.getString("tenant_code"), rs.getString("from_server"),
                rs.getString("to_server"), rs.getString("state").toLowerCase(Locale.ROOT),
                rs.getString("step").toLowerCase(Locale.ROOT), rs.getInt("tables_total"), rs.getInt("tables_done"),
                rs.getLong("rows_copied"), copyMs, perSecond, PlatformRows.nullableLong(rs, "pause_ms"), recopied,
                rs.getInt("runs"), rs.getString("reason"), rs.getString("requested_by"),
                PlatformRows.instant(rs, "created_at"), PlatformRows.instant(rs, "updated_at"), PlatformRows.instant(rs, "finished_at"), List.copyOf(tables));
    }
}
