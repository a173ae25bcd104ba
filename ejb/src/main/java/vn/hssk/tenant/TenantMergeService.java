package vn.hssk.tenant;

import static vn.hssk.tenant.SchemaCopy.q;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.hssk.shared.BatchLauncher;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ClientAddress;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.TenantMergePlan.Treatment;

/**
 * National administrators merge one province tenant into another ({@link TenantMergeBatchlet} does it in the
 * background), try it first as a dry run, and watch it. An absorbed province has at most one merge that is not over; a
 * failed one (or one whose node went silent) is resumed by asking again or by {@link #resume}. Every request is written
 * to the platform audit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantMergeService {

    static final String JOB = "hssk-tenant-merge";
    /** A running merge not heard of for this long has lost its node. */
    static final Duration SILENT = Duration.ofMinutes(3);

    @Resource
    private EJBContext context;

    @Inject
    private BatchLauncher batch;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private KeycloakAdmin keycloak;

    /** What merging {@code code} into {@code into} would do, changing nothing. */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantMergeReport dryRun(String code, String into) {
        TenantEntry absorbed = TenantService.find(code);
        TenantEntry survivor = survivor(absorbed, into);
        checkServers(absorbed, survivor);
        audit(absorbed.code().value(), "dry run: merge into " + survivor.code());
        try (Connection c = TenantDataSources.forServer(survivor.dbServer()).getConnection()) {
            return report(c, absorbed, survivor);
        } catch (SQLException e) {
            throw new IllegalStateException("The dry run of the merge of " + code + " into " + into + " failed", e);
        }
    }

    /** Starts merging {@code code} into {@code into}, or resumes its failed merge. */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantMerge merge(String code, String into) {
        TenantEntry absorbed = TenantService.find(code);
        TenantMergeRepository merges = TenantMergeRepository.onPlatform();
        TenantMerge open = merges.open(absorbed.code()).orElse(null);
        if (open != null) {
            if (open.into().equals(into == null ? null : into.trim())) {
                return resume(open);
            }
            throw ProblemException.conflict(FieldError.coded("into", "tenantMerge.open", "Province " + code
                    + " is being merged into " + open.into() + "; resume that merge or wait for it", code,
                    open.into()));
        }
        TenantEntry survivor = survivor(absorbed, into);
        checkServers(absorbed, survivor);
        try (Connection c = TenantDataSources.forServer(survivor.dbServer()).getConnection()) {
            List<String> conflicts = conflicts(c, absorbed.code(), survivor.code());
            if (!conflicts.isEmpty()) {
                throw ProblemException.conflict(FieldError.coded("into", "tenantMerge.conflicts", "The provinces share "
                        + String.join("; ", conflicts) + ": resolve this first (the dry run lists it)",
                        String.join("; ", conflicts)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the merge of " + code + " into " + into, e);
        }
        long id = merges.create(absorbed.code(), survivor.code(), actor())
                .orElseThrow(() -> ProblemException.conflict(FieldError.coded("into", "tenantMerge.open", "Province "
                        + code + " has a merge that is not over", code, into)));
        audit(absorbed.code().value(), "requested: merge " + id + " into " + survivor.code());
        batch.afterCommit(JOB, params(id), null);
        return merges.find(id).orElseThrow();
    }

    /** Runs a failed merge (or one whose node went silent) again, from where it stopped. */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantMerge resume(String code, long id) {
        return resume(get(code, id));
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantMerge get(String code, long id) {
        TenantEntry tenant = TenantService.find(code);
        return TenantMergeRepository.onPlatform().find(id)
                .filter(m -> m.absorbed().equals(tenant.code().value()) || m.into().equals(tenant.code().value()))
                .orElseThrow(() -> ProblemException.notFound("No merge " + id + " of province " + code));
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public List<TenantMerge> list(String code) {
        return TenantMergeRepository.onPlatform().list(TenantService.find(code).code());
    }

    /** The platform's latest merges, newest first (the national screen's list). */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public List<TenantMerge> recent() {
        return TenantMergeRepository.onPlatform().recent(20);
    }

    private TenantMerge resume(TenantMerge merge) {
        TenantMergeRepository merges = TenantMergeRepository.onPlatform();
        if (!merges.requeue(merge.id(), Instant.now().minus(SILENT))) {
            throw ProblemException.conflict(FieldError.coded("id", "tenantMerge.notFailed", "Only a failed merge, or one"
                    + " whose server went silent, can be resumed; merge " + merge.id() + " is " + merge.state(),
                    String.valueOf(merge.id()), merge.state()));
        }
        audit(merge.absorbed(), "resumed: merge " + merge.id() + " at step " + merge.step());
        batch.afterCommit(JOB, params(merge.id()), merges.execution(merge.id()).orElse(null));
        return merges.find(merge.id()).orElseThrow();
    }

    /** Starts a run of a queued merge (the recovery's way in: it requeued it already). */
    static void launch(BatchLauncher batch, TenantMerge merge) {
        batch.afterCommit(JOB, params(merge.id()),
                TenantMergeRepository.onPlatform().execution(merge.id()).orElse(null));
    }

    private TenantMergeReport report(Connection c, TenantEntry absorbed, TenantEntry survivor) throws SQLException {
        Shapes shapes = Shapes.read(c, absorbed.code(), survivor.code());
        Map<String, Treatment> treatments = TenantMergePlan.treatments(shapes.target.columns().keySet());
        long offset = TenantMergeBatchlet.proposedOffset(c, shapes.target);
        TenantMergePlan plan = new TenantMergePlan(shapes.target, absorbed.code(), survivor.code(), offset,
                TenantMergeBatchlet.root(c, absorbed.code()), TenantMergeBatchlet.root(c, survivor.code()));
        List<TenantMergeReport.Table> tables = new ArrayList<>();
        long toCopy = 0;
        int personalIds;
        int households;
        List<String> sample = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            TenantMergeBatchlet.matchCatalogs(c, plan, treatments); // rolled back below
            for (Map.Entry<String, Treatment> t : treatments.entrySet()) {
                String table = t.getKey();
                switch (t.getValue()) {
                    case COPY -> {
                        long rows = TenantMergeBatchlet.count(c, plan.sourceCount(table));
                        toCopy += rows;
                        tables.add(new TenantMergeReport.Table(table, t.getValue().name(), rows, null));
                    }
                    case CATALOG -> tables.add(new TenantMergeReport.Table(table, t.getValue().name(),
                            TenantMergeBatchlet.count(c, "SELECT COUNT(*) FROM " + q(absorbed.schema()) + "."
                                    + q(table)), null));
                    case DERIVED -> tables.add(new TenantMergeReport.Table(table, t.getValue().name(),
                            TenantMergeBatchlet.count(c, "SELECT COUNT(*) FROM " + q(absorbed.schema()) + "."
                                    + q(table)), null));
                    default -> tables.add(new TenantMergeReport.Table(table, t.getValue().name(), null, null));
                }
            }
            TenantMergeBatchlet.execute(c, plan.personalIdsInBoth());
            TenantMergeBatchlet.execute(c, plan.householdCodesInBoth());
            TenantMergeBatchlet.execute(c, plan.provisionalKeysInBoth());
            personalIds = (int) TenantMergeBatchlet.count(c, plan.countKeys(TenantMergePlan.PERSON_PID));
            households = (int) TenantMergeBatchlet.count(c, plan.countKeys(TenantMergePlan.HOUSEHOLD_CODE));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s.personal_id FROM "
                    + q(absorbed.schema()) + ".person s JOIN " + q(survivor.schema()) + ".person x ON x.personal_id"
                    + " = s.personal_id ORDER BY s.personal_id LIMIT 20")) {
                while (rs.next()) {
                    sample.add(rs.getString(1));
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        // What the survivor lacks of each catalog, measured again outside the rolled-back matching.
        for (int i = 0; i < tables.size(); i++) {
            TenantMergeReport.Table t = tables.get(i);
            if (Treatment.CATALOG.name().equals(t.treatment())) {
                tables.set(i, new TenantMergeReport.Table(t.name(), t.treatment(), t.sourceRows(),
                        TenantMergeBatchlet.count(c, plan.catalogMissing(t.name()))));
            }
        }
        List<String> conflicts = conflicts(c, absorbed.code(), survivor.code());
        int accounts = keycloak.tenantAccounts(absorbed.code().value()).size();
        return new TenantMergeReport(absorbed.code().value(), survivor.code().value(), survivor.dbServer(),
                List.copyOf(tables), toCopy, personalIds, List.copyOf(sample), households, accounts,
                List.copyOf(conflicts), conflicts.isEmpty());
    }

    /** What both provinces use and a merge cannot give two meanings: unit codes, open stations' facility codes. */
    private static List<String> conflicts(Connection c, TenantCode absorbed, TenantCode into) throws SQLException {
        List<String> conflicts = new ArrayList<>();
        long units = TenantMergeBatchlet.count(c, "SELECT COUNT(*) FROM " + q(absorbed.schema()) + ".admin_unit s"
                + " JOIN " + q(into.schema()) + ".admin_unit x ON x.code = s.code AND x.valid_from = s.valid_from"
                + " WHERE s.parent_id IS NOT NULL");
        if (units > 0) {
            conflicts.add(units + " unit code(s)");
        }
        long stations = TenantMergeBatchlet.count(c, "SELECT COUNT(*) FROM " + q(absorbed.schema())
                + ".health_station s JOIN " + q(into.schema()) + ".health_station x ON x.facility_code ="
                + " s.facility_code AND x.open_marker = s.open_marker");
        if (stations > 0) {
            conflicts.add(stations + " open station facility code(s)");
        }
        return conflicts;
    }

    private TenantEntry survivor(TenantEntry absorbed, String into) {
        String code = into == null ? "" : into.trim();
        if (code.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("into", "required",
                    "The province to merge into is required", "into"));
        }
        if (!TenantCode.isValid(code)) {
            throw ProblemException.invalid(FieldError.coded("into", "tenantMerge.intoCode",
                    "The province to merge into is a code of exactly two digits"));
        }
        if (code.equals(absorbed.code().value())) {
            throw ProblemException.invalid(FieldError.coded("into", "tenantMerge.self",
                    "A province cannot be merged into itself"));
        }
        if (absorbed.status() == TenantStatus.MERGED) {
            throw ProblemException.conflict(FieldError.coded("code", "tenantMerge.done", "Province " + absorbed.code()
                    + " has been merged already: " + absorbed.statusReason(), absorbed.code().value()));
        }
        if (!absorbed.isActive()) {
            throw ProblemException.conflict(FieldError.coded("code", "tenantMerge.notActive", "Only an active province"
                    + " can be merged; " + absorbed.code() + " is " + absorbed.status(), absorbed.code().value()));
        }
        TenantEntry survivor = TenantRegistry.onPlatform().find(new TenantCode(code))
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("into", "tenantMerge.unknownInto",
                        "No province " + code + " on this platform", code)));
        if (!survivor.isActive()) {
            throw ProblemException.conflict(FieldError.coded("into", "tenantMerge.intoNotActive", "Province " + code
                    + " is not active; only an active province can take another in", code));
        }
        return survivor;
    }

    private static void checkServers(TenantEntry absorbed, TenantEntry survivor) {
        if (!absorbed.dbServer().equals(survivor.dbServer())) {
            throw ProblemException.conflict(FieldError.coded("into", "tenantMerge.otherServer", "Province "
                    + absorbed.code() + " is on database server " + absorbed.dbServer() + " and " + survivor.code()
                    + " on " + survivor.dbServer() + ": move province " + absorbed.code() + " to "
                    + survivor.dbServer() + " first", absorbed.code().value(), absorbed.dbServer(),
                    survivor.code().value(), survivor.dbServer()));
        }
    }

    private static Properties params(long id) {
        Properties params = new Properties();
        params.setProperty("merge", String.valueOf(id));
        return params;
    }

    private String actor() {
        return CallerIdentity.of(context).username();
    }

    private void audit(String code, String detail) {
        PlatformAudit.record(actor(), "MERGE", code, detail, clientAddress.get());
    }
}
