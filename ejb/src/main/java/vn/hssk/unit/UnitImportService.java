package vn.hssk.unit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;

/**
 * Imports the province's units from a code list (CSV or XLSX): a preview that writes nothing, or an apply that
 * writes every line in one transaction — refused as a whole when a line has errors, unless the administrator chooses
 * to apply only the good lines. Writes go level by level in JDBC batches, so a province of ten thousand villages
 * loads in seconds.
 */
@Stateless
public class UnitImportService {

    private static final int BATCH = 500;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public UnitImportReport preview(byte[] content, UnitFile.Format format) {
        CallerIdentity caller = CallerIdentity.of(context);
        UnitImport.Plan plan = plan(caller, content, format);
        return UnitImportReport.of(plan.rows(), false);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public UnitImportReport apply(byte[] content, UnitFile.Format format, boolean onlyValidLines) {
        CallerIdentity caller = CallerIdentity.of(context);
        UnitImport.Plan plan = plan(caller, content, format);
        UnitImportReport report = UnitImportReport.of(plan.rows(), true);
        if (plan.hasErrors() && !onlyValidLines) {
            throw new ProblemException(422, "file", report.errorRows() + " of " + report.total()
                    + " lines have errors; nothing was written. Correct them, or apply only the valid lines.")
                    .withDetails(UnitImportReport.of(plan.rows(), false));
        }
        write(plan.changes(), caller.username());
        return report;
    }

    private UnitImport.Plan plan(CallerIdentity caller, byte[] content, UnitFile.Format format) {
        String tenant = caller.requireTenant();
        List<UnitFile.Line> lines = UnitFile.read(content, format);
        if (lines.isEmpty()) {
            throw ProblemException.invalid("file", "The file has a header but no lines");
        }
        return UnitImport.plan(tenant, lines, current(), LocalDate.now());
    }

    @SuppressWarnings("unchecked")
    private List<UnitImport.Existing> current() {
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.code, u.name, u.level, u.unit_type, p.code"
                + " FROM admin_unit u LEFT JOIN admin_unit p ON p.id = u.parent_id WHERE u.valid_to IS NULL")
                .getResultList();
        List<UnitImport.Existing> result = new ArrayList<>(rows.size());
        for (Object[] o : rows) {
            result.add(new UnitImport.Existing(((Number) o[0]).longValue(), (String) o[1], (String) o[2],
                    UnitLevel.valueOf((String) o[3]), (String) o[4], (String) o[5]));
        }
        return result;
    }

    private void write(List<UnitImport.Change> changes, String actor) {
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            Map<String, Long> ids = currentIds(connection);
            for (UnitLevel level : UnitLevel.values()) {
                List<UnitImport.Change> ofLevel = changes.stream().filter(c -> c.level() == level).toList();
                if (ofLevel.isEmpty()) {
                    continue;
                }
                insert(connection, ofLevel.stream().filter(c -> c.existingId() == null).toList(), ids, actor);
                update(connection, ofLevel.stream().filter(c -> c.existingId() != null).toList(), ids, actor);
                ids.putAll(currentIds(connection));
            }
        });
        em.clear();
    }

    private static Map<String, Long> currentIds(Connection c) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, id FROM admin_unit WHERE valid_to IS NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static void insert(Connection c, List<UnitImport.Change> rows, Map<String, Long> ids, String actor)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_unit (code, name, name_folded, level,"
                + " unit_type, parent_id, valid_from, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (UnitImport.Change r : rows) {
                ps.setString(1, r.line().code());
                ps.setString(2, r.name());
                ps.setString(3, TextFolding.fold(r.name()));
                ps.setString(4, r.level().name());
                ps.setString(5, r.typeKey());
                ps.setObject(6, r.parentCode() == null ? null : ids.get(r.parentCode()));
                ps.setDate(7, Date.valueOf(r.validFrom()));
                ps.setTimestamp(8, now);
                ps.setString(9, actor);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void update(Connection c, List<UnitImport.Change> rows, Map<String, Long> ids, String actor)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("UPDATE admin_unit SET name = ?, name_folded = ?,"
                + " unit_type = ?, parent_id = COALESCE(?, parent_id), version = version + 1, changed_at = ?,"
                + " changed_by = ? WHERE id = ?")) {
            int n = 0;
            for (UnitImport.Change r : rows) {
                ps.setString(1, r.name());
                ps.setString(2, TextFolding.fold(r.name()));
                ps.setString(3, r.typeKey());
                ps.setObject(4, r.parentCode() == null ? null : ids.get(r.parentCode()));
                ps.setTimestamp(5, now);
                ps.setString(6, actor);
                ps.setLong(7, r.existingId());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
