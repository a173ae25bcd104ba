package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Copies a province's schema, table by table, from one MariaDB server to another of the same version and schema
 * (both migrated by Flyway), and checks the copy: per table the row count and a checksum of every row, computed by the
 * same SQL on both servers. Rows are read as a stream and written in chunks of {@value #CHUNK} rows, each committed,
 * with the target's foreign keys unchecked (tables come in name order, not in dependency order). The target's
 * triggers are dropped before the copy and made again from the source's definitions afterwards: an audit table's
 * triggers refuse the clearing of a half-copied table, and insert triggers ({@code duplicate_candidate} filled from
 * {@code person}, the created-record counts) would act a second time on rows that already carry their effects.
 * Flyway's history is not copied: the target has its own, from migrating it.
 */
final class SchemaCopy {

    static final int CHUNK = 1000;
    /** The width of the key ranges compared and copied again one by one in a move's pause. */
    static final long RANGE = 10_000;
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final Pattern DEFINER =
            Pattern.compile("DEFINER\\s*=\\s*(`[^`]*`|'[^']*'|\\S+)@(`[^`]*`|'[^']*'|\\S+)\\s+");
    private static final List<String> BINARY_TYPES = List.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob", "bit", "geometry");

    private final String schema;

    SchemaCopy(String schema) {
        this.schema = schema;
    }

    /** One column; generated ones are computed by the target and never written. */
    record Column(String name, String type, boolean generated) {
    }

    /** What one server holds in a table: its rows and their checksum. */
    record Check(long rows, String checksum) {
    }

    /** A trigger as the source defines it, ready to be made on the target. */
    record Trigger(String name, String sqlMode, String statement) {
    }

    /** The schema's tables (views and Flyway's history left out), by name. */
    List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ? ORDER BY TABLE_NAME")) {
            ps.setString(1, schema);
            ps.setString(2, HISTORY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    Map<String, List<Column>> columns(Connection c) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_GENERATED "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Column(rs.getString(2),
                            rs.getString(3).toLowerCase(), "ALWAYS".equalsIgnoreCase(rs.getString(4))));
                }
            }
        }
        return columns;
    }

    /** The source's triggers in the order they act, without their definer (the target's user makes them). */
    List<Trigger> triggers(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
                + "WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_TIMING, "
                + "ACTION_ORDER")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        for (String name : names) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW CREATE TRIGGER " + q(schema) + "." + q(name))) {
                if (rs.next()) {
                    String statement = DEFINER.matcher(rs.getString("SQL Original Statement")).replaceFirst("");
                    triggers.add(new Trigger(name, rs.getString("sql_mode"), statement));
                }
            }
        }
        return triggers;
    }

    List<String> triggerNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
                + "WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    void dropTriggers(Connection target) throws SQLException {
        for (String name : triggerNames(target)) {
            try (Statement st = target.createStatement()) {
                st.execute("DROP TRIGGER IF EXISTS " + q(schema) + "." + q(name));
            }
        }
    }

    void createTriggers(Connection target, List<Trigger> triggers) throws SQLException {
        dropTriggers(target);
        String catalog = target.getCatalog();
        target.setCatalog(schema);
        try (Statement st = target.createStatement()) {
            for (Trigger trigger : triggers) {
                try (PreparedStatement mode = target.prepareStatement("SET SESSION sql_mode = ?")) {
                    mode.setString(1, trigger.sqlMode());
                    mode.execute();
                }
                st.execute(trigger.statement());
            }
            st.execute("SET SESSION sql_mode = DEFAULT");
        } finally {
            if (catalog != null) {
                target.setCatalog(catalog);
            }
        }
    }

    /**
     * Empties the target's table and copies every row of the source's, committing each chunk; {@code chunkCopied}
     * hears the rows of each committed chunk. Returns the rows copied.
     */
    long copy(Connection source, Connection target, String table, List<Column> columns, LongConsumer chunkCopied)
            throws SQLException {
        List<Column> written = columns.stream().filter(c -> !c.generated()).toList();
        String names = written.stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
        String insert = "INSERT INTO " + q(schema) + "." + q(table) + " (" + names + ") VALUES ("
                + written.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        boolean autoCommit = target.getAutoCommit();
        try (Statement settings = target.createStatement()) {
            settings.execute("SET SESSION foreign_key_checks = 0");
            clear(settings, table);
            target.setAutoCommit(false);
            long copied = 0;
            int inChunk = 0;
            try (Statement read = source.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                 PreparedStatement write = target.prepareStatement(insert)) {
                read.setFetchSize(CHUNK);
                try (ResultSet rows = read.executeQuery("SELECT " + names + " FROM " + q(schema) + "." + q(table))) {
                    while (rows.next()) {
                        for (int i = 1; i <= written.size(); i++) {
                            write.setObject(i, rows.getObject(i));
                        }
                        write.addBatch();
                        if (++inChunk == CHUNK) {
                            write.executeBatch();
                            target.commit();
                            copied += inChunk;
                            chunkCopied.accept(inChunk);
                            inChunk = 0;
                        }
                    }
                }
                if (inChunk > 0) {
                    write.executeBatch();
                    target.commit();
                    copied += inChunk;
                    chunkCopied.accept(inChunk);
                }
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
            return copied;
        } finally {
            target.setAutoCommit(autoCommit);
            try (Statement settings = target.createStatement()) {
                settings.execute("SET SESSION foreign_key_checks = 1");
            }
        }
    }

    private void clear(Statement target, String table) throws SQLException {
        try {
            target.execute("TRUNCATE TABLE " + q(schema) + "." + q(table));
        } catch (SQLException referenced) {
            target.execute("DELETE FROM " + q(schema) + "." + q(table));
        }
    }

    /**
     * The table's row count and checksum on this server: an MD5 of each row (every column as text, or hex for binary
     * ones, NULL told apart from any value), folded over the rows in an order-free way (XOR of one half, sum of the
     * other), so both servers compute it the same way whatever order they read the rows in. The session's time zone is
     * UTC while it runs, so that timestamps read the same on both servers.
     */
    Check check(Connection c, String table, List<Column> columns) throws SQLException {
        String sql = "SELECT 0, " + aggregate(columns) + " FROM " + q(schema) + "." + q(table);
        return checks(c, sql).getOrDefault(0L, new Check(0, "0000000000000000-0"));
    }

    /** The checks of the table's rows by ranges of {@value #RANGE} values of its integer key, by range number. */
    Map<Long, Check> checkRanges(Connection c, String table, List<Column> columns, String key) throws SQLException {
        String sql = "SELECT " + q(key) + " DIV " + RANGE + ", " + aggregate(columns) + " FROM " + q(schema) + "."
                + q(table) + " GROUP BY 1";
        return checks(c, sql);
    }

    private static String aggregate(List<Column> columns) {
        String row = columns.stream()
                .map(col -> "IFNULL(CONCAT('v', " + (BINARY_TYPES.contains(col.type()) ? "HEX(" + q(col.name()) + ")"
                        : "CAST(" + q(col.name()) + " AS CHAR)") + "), 'n')")
                .collect(Collectors.joining(", "));
        String md5 = "MD5(CONCAT_WS(',', " + row + "))";
        return "COUNT(*), LPAD(HEX(COALESCE(BIT_XOR(CAST(CONV(SUBSTRING(" + md5 + ", 1, 16), 16, 10) "
                + "AS UNSIGNED)), 0)), 16, '0'), COALESCE(SUM(CAST(CONV(SUBSTRING(" + md5 + ", 17, 8), 16, 10) "
                + "AS UNSIGNED)), 0)";
    }

    private static Map<Long, Check> checks(Connection c, String sql) throws SQLException {
        Map<Long, Check> checks = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET @hssk_move_tz = @@session.time_zone");
            st.execute("SET SESSION time_zone = '+00:00'");
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    checks.put(rs.getLong(1), new Check(rs.getLong(2), rs.getString(3) + "-" + rs.getString(4)));
                }
            } finally {
                st.execute("SET SESSION time_zone = @hssk_move_tz");
            }
        }
        return checks;
    }

    /** The table's primary key when it is one integer column (ranges of it can be compared and copied again). */
    Optional<String> integerKey(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.COLUMN_NAME, col.DATA_TYPE "
                + "FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS col "
                + "ON col.TABLE_SCHEMA = s.TABLE_SCHEMA AND col.TABLE_NAME = s.TABLE_NAME "
                + "AND col.COLUMN_NAME = s.COLUMN_NAME "
                + "WHERE s.TABLE_SCHEMA = ? AND s.TABLE_NAME = ? AND s.INDEX_NAME = 'PRIMARY'")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String column = rs.getString(1);
                boolean integer = List.of("tinyint", "smallint", "mediumint", "int", "bigint")
                        .contains(rs.getString(2).toLowerCase());
                return integer && !rs.next() ? Optional.of(column) : Optional.empty();
            }
        }
    }

    /**
     * Copies again the rows of one range of the key ({@link #checkRanges}): the target's rows in it are deleted (its
     * triggers are gone during a move) and the source's copied in one transaction. Returns the rows copied.
     */
    long copyRange(Connection source, Connection target, String table, List<Column> columns, String key, long range)
            throws SQLException {
        List<Column> written = columns.stream().filter(c -> !c.generated()).toList();
        String names = written.stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
        String in = " WHERE " + q(key) + " >= " + range * RANGE + " AND " + q(key) + " < " + (range + 1) * RANGE;
        boolean autoCommit = target.getAutoCommit();
        try (Statement settings = target.createStatement()) {
            settings.execute("SET SESSION foreign_key_checks = 0");
            target.setAutoCommit(false);
            long copied = 0;
            try (Statement read = source.createStatement();
                 PreparedStatement write = target.prepareStatement("INSERT INTO " + q(schema) + "." + q(table)
                         + " (" + names + ") VALUES (" + written.stream().map(c -> "?")
                         .collect(Collectors.joining(", ")) + ")")) {
                settings.execute("DELETE FROM " + q(schema) + "." + q(table) + in);
                try (ResultSet rows = read.executeQuery("SELECT " + names + " FROM " + q(schema) + "." + q(table)
                        + in)) {
                    while (rows.next()) {
                        for (int i = 1; i <= written.size(); i++) {
                            write.setObject(i, rows.getObject(i));
                        }
                        write.addBatch();
                        copied++;
                    }
                }
                write.executeBatch();
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
            return copied;
        } finally {
            target.setAutoCommit(autoCommit);
            try (Statement settings = target.createStatement()) {
                settings.execute("SET SESSION foreign_key_checks = 1");
            }
        }
    }

    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + q(schema));
            st.execute("CREATE DATABASE " + q(schema) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    void drop(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + q(schema));
        }
    }

    /** Holds a read lock on every table of the schema in this session, after the writes in flight have committed. */
    void lockForReading(Connection c, List<String> tables, int timeoutSeconds) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + timeoutSeconds);
            st.execute("LOCK TABLES " + tables.stream().map(t -> q(schema) + "." + q(t) + " READ")
                    .collect(Collectors.joining(", ")));
        }
    }

    /**
     * Ends the statements that wait for this session's read lock on the schema, that is writes that did not go through
     * the read-only connections (plain JDBC on the server's datasource): let through after the switch, they would land
     * in the old copy. Their transactions fail instead. Answers how many there were.
     */
    int endWaitingWrites(Connection c) throws SQLException {
        List<Long> waiting = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST "
                + "WHERE ID <> CONNECTION_ID() AND STATE LIKE 'Waiting for table metadata lock%' "
                + "AND (DB = ? OR INFO LIKE ?)")) {
            ps.setString(1, schema);
            ps.setString(2, "%" + schema + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    waiting.add(rs.getLong(1));
                }
            }
        }
        for (long id : waiting) {
            try (Statement st = c.createStatement()) {
                st.execute("KILL QUERY " + id);
            } catch (SQLException gone) {
                // ended meanwhile
            }
        }
        return waiting.size();
    }

    void unlock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("UNLOCK TABLES");
        }
    }

    static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
