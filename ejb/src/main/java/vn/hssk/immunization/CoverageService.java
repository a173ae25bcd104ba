package vn.hssk.immunization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantDataSources;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;
import vn.hssk.tenant.TenantStatus;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * Coverage month by month ({@link Coverage}) for a village, a commune (with its villages) or the province (with its
 * communes), for the people who may see that unit; and for national administrators the province totals of every
 * province, which is all the national level sees. Counts are read with plain SQL over one cohort at a time, so a
 * province of a million people is read a month's cohort at a time, not person by person.
 */
@Stateless
public class CoverageService {

    static final int MAX_MONTHS = 24;

    private static final Logger LOG = Logger.getLogger(CoverageService.class);

    @Resource
    private EJBContext context;

    @Inject
    private UnitRepository units;

    @Inject
    private ScheduleLoader loader;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<CoverageRow> coverage(Long unitId, YearMonth from, YearMonth to) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        checkRange(from, to);
        AdministrativeUnit unit;
        if (unitId == null && caller.isCommuneScoped()) {
            if (caller.communes().size() != 1) {
                throw ProblemException.invalid(FieldError.coded("unit", "coverage.unit",
                        "Name your commune or one of its villages"));
            }
            String own = caller.communes().iterator().next();
            unit = units.findCurrentByCode(own).filter(u -> u.getLevel() == UnitLevel.COMMUNE)
                    .orElseThrow(() -> ProblemException.notFound("No commune " + own));
        } else if (unitId == null) {
            unit = units.findCurrentByCode(caller.requireTenant())
                    .orElseThrow(() -> ProblemException.notFound("No province unit"));
        } else {
            unit = units.find(unitId).filter(u -> u.getLevel() != UnitLevel.DISTRICT && UnitScope.reaches(caller, u))
                    .orElseThrow(() -> ProblemException.notFound("No unit " + unitId));
        }
        loader.ensureLoaded();
        TenantEntry tenant = TenantContext.current().orElseThrow();
        try (Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection()) {
            return rows(c, tenant.schema(), unit.getLevel(), unit.getId(), from, to, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Coverage cannot be read", e);
        }
    }

    /** Province totals of every active province: the only immunization figures the national level sees. */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public List<CoverageRow> national(YearMonth from, YearMonth to) {
        checkRange(from, to);
        List<CoverageRow> result = new ArrayList<>();
        for (TenantEntry tenant : TenantRegistry.onPlatform().list()) {
            if (tenant.status() != TenantStatus.ACTIVE) {
                continue;
            }
            try (Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection()) {
                result.addAll(rows(c, tenant.schema(), UnitLevel.PROVINCE, null, from, to, true));
            } catch (SQLException e) {
                throw new IllegalStateException("Coverage of province " + tenant.code().value() + " cannot be read",
                        e);
            }
        }
        return result;
    }

    private static void checkRange(YearMonth from, YearMonth to) {
        if (from == null) {
            throw ProblemException.invalid(FieldError.coded("from", "coverage.from",
                    "from is a month such as 2026-01"));
        }
        if (to == null) {
            throw ProblemException.invalid(FieldError.coded("to", "coverage.to", "to is a month such as 2026-12"));
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid(FieldError.coded("to", "coverage.order", "to cannot be before from"));
        }
        if (from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
            throw ProblemException.invalid(FieldError.coded("to", "coverage.span", "At most " + MAX_MONTHS
                    + " months at once", MAX_MONTHS));
        }
    }

    /**
     * The rows of a unit: a village alone, a commune and its villages, the province and its communes (or only the
     * province when {@code totalsOnly}).
     */
    static List<CoverageRow> rows(Connection c, String schema, UnitLevel level, Long unitId, YearMonth from,
                                  YearMonth to, boolean totalsOnly) throws SQLException {
        long tA = System.nanoTime();
        List<String> indicators = Coverage.indicators(indicatorDoses(c, schema, to.atEndOfMonth()));
        Map<Long, String[]> villages = villages(c, schema);
        String[] province = province(c, schema);
        LocalDate bornFrom = from.minusMonths(12).atDay(1);
        LocalDate bornTo = to.minusMonths(12).atEndOfMonth();
        String filter = switch (level) {
            case VILLAGE -> " AND p.village_id = ?";
            case COMMUNE -> " AND p.village_id IN (SELECT id FROM " + schema + ".admin_unit WHERE parent_id = ?)";
            default -> "";
        };
        Map<Long, String> vaccines = vaccines(c, schema);
        // One pass from the cohort's people to their doses, read from ix_immunization_person alone (V77).
        Map<Long, Coverage.Child> children = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.village_id, p.birth_date, i.vaccine_id,"
                + " i.dose_number FROM " + schema + ".person p LEFT JOIN " + schema + ".immunization i"
                + " ON i.person_id = p.id AND i.voided = FALSE"
                + " AND i.given_on < DATE_ADD(p.birth_date, INTERVAL 1 YEAR)"
                + " WHERE p.voided = FALSE AND p.birth_date BETWEEN ? AND ?" + filter)) {
            bind(ps, bornFrom, bornTo, level, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long person = rs.getLong(1);
                    Coverage.Child child = children.get(person);
                    if (child == null) {
                        child = new Coverage.Child(rs.getLong(2), rs.getDate(3).toLocalDate(), new HashSet<>());
                        children.put(person, child);
                    }
                    long vaccine = rs.getLong(4);
                    if (!rs.wasNull()) {
                        child.dosesByOne().add(vaccines.get(vaccine) + "#" + rs.getInt(5));
                    }
                }
            }
        }
        long tC = System.nanoTime();
        Map<YearMonth, List<Coverage.Child>> cohorts = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            cohorts.put(m, new ArrayList<>());
        }
        for (Coverage.Child child : children.values()) {
            List<Coverage.Child> cohort = cohorts.get(YearMonth.from(child.birthDate()).plusMonths(12));
            if (cohort != null) {
                cohort.add(child);
            }
        }
        List<Coverage.Count> counts = Coverage.count(cohorts, indicators);
        long tD = System.nanoTime();
        Map<RowKey, Sum> sums = new HashMap<>();
        for (Coverage.Count count : counts) {
            String[] v = villages.getOrDefault(count.villageId(), new String[] {"?", "?", "?", "?"});
            if (level == UnitLevel.PROVINCE) {
                add(sums, count, "PROVINCE", province[0], province[1]);
                if (!totalsOnly) {
                    add(sums, count, "COMMUNE", v[2], v[3]);
                }
            } else if (level == UnitLevel.COMMUNE) {
                add(sums, count, "COMMUNE", v[2], v[3]);
                add(sums, count, "VILLAGE", v[0], v[1]);
            } else {
                add(sums, count, "VILLAGE", v[0], v[1]);
            }
        }
        List<CoverageRow> result = new ArrayList<>(sums.size());
        sums.forEach((k, n) -> result.add(new CoverageRow(k.month().toString(), k.level(), k.unitCode(), n.unitName,
                k.indicator(), n.cohort, n.vaccinated)));
        result.sort(java.util.Comparator.comparing(CoverageRow::month).thenComparing(CoverageRow::level)
                .thenComparing(CoverageRow::unitCode).thenComparing(CoverageRow::indicator));
        long tE = System.nanoTime();
        LOG.debugf("coverage of %d children: read %d ms, counted %d ms, %d rows summed %d ms", children.size(),
                (tC - tA) / 1_000_000, (tD - tC) / 1_000_000, result.size(), (tE - tD) / 1_000_000);
        return result;
    }

    private record RowKey(YearMonth month, String level, String unitCode, String indicator) {
    }

    /** The figures of a row being summed over its villages. */
    private static final class Sum {
        private String unitName;
        private int cohort;
        private int vaccinated;
    }

    private static void add(Map<RowKey, Sum> sums, Coverage.Count count, String level, String code, String name) {
        Sum sum = sums.computeIfAbsent(new RowKey(count.month(), level, code, count.indicator()), k -> new Sum());
        sum.unitName = name;
        sum.cohort += count.cohort();
        sum.vaccinated += count.vaccinated();
    }

    private static void bind(PreparedStatement ps, LocalDate from, LocalDate to, UnitLevel level, Long unitId)
            throws SQLException {
        ps.setDate(1, Date.valueOf(from));
        ps.setDate(2, Date.valueOf(to));
        if (level == UnitLevel.VILLAGE || level == UnitLevel.COMMUNE) {
            ps.setLong(3, unitId);
        }
    }

    private static List<Coverage.IndicatorDose> indicatorDoses(Connection c, String schema, LocalDate day)
            throws SQLException {
        List<Coverage.IndicatorDose> doses = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.code, s.dose_number,"
                + " COALESCE(s.recommended_age_months, s.minimum_age_months) FROM " + schema + ".schedule_dose s JOIN "
                + schema + ".vaccine v ON v.id = s.vaccine_id WHERE s.routine = TRUE AND v.active = TRUE"
                + " AND (s.recommended_age_months IS NOT NULL OR s.minimum_age_months IS NOT NULL)"
                + " AND s.valid_from <= ? AND (s.valid_to IS NULL OR s.valid_to >= ?) ORDER BY v.code, s.dose_number")) {
            ps.setDate(1, Date.valueOf(day));
            ps.setDate(2, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    doses.add(new Coverage.IndicatorDose(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
            }
        }
        return doses;
    }

    private static Map<Long, String> vaccines(Connection c, String schema) throws SQLException {
        Map<Long, String> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, code FROM " + schema + ".vaccine");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getLong(1), rs.getString(2));
            }
        }
        return result;
    }

    /** Village id to {village code, village name, commune code, commune name}. */
    private static Map<Long, String[]> villages(Connection c, String schema) throws SQLException {
        Map<Long, String[]> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.code, v.name, c.code, c.name FROM " + schema
                + ".admin_unit v JOIN " + schema + ".admin_unit c ON c.id = v.parent_id WHERE v.level = 'VILLAGE'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)});
            }
        }
        return result;
    }

    private static String[] province(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT code, name FROM " + schema
                + ".admin_unit WHERE level = 'PROVINCE' ORDER BY valid_from DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[] {"?", "?"};
        }
    }
}
