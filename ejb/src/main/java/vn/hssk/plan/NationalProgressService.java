package vn.hssk.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.TenantDataSources;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;
import vn.hssk.tenant.TenantStatus;

/**
 * Every province's totals against its targets for the national administrator, who reaches no tenant's data through
 * JPA: counts are read per schema over JDBC (like the registry's statistics) and only numbers leave it. A province
 * whose schema cannot be read shows no figures rather than failing the whole list.
 */
@Stateless
public class NationalProgressService {

    private static final Logger LOG = Logger.getLogger(NationalProgressService.class);

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public List<NationalProgress> totals() {
        int year = Period.today().getYear();
        List<NationalProgress> all = new ArrayList<>();
        for (TenantEntry tenant : TenantRegistry.onPlatform().list()) {
            all.add(of(tenant, year));
        }
        return all;
    }

    private static NationalProgress of(TenantEntry tenant, int year) {
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            return new NationalProgress(tenant.code().value(), tenant.name(), tenant.status().name(), null, null, null,
                    null, List.of());
        }
        String s = tenant.schema();
        try (Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection()) {
            long created = single(c, "SELECT COUNT(*) FROM " + s + ".created_record", null);
            long quota = single(c, "SELECT COALESCE(SUM(quota), 0) FROM " + s + ".village_quota WHERE year = ?", year);
            long population = single(c, "SELECT COALESCE(SUM(population), 0) FROM " + s
                    + ".village_quota WHERE year = ?", year);
            List<NationalProgress.Goal> goals = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.code, i.name_vi, i.name_en, i.unit_kind,"
                    + " i.computation, t.period_from, t.period_to, t.baseline, t.target_value FROM " + s
                    + ".target t JOIN " + s + ".indicator i ON i.id = t.indicator_id JOIN " + s
                    + ".admin_unit u ON u.id = t.unit_id WHERE u.level = 'PROVINCE' ORDER BY t.period_from, i.code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal current = switch (rs.getString(5)) {
                        case "CREATED_RECORDS" -> BigDecimal.valueOf(created);
                        case "RECORD_COVERAGE" -> population == 0 ? null
                                : BigDecimal.valueOf(created * 100.0 / population).setScale(2, RoundingMode.HALF_UP);
                        default -> null;
                    };
                    BigDecimal baseline = rs.getBigDecimal(8);
                    BigDecimal target = rs.getBigDecimal(9);
                    goals.add(new NationalProgress.Goal(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), baseline,
                            target, current, current == null ? null : TargetService.achieved(baseline, target,
                            current)));
                }
            }
            return new NationalProgress(tenant.code().value(), tenant.name(), tenant.status().name(), created, quota,
                    population, UnitProgress.percent(created, quota), goals);
        } catch (SQLException | IllegalStateException e) {
            LOG.warnf("National progress of %s could not be read: %s", tenant.code(), e.getMessage());
            return new NationalProgress(tenant.code().value(), tenant.name(), tenant.status().name(), null, null, null,
                    null, List.of());
        }
    }

    private static long single(Connection c, String sql, Integer year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (year != null) {
                ps.setInt(1, year);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }
}
