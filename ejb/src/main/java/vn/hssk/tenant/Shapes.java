package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shapes of two provinces' schemas on one server, read from information_schema and required to be the same. */
final class Shapes {

    final TenantMergePlan.Shape source;
    final TenantMergePlan.Shape target;

    private Shapes(TenantMergePlan.Shape source, TenantMergePlan.Shape target) {
        this.source = source;
        this.target = target;
    }

    static Shapes read(Connection c, TenantCode absorbed, TenantCode into) throws SQLException {
        TenantMergePlan.Shape source = read(c, absorbed.schema());
        TenantMergePlan.Shape target = read(c, into.schema());
        if (!source.columns().equals(target.columns())) {
            throw new IllegalStateException("The schemas of " + absorbed + " and " + into + " differ (not migrated"
                    + " to the same version): start the server again so that both are migrated");
        }
        return new Shapes(source, target);
    }

    static TenantMergePlan.Shape read(Connection c, String schema) throws SQLException {
        Map<String, List<SchemaCopy.Column>> columns = new SchemaCopy(schema).columns(c);
        for (String table : new SchemaCopy(schema).tables(c)) {
            columns.putIfAbsent(table, List.of());
        }
        columns.keySet().retainAll(new SchemaCopy(schema).tables(c));
        Map<String, List<String>> keys = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM"
                + " information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND CONSTRAINT_NAME = 'PRIMARY'"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        Set<String> autoIncrement = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE"
                + " TABLE_SCHEMA = ? AND COLUMN_NAME = 'id' AND EXTRA LIKE '%auto_increment%'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    autoIncrement.add(rs.getString(1));
                }
            }
        }
        Map<String, Map<String, String>> foreignKeys = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME FROM"
                + " information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT"
                + " NULL")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    foreignKeys.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
        }
        return new TenantMergePlan.Shape(schema, columns, keys, autoIncrement, foreignKeys);
    }

    /** The next key the table would hand out: its counter, or past its highest key if that is higher. */
    static long nextKey(Connection c, TenantMergePlan.Shape shape, String table) throws SQLException {
        long counter = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE"
                + " TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, shape.schema());
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    counter = rs.getLong(1);
                }
            }
        }
        long[] range = TenantMergeBatchlet.range(c, "SELECT MIN(id), MAX(id) FROM " + SchemaCopy.q(shape.schema())
                + "." + SchemaCopy.q(table));
        return Math.max(counter, range == null ? 1 : range[1] + 1);
    }
}
