package vn.hssk.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
        if (rows.isEmpty()) {
            return;
        }
        String group = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        for (int from = 0; from < rows.size(); from += SLICE) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + SLICE));
            StringBuilder sql = new StringBuilder(head.length() + slice.size() * (group.length() + 2)).append(head);
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(group);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] row : slice) {
                    if (row.length != columns.size()) {
                        throw new IllegalArgumentException(table + ": " + row.length + " values for "
                                + columns.size() + " columns");
                    }
                    for (Object value : row) {
                        insert.setObject(p++, jdbc(value));
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    private static Object jdbc(Object value) {
        if (value instanceof Instant i) {
            return Timestamp.from(i);
        }
        if (value instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
