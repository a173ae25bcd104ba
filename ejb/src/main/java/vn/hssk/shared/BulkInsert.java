package vn.hssk.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes many rows of one table in few statements ({@code INSERT ... VALUES (...), (...), ...}, {@value #SLICE} rows
 * a statement) on a connection of the caller's transaction. Bulk intake writes this way instead of one ORM insert per
 * row: the rows are built and checked by the entities first, so only their columns travel here.
 */
public final class BulkInsert {

    static final int SLICE = 500;

    private BulkInsert() {
    }

    /** Inserts {@code rows} (values in the order of {@code columns}); values: text, numbers, booleans, dates, enums. */
    public static void into(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        insert(connection, table, columns, rows, null);
    }

    /**
     * Inserts {@code rows} as {@link #into} does and answers the generated ids in the order of the rows, from the
     * inserts themselves ({@code INSERT ... RETURNING id}), with no query after them.
     */
    public static List<Long> returningIds(Connection connection, String table, List<String> columns,
                                          List<Object[]> rows) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        insert(connection, table, columns, rows, ids);
        if (ids.size() != rows.size()) {
            throw new SQLException(table + ": " + ids.size() + " ids returned for " + rows.size() + " rows");
        }
        return ids;
    }

    private static void insert(Connection connection, String table, List<String> columns, List<Object[]> rows,
                               List<Long> ids) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String group = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        String[] times = new String[2];
        for (int from = 0; from < rows.size(); from += SLICE) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + SLICE));
            StringBuilder sql = new StringBuilder(head.length() + slice.size() * (group.length() + 2)).append(head);
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(group);
            }
            if (ids != null) {
                sql.append(" RETURNING id");
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] row : slice) {
                    if (row.length != columns.size()) {
                        throw new IllegalArgumentException(table + ": " + row.length + " values for "
                                + columns.size() + " columns");
                    }
                    for (Object value : row) {
                        set(insert, p++, value, times);
                    }
                }
                if (ids == null) {
                    insert.executeUpdate();
                } else {
                    try (ResultSet returned = insert.executeQuery()) {
                        while (returned.next()) {
                            ids.add(returned.getLong(1));
                        }
                    }
                }
            }
        }
    }

    /**
     * Binds one value. Dates and instants go as the text the driver would have sent for {@code java.sql.Date} and
     * {@code Timestamp} (the wall time of this JVM's zone, to the microsecond), which its codecs build with a new
     * {@code SimpleDateFormat} per value: a fifth of a bulk insert's time. A chunk's rows share one instant, so its
     * text is kept.
     */
    private static void set(PreparedStatement insert, int index, Object value, String[] times) throws SQLException {
        if (value == null) {
            insert.setObject(index, null);
        } else if (value instanceof String text) {
            insert.setString(index, text);
        } else if (value instanceof Long number) {
            insert.setLong(index, number);
        } else if (value instanceof Integer number) {
            insert.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            insert.setBoolean(index, flag);
        } else if (value instanceof Enum<?> e) {
            insert.setString(index, e.name());
        } else if (value instanceof LocalDate d) {
            insert.setString(index, d.toString());
        } else if (value instanceof Instant i) {
            String key = i.toString();
            if (!key.equals(times[0])) {
                times[0] = key;
                times[1] = WALL_TIME.format(LocalDateTime.ofInstant(i, ZoneId.systemDefault()));
            }
            insert.setString(index, times[1]);
        } else {
            insert.setObject(index, value);
        }
    }

    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
}
