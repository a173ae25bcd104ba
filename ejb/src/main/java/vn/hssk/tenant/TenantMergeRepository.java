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
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The merges' rows in the platform schema ({@code tenant_merge}, {@code tenant_merge_table}), in plain JDBC like the
 * moves: a merge's batch thread has no tenant, and each change is committed at once so that another node (or the next
 * run) reads where the merge stands. What has really been copied is kept in the survivor's schema
 * ({@code tenant_merge_mark}), committed with the rows; the counts here follow it.
 */
final class TenantMergeRepository {

    static final String PREPARE = "PREPARE";
    static final String CATALOGS = "CATALOGS";
    static final String COPY = "COPY";
    static final String REVIEW = "REVIEW";
    static final String ACCOUNTS = "ACCOUNTS";
    static final String VERIFY = "VERIFY";
    static final String RETIRE = "RETIRE";
    static final String DONE = "DONE";

    private static final String MERGE = TenantRegistry.PLATFORM_SCHEMA + ".tenant_merge";
    private static final String TABLE = TenantRegistry.PLATFORM_SCHEMA + ".tenant_merge_table";

    private final DataSource platform;
    private final PlatformRows rows;

    TenantMergeRepository(DataSource platform) {
        this.platform = platform;
        this.rows = new PlatformRows(platform, "a tenant merge");
    }

    static TenantMergeRepository onPlatform() {
        return new TenantMergeRepository(TenantDataSources.platform());
    }

    /** A new queued merge; empty when the absorbed province already has one that is not over. */
    Optional<Long> create(TenantCode absorbed, TenantCode into, String actor) {
        String sql = "INSERT INTO " + MERGE + " (absorbed_code, into_code, state, step, requested_by, created_at,"
                + " updated_at) VALUES (?, ?, 'QUEUED', '" + PREPARE + "', ?, ?, ?)";
        Timestamp now = Timestamp.from(Instant.now());
        return rows.insertOpen(sql, ps -> {
            ps.setString(1, absorbed.value());
            ps.setString(2, into.value());
            ps.setString(3, actor);
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
        });
    }

    Optional<TenantMerge> find(long id) {
        return rows.one("SELECT * FROM " + MERGE + " WHERE id = ?", ps -> ps.setLong(1, id), TenantMergeRepository::read);
    }

    /** The absorbed province's merge that is not over. */
    Optional<TenantMerge> open(TenantCode absorbed) {
        return rows.one("SELECT * FROM " + MERGE + " WHERE absorbed_code = ? AND open_marker",
                ps -> ps.setString(1, absorbed.value()), TenantMergeRepository::read);
    }

    /** The merges a province took part in, absorbed or surviving, oldest first. */
    List<TenantMerge> list(TenantCode code) {
        return rows.list("SELECT * FROM " + MERGE + " WHERE absorbed_code = ? OR into_code = ? ORDER BY id", ps -> {
            ps.setString(1, code.value());
            ps.setString(2, code.value());
        }, TenantMergeRepository::read);
    }

    /** The latest merges of the platform, newest first. */
    List<TenantMerge> recent(int max) {
        return rows.list("SELECT * FROM " + MERGE + " ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, max), TenantMergeRepository::read);
    }

    /** Running merges last heard of before {@code before}: their node died or stopped. */
    List<TenantMerge> silentSince(Instant before) {
        return rows.list("SELECT * FROM " + MERGE + " WHERE state = 'RUNNING' AND updated_at < ? ORDER BY id",
                ps -> ps.setTimestamp(1, Timestamp.from(before)), TenantMergeRepository::read);
    }

    Optional<Long> execution(long id) {
        return rows.execution(MERGE, id);
    }

    /** A run begins on this execution and node; false when another run holds the merge (it is not queued). */
    boolean running(long id, long execution, String node) {
        return rows.update("UPDATE " + MERGE + " SET state = 'RUNNING', execution_id = ?, node = ?, runs = runs + 1,"
                + " reason = NULL, finished_at = NULL, updated_at = ? WHERE id = ? AND state = 'QUEUED'", ps -> {
            ps.setLong(1, execution);
            ps.setString(2, node);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, id);
        }) == 1;
    }

    /**
     * Queues a failed merge, or a running one silent since {@code silentBefore} (its node died), for a new run; false
     * when it is neither (another node took it first, or it runs).
     */
    boolean requeue(long id, Instant silentBefore) {
        return rows.update("UPDATE " + MERGE + " SET state = 'QUEUED', updated_at = ? WHERE id = ? AND (state = 'FAILED'"
                + " OR (state = 'RUNNING' AND updated_at < ?))", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, id);
            ps.setTimestamp(3, Timestamp.from(silentBefore));
        }) == 1;
    }

    void step(long id, String step) {
        rows.update("UPDATE " + MERGE + " SET step = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, step);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, id);
        });
    }

    /** The key offset, fixed once: the first run's stays whatever a later one computes. Answers the one in force. */
    long offset(long id, long offset) {
        rows.update("UPDATE " + MERGE + " SET key_offset = COALESCE(key_offset, ?), updated_at = ? WHERE id = ?", ps -> {
            ps.setLong(1, offset);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, id);
        });
        return find(id).orElseThrow().keyOffset();
    }

    /** The tables and their treatments, written once (a later run keeps the first run's list and counts). */
    void tables(long id, Map<String, String> treatments) {
        try (Connection c = platform.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO " + TABLE
                    + " (merge_id, table_name, position, treatment) VALUES (?, ?, ?, ?)");
                 PreparedStatement merge = c.prepareStatement("UPDATE " + MERGE + " SET tables_total = ?,"
                         + " updated_at = ? WHERE id = ?")) {
                int position = 0;
                for (Map.Entry<String, String> t : treatments.entrySet()) {
                    insert.setLong(1, id);
                    insert.setString(2, t.getKey());
                    insert.setInt(3, position++);
                    insert.setString(4, t.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
                merge.setInt(1, treatments.size());
                merge.setTimestamp(2, Timestamp.from(Instant.now()));
                merge.setLong(3, id);
                merge.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the tables of merge " + id, e);
        }
    }

    /** Where the copy stands: the rows added so far in all tables, and the tables finished (a heartbeat too). */
    void progress(long id, long rowsCopied, int tablesDone, long copyMs) {
        rows.update("UPDATE " + MERGE + " SET rows_copied = ?, tables_done = ?, copy_ms = ?, updated_at = ? WHERE id = ?",
                ps -> {
                    ps.setLong(1, rowsCopied);
                    ps.setInt(2, tablesDone);
                    ps.setLong(3, copyMs);
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.setLong(5, id);
                });
    }

    void counted(long id, String table, Long sourceRows, Long addedRows, Long checkedRows, boolean done) {
        rows.update("UPDATE " + TABLE + " SET source_rows = ?, added_rows = ?, checked_rows = ?, done = ?"
                + " WHERE merge_id = ? AND table_name = ?", ps -> {
            ps.setObject(1, sourceRows);
            ps.setObject(2, addedRows);
            ps.setObject(3, checkedRows);
            ps.setBoolean(4, done);
            ps.setLong(5, id);
            ps.setString(6, table);
        });
    }

    void findings(long id, Integer personalIdsInBoth, Integer householdsRenamed, Integer accountsMoved) {
        rows.update("UPDATE " + MERGE + " SET personal_ids_in_both = COALESCE(?, personal_ids_in_both),"
                + " households_renamed = COALESCE(?, households_renamed), accounts_moved = COALESCE(?, accounts_moved),"
                + " updated_at = ? WHERE id = ?", ps -> {
            ps.setObject(1, personalIdsInBoth);
            ps.setObject(2, householdsRenamed);
            ps.setObject(3, accountsMoved);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setLong(5, id);
        });
    }

    void ended(long id, String state, String reason) {
        rows.ended(MERGE, id, state, reason, List.of("DONE"), DONE);
    }

    private static TenantMerge read(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<TenantMerge.Table> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + TABLE + " WHERE merge_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    tables.add(new TenantMerge.Table(t.getString("table_name"), t.getString("treatment"),
                            PlatformRows.nullableLong(t, "source_rows"), PlatformRows.nullableLong(t, "added_rows"),
                            PlatformRows.nullableLong(t, "checked_rows"), t.getBoolean("done")));
                }
            }
        }
        Long copyMs = PlatformRows.nullableLong(rs, "copy_ms");
        Long perSecond = copyMs == null || copyMs == 0 ? null : rs.getLong("rows_copied") * 1000 / copyMs;
        return new TenantMerge(id, rs.getString("absorbed_code"), rs.getString("into_code"),
                rs.getString("state").toLowerCase(Locale.ROOT), rs.getString("step").toLowerCase(Locale.ROOT),
                PlatformRows.nullableLong(rs, "key_offset"), rs.getInt("tables_total"), rs.getInt("tables_done"),
                rs.getLong("rows_copied"), copyMs, perSecond, PlatformRows.nullableInt(rs, "personal_ids_in_both"),
                PlatformRows.nullableInt(rs, "households_renamed"), PlatformRows.nullableInt(rs, "accounts_moved"), rs.getInt("runs"),
                rs.getString("node"), rs.getString("reason"), rs.getString("requested_by"), PlatformRows.instant(rs, "created_at"),
                PlatformRows.instant(rs, "updated_at"), PlatformRows.instant(rs, "finished_at"), List.copyOf(tables));
    }
}
