package vn.hssk.reorganization;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes rows on one connection and writes down, before each change, the whole row as it was (every stored column
 * as text), so that {@link #undo} puts the tables back exactly: an inserted row is deleted, a changed row gets every
 * column back. Only the tables a reorganization touches may be named, so the SQL is never built from input.
 */
final class RowJournal {

    private static final Set<String> TABLES = Set.of("admin_unit", "admin_unit_predecessor", "admin_unit_period",
            "health_station", "plan", "target", "citizen_feedback", "citizen_change_request", "consultation", "claim",
            "person", "household", "village_quota");

    private final Connection connection;
    private final long reorganization;
    private int seq;

    RowJournal(Connection connection, long reorganization) throws SQLException {
        this.connection = connection;
        this.reorganization = reorganization;
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) FROM reorganization_journal WHERE reorganization_id = ?")) {
            s.setLong(1, reorganization);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                this.seq = r.getInt(1);
            }
        }
    }

    /** Inserts a row and answers its generated id (tables with an id) or 0. */
    long insert(String table, Map<String, Object> values) throws SQLException {
        check(table);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + UnitCounts.placeholders(values.size()) + ")";
        long id = 0;
        try (PreparedStatement s = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, values.values());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (keys.next()) {
                    id = keys.getLong(1);
                }
            }
        }
        String key = "admin_unit_predecessor".equals(table)
                ? values.get("unit_id") + ":" + values.get("predecessor_id") : String.valueOf(id);
        write(table, key, "INSERT", null);
        return id;
    }

    /** Changes the given columns of the row with this id, after writing the row down as it was. */
    void update(String table, long id, Map<String, Object> values) throws SQLException {
        check(table);
        write(table, String.valueOf(id), "UPDATE", snapshot(table, id).toString());
        List<String> sets = new ArrayList<>();
        values.keySet().forEach(c -> sets.add(c + " = ?"));
        try (PreparedStatement s = connection.prepareStatement("UPDATE " + table + " SET " + String.join(", ", sets)
                + " WHERE id = ?")) {
            bind(s, values.values());
            s.setLong(values.size() + 1, id);
            s.executeUpdate();
        }
    }

    /**
     * Changes the given columns of every row whose {@code column} is {@code value}, after writing each row down as it
     * was, in two statements whatever the number of rows (a village's people); answers the number of rows.
     */
    int updateAll(String table, String column, long value, Map<String, Object> values) throws SQLException {
        check(table);
        List<String> columns = storedColumns(table);
        if (!columns.contains(column)) {
            throw new IllegalArgumentException(table + " has no column " + column);
        }
        List<String> pairs = new ArrayList<>();
        columns.forEach(c -> pairs.add("'" + c + "', CAST(`" + c + "` AS CHAR)"));
        int rows;
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO reorganization_journal"
                + " (reorganization_id, seq, table_name, row_key, action, before_row) SELECT ?, ? + ROW_NUMBER()"
                + " OVER (ORDER BY id), ?, id, 'UPDATE', JSON_OBJECT(" + String.join(", ", pairs) + ") FROM " + table
                + " WHERE `" + column + "` = ?")) {
            s.setLong(1, reorganization);
            s.setInt(2, seq);
            s.setString(3, table);
            s.setLong(4, value);
            rows = s.executeUpdate();
        }
        seq += rows;
        List<String> sets = new ArrayList<>();
        values.keySet().forEach(c -> sets.add("`" + c + "` = ?"));
        try (PreparedStatement s = connection.prepareStatement("UPDATE " + table + " SET " + String.join(", ", sets)
                + " WHERE `" + column + "` = ?")) {
            bind(s, values.values());
            s.setLong(values.size() + 1, value);
            s.executeUpdate();
        }
        return rows;
    }

    /** Writes down a staff member's commune scope as it was before it changes in Keycloak. */
    void scope(String userId, List<String> before) throws SQLException {
        write("keycloak_user", userId, "SCOPE", Json.createArrayBuilder(before).build().toString());
    }

    /** The scopes written down, user id to the communes before. */
    static Map<String, List<String>> scopes(Connection c, long reorganization) throws SQLException {
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT row_key, before_row FROM reorganization_journal"
                + " WHERE reorganization_id = ? AND action = 'SCOPE' ORDER BY seq")) {
            s.setLong(1, reorganization);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    try (var reader = Json.createReader(new StringReader(r.getString(2)))) {
                        scopes.putIfAbsent(r.getString(1), reader.readArray()
                                .getValuesAs(jakarta.json.JsonString.class).stream()
                                .map(jakarta.json.JsonString::getString).toList());
                    }
                }
            }
        }
        return scopes;
    }

    /** Tables whose rows a reorganization journals in bulk (a village's people) and restores in one statement. */
    private static final Set<String> BULK = Set.of("person", "household");

    /**
     * Replays the journal backwards: every row the reorganization inserted or changed is as it was before. A run of
     * changes of one bulk table (a village's people), each row once, is restored by one statement.
     */
    static int undo(Connection c, long reorganization) throws SQLException {
        record Entry(int seq, String table, String key, String action) {
        }
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, table_name, row_key, action"
                + " FROM reorganization_journal WHERE reorganization_id = ? AND action <> 'SCOPE' ORDER BY seq DESC")) {
            s.setLong(1, reorganization);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getInt(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            check(e.table());
            if ("INSERT".equals(e.action())) {
                delete(c, e.table(), e.key());
                continue;
            }
            if (BULK.contains(e.table())) {
                java.util.Set<String> keys = new java.util.HashSet<>();
                int last = i;
                while (last < entries.size() && entries.get(last).table().equals(e.table())
                        && "UPDATE".equals(entries.get(last).action()) && keys.add(entries.get(last).key())) {
                    last++;
                }
                restoreAll(c, reorganization, e.table(), entries.get(last - 1).seq(), e.seq());
                i = last - 1;
                continue;
            }
            restore(c, reorganization, e.table(), e.seq(), Long.parseLong(e.key()));
        }
        return entries.size();
    }

    private static void delete(Connection c, String table, String key) throws SQLException {
        if ("admin_unit_predecessor".equals(table)) {
            String[] k = key.split(":");
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM admin_unit_predecessor WHERE unit_id = ? AND predecessor_id = ?")) {
                s.setLong(1, Long.parseLong(k[0]));
                s.setLong(2, Long.parseLong(k[1]));
                s.executeUpdate();
            }
        } else {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                s.setLong(1, Long.parseLong(key));
                s.executeUpdate();
            }
        }
    }

    private static void restore(Connection c, long reorganization, String table, int seq, long id)
            throws SQLException {
        JsonObject before;
        try (PreparedStatement s = c.prepareStatement("SELECT before_row FROM reorganization_journal"
                + " WHERE reorganization_id = ? AND seq = ?")) {
            s.setLong(1, reorganization);
            s.setInt(2, seq);
            try (ResultSet r = s.executeQuery(); var reader = Json.createReader(new StringReader(
                    r.next() ? r.getString(1) : "{}"))) {
                before = reader.readObject();
            }
        }
        List<String> sets = new ArrayList<>();
        before.keySet().forEach(col -> sets.add("`" + col + "` = ?"));
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET " + String.join(", ", sets)
                + " WHERE id = ?")) {
            int i = 1;
            for (String col : before.keySet()) {
                JsonValue v = before.get(col);
                if (v.getValueType() == JsonValue.ValueType.NULL) {
                    s.setNull(i++, java.sql.Types.VARCHAR);
                } else {
                    s.setString(i++, before.getString(col));
                }
            }
            s.setLong(i, id);
            s.executeUpdate();
        }
    }

    /** Every row journaled from seq {@code from} to {@code to} gets all its columns back, in one statement. */
    private static void restoreAll(Connection c, long reorganization, String table, int from, int to)
            throws SQLException {
        List<String> sets = new ArrayList<>();
        for (String col : storedColumns(c, table)) {
            String value = "JSON_EXTRACT(j.before_row, '$." + col + "')";
            sets.add("t.`" + col + "` = IF(JSON_TYPE(" + value + ") = 'NULL', NULL, JSON_UNQUOTE(" + value + "))");
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " t JOIN reorganization_journal j"
                + " ON j.reorganization_id = ? AND j.seq BETWEEN ? AND ? AND t.id = CAST(j.row_key AS UNSIGNED)"
                + " SET " + String.join(", ", sets))) {
            s.setLong(1, reorganization);
            s.setInt(2, from);
            s.setInt(3, to);
            s.executeUpdate();
        }
    }

    /**
     * The row's stored columns as the server writes them as text (generated columns left out: they follow the
     * others). The server renders them, not the driver: Connector/J's text of a TIMESTAMP(3) drops a leading zero of
     * the fraction (.090 read as .90), which written back would change the row.
     */
    private JsonObject snapshot(String table, long id) throws SQLException {
        List<String> columns = storedColumns(table);
        List<String> selects = new ArrayList<>();
        columns.forEach(c -> selects.add("CAST(`" + c + "` AS CHAR)"));
        JsonObjectBuilder row = Json.createObjectBuilder();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + String.join(", ", selects) + " FROM "
                + table + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("No row " + id + " in " + table);
                }
                for (int i = 0; i < columns.size(); i++) {
                    String value = r.getString(i + 1);
                    if (value == null) {
                        row.addNull(columns.get(i));
                    } else {
                        row.add(columns.get(i), value);
                    }
                }
            }
        }
        return row.build();
    }

    private List<String> storedColumns(String table) throws SQLException {
        return storedColumns(connection, table);
    }

    private static List<String> storedColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND column_name <> 'id'"
                + " AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        return columns;
    }

    private void write(String table, String key, String action, String before) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO reorganization_journal"
                + " (reorganization_id, seq, table_name, row_key, action, before_row) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, reorganization);
            s.setInt(2, ++seq);
            s.setString(3, table);
            s.setString(4, key);
            s.setString(5, action);
            s.setString(6, before);
            s.executeUpdate();
        }
    }

    private static void check(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("A reorganization does not change " + table);
        }
    }

    private static void bind(PreparedStatement s, java.util.Collection<Object> values) throws SQLException {
        int i = 1;
        for (Object v : values) {
            s.setObject(i++, v);
        }
    }
}
