package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVRecord;

/**
 * The national list of the 34 province-level units (QĐ 19/2025/QĐ-TTg) in the platform schema. A tenant can only be
 * onboarded under a code of this list. Loaded from the shipped catalog when a code is missing; rows already there
 * are left as the operators corrected them.
 */
public class ProvinceCatalog {

    public record Province(String code, String name, String type) {
    }

    private final DataSource dataSource;

    public ProvinceCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int loadMissing() {
        String sql = "INSERT IGNORE INTO " + TenantRegistry.PLATFORM_SCHEMA
                + ".province (code, name, unit_type, merged_from, later_change) VALUES (?, ?, ?, ?, ?)";
        int added = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (CSVRecord row : Catalogs.read(Catalogs.PROVINCES)) {
                ps.setString(1, row.get("code"));
                ps.setString(2, row.get("name"));
                ps.setString(3, row.get("type"));
                ps.setString(4, emptyToNull(row.get("merged_from")));
                ps.setString(5, emptyToNull(row.get("later_change")));
                added += ps.executeUpdate();
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the province catalog", e);
        }
    }

    public Optional<Province> find(String code) {
        String sql = "SELECT code, name, unit_type FROM " + TenantRegistry.PLATFORM_SCHEMA + ".province WHERE code = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Province(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the province catalog", e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
