package vn.hssk.tenant;

import static vn.hssk.tenant.SchemaCopy.q;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.hssk.shared.BatchLauncher;
import vn.hssk.tenant.TenantMergePlan.Treatment;

/**
 * Runs one merge of a province tenant into another, from wherever it stands (the steps are idempotent, and what is
 * copied is marked in the survivor's schema in the same transaction as the rows):
 * <ol>
 * <li>prepare: the absorbed province becomes read-only (status MERGING) and the writes in flight are waited for; the
 * key offset is fixed (once) and the survivor's counters are moved past the range the merge fills;</li>
 * <li>catalogs: in one transaction, the absorbed catalogs are matched by code, the missing rows added, the stock of a
 * lot both provinces hold added up, and its province unit mapped to the survivor's;</li>
 * <li>copy: every other table in ranges of its first key column, each range one transaction with its mark;</li>
 * <li>review: the personal IDs both held become review cases and pairs of possible duplicates, and every person
 * moved gets an audit line in the survivor saying the province and key it had;</li>
 * <li>accounts: the absorbed province's Keycloak accounts move to the survivor, with their roles and communes;</li>
 * <li>verify: per table, the absorbed rows = the rows added = the rows the survivor holds for them;</li>
 * <li>retire: the absorbed province is MERGED (its schema kept, nobody served from it).</li>
 * </ol>
 * Both provinces must be on one database server (a province is moved first otherwise): the copy is SQL on it.
 */
@Named("tenantMergeBatchlet")
@Dependent
public class TenantMergeBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(TenantMergeBatchlet.class);
    /** The width of the key ranges copied in one transaction. */
    static final long RANGE = 20_000;
    private static final String CATALOGS_MARK = "#catalogs";
    private static final String REVIEW_MARK = "#review";
    private static final int LOCK_WAIT_SECONDS = 30;

    @Inject
    private JobContext jobContext;

    @Inject
    private KeycloakAdmin keycloak;

    private volatile boolean stopping;

    @Override
    public String process() throws Exception {
        long id = Long.parseLong(jobContext.getProperties().getProperty("merge"));
        TenantMergeRepository merges = TenantMergeRepository.onPlatform();
        TenantMerge merge = merges.find(id).orElseThrow(() -> new IllegalStateException("No merge " + id));
        if (merge.isOver()) {
            return "DONE"; // a second run of a merge that is done does nothing
        }
        if (!merges.running(id, jobContext.getExecutionId(), BatchLauncher.node())) {
            LOG.warnf("Merge %d is %s, not queued: another run has it", id, merge.state());
            return "NOT_QUEUED";
        }
        try {
            String summary = new Run(merge, merges).go();
            merges.ended(id, "DONE", null);
            PlatformAudit.record(merge.requestedBy(), "MERGE", merge.absorbed(), "done: merged into "
                    + merge.into() + ", " + summary, null);
            LOG.infof("Merged province %s into %s: %s", merge.absorbed(), merge.into(), summary);
            return "DONE";
        } catch (Exception | Error e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            merges.ended(id, "FAILED", reason);
            PlatformAudit.record(merge.requestedBy(), "MERGE", merge.absorbed(), "failed: " + reason, null);
            LOG.errorf(e, "Merge %d of province %s into %s failed", id, merge.absorbed(), merge.into());
            throw e;
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }

    /** One run of the merge. */
    private final class Run {
        private final TenantMerge merge;
        private final long id;
        private final TenantCode absorbed;
        private final TenantCode into;
        private final TenantMergeRepository merges;
        private final TenantRegistry registry = TenantRegistry.onPlatform();
        private final long started = System.nanoTime();

        Run(TenantMerge merge, TenantMergeRepository merges) {
            this.merge = merge;
            this.id = merge.id();
            this.absorbed = new TenantCode(merge.absorbed());
            this.into = new TenantCode(merge.into());
            this.merges = merges;
        }

        String go() throws Exception {
            TenantEntry from = registry.find(absorbed).orElseThrow(() -> new IllegalStateException(
                    "Province " + absorbed + " is not in the registry"));
            TenantEntry to = registry.find(into).orElseThrow(() -> new IllegalStateException(
                    "Province " + into + " is not in the registry"));
            if (from.status() == TenantStatus.MERGED) {
                return "retired by an earlier run"; // the run that retired it died before it could say so
            }
            if (!to.isActive()) {
                throw new IllegalStateException("Province " + into + " is " + to.status() + ", not active");
            }
            if (!from.dbServer().equals(to.dbServer())) {
                throw new IllegalStateException("Province " + absorbed + " is on server " + from.dbServer() + " and "
                        + into + " on " + to.dbServer() + ": move one of them first");
            }
            DataSource server = TenantDataSources.forServer(to.dbServer());
            merges.step(id, TenantMergeRepository.PREPARE);
            if (from.status() != TenantStatus.MERGING) {
                if (!registry.startMerging(absorbed)) {
                    throw new IllegalStateException("Province " + absorbed + " is " + from.status() + ", not active");
                }
                // Every node reads the registry again within this time; from then on its writes fail.
                Thread.sleep(TenantContext.FRESH_MILLIS + 100);
            }
            try (Connection c = server.getConnection()) {
                waitForWritesInFlight(c);
                Shapes shapes = Shapes.read(c, absorbed, into);
                Map<String, Treatment> treatments = TenantMergePlan.treatments(shapes.target.columns().keySet());
                Map<String, String> names = new LinkedHashMap<>();
                treatments.forEach((t, how) -> names.put(t, how.name()));
                merges.tables(id, names);
                long sourceRoot = root(c, absorbed);
                long targetRoot = root(c, into);
                long offset = merges.offset(id, proposedOffset(c, shapes.target));
                TenantMergePlan plan = new TenantMergePlan(shapes.target, absorbed, into, offset, sourceRoot,
                        targetRoot);
                reserve(c, shapes.target, absorbed.schema(), offset);

                merges.step(id, TenantMergeRepository.CATALOGS);
                catalogs(c, plan, treatments);

                merges.step(id, TenantMergeRepository.COPY);
                execute(c, plan.personalIdsInBoth());
                execute(c, plan.householdCodesInBoth());
                execute(c, plan.provisionalKeysInBoth());
                merges.findings(id, (int) count(c, plan.countKeys(TenantMergePlan.PERSON_PID)),
                        (int) count(c, plan.countKeys(TenantMergePlan.HOUSEHOLD_CODE)), null);
                for (Map.Entry<String, Treatment> t : treatments.entrySet()) {
                    if (t.getValue() == Treatment.COPY) {
                        copy(c, plan, t.getKey());
                    }
                }

                merges.step(id, TenantMergeRepository.REVIEW);
                if (!finished(c, REVIEW_MARK)) {
                    inTransaction(c, () -> {
                        execute(c, plan.reviewCases(merge.requestedBy()));
                        execute(c, plan.duplicatePairs());
                        execute(c, plan.movedAudit(merge.requestedBy(), into.value(), id));
                        mark(c, REVIEW_MARK, null, 0, true);
                    });
                }

                merges.step(id, TenantMergeRepository.ACCOUNTS);
                int accounts = moveAccounts();
                merges.findings(id, null, null, accounts + (merge.accountsMoved() == null ? 0
                        : merge.accountsMoved()));

                merges.step(id, TenantMergeRepository.VERIFY);
                verify(c, plan, treatments, offset);
            }
            merges.step(id, TenantMergeRepository.RETIRE);
            TenantMerge now = merges.find(id).orElseThrow();
            registry.merged(absorbed, "Merged into " + into + " (" + registry.find(into).map(TenantEntry::name)
                    .orElse("") + ") by merge " + id + "; keys +" + now.keyOffset());
            return now.rowsCopied() + " rows in " + now.tablesTotal() + " tables, "
                    + now.personalIdsInBoth() + " personal IDs held in both sent to review, "
                    + now.householdsRenamed() + " household codes renamed, " + now.accountsMoved()
                    + " accounts moved, in " + (System.nanoTime() - started) / 1_000_000 + " ms";
        }

        /** Writes that began before the province became read-only are committed (or fail) before the copy reads. */
        private void waitForWritesInFlight(Connection c) throws SQLException {
            SchemaCopy schema = new SchemaCopy(absorbed.schema());
            List<String> tables = schema.tables(c);
            schema.lockForReading(c, tables, LOCK_WAIT_SECONDS);
            schema.unlock(c);
            execute(c, "SET SESSION lock_wait_timeout = DEFAULT");
        }

        private void catalogs(Connection c, TenantMergePlan plan, Map<String, Treatment> treatments)
                throws SQLException {
            if (finished(c, CATALOGS_MARK)) {
                return;
            }
            inTransaction(c, () -> {
                matchCatalogs(c, plan, treatments);
                mark(c, CATALOGS_MARK, null, 0, true);
            });
        }

        private void copy(Connection c, TenantMergePlan plan, String table) throws SQLException {
            Mark mark = mark(c, table);
            if (mark.finished) {
                return;
            }
            String sql = plan.copy(table);
            Optional<String> column = plan.chunkColumn(table);
            if (column.isEmpty()) {
                inTransaction(c, () -> {
                    long rows = update(c, sql);
                    mark(c, table, null, rows, true);
                });
                progress(c);
                return;
            }
            long[] range = range(c, plan.range(table, column.get()));
            if (range == null) {
                inTransaction(c, () -> mark(c, table, null, 0, true));
                return;
            }
            long low = mark.doneThrough == null ? range[0] - 1 : mark.doneThrough;
            while (low < range[1]) {
                if (stopping) {
                    throw new IllegalStateException("Stopped in table " + table + " after key " + low);
                }
                long from = low;
                long to = Math.min(low + RANGE, range[1]);
                inTransaction(c, () -> {
                    long rows;
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, from);
                        ps.setLong(2, to);
                        rows = ps.executeUpdate();
                    }
                    mark(c, table, to, rows, to >= range[1]);
                });
                progress(c);
                low = to;
            }
        }

        private void progress(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(rows_added), 0), COUNT(*) FROM "
                    + q(into.schema()) + "." + TenantMergePlan.MARK_TABLE + " WHERE source_tenant = ? AND finished"
                    + " AND table_name NOT LIKE '#%'")) {
                ps.setString(1, absorbed.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long rows;
                    try (PreparedStatement all = c.prepareStatement("SELECT COALESCE(SUM(rows_added), 0) FROM "
                            + q(into.schema()) + "." + TenantMergePlan.MARK_TABLE + " WHERE source_tenant = ?")) {
                        all.setString(1, absorbed.value());
                        try (ResultSet r = all.executeQuery()) {
                            r.next();
                            rows = r.getLong(1);
                        }
                    }
                    merges.progress(id, rows, rs.getInt(2), (System.nanoTime() - started) / 1_000_000);
                }
            }
        }

        /** Moves the absorbed province's accounts, a page at a time (a moved account no longer answers the query). */
        private int moveAccounts() {
            int moved = 0;
            List<KeycloakAdmin.TenantAccount> page = keycloak.tenantAccounts(absorbed.value());
            while (!page.isEmpty()) {
                for (KeycloakAdmin.TenantAccount account : page) {
                    keycloak.moveToProvince(account.id(), into.value());
                    moved++;
                }
                merges.step(id, TenantMergeRepository.ACCOUNTS); // a heartbeat between pages
                page = keycloak.tenantAccounts(absorbed.value());
            }
            return moved;
        }

        private void verify(Connection c, TenantMergePlan plan, Map<String, Treatment> treatments, long offset)
                throws SQLException {
            List<String> unequal = new ArrayList<>();
            for (Map.Entry<String, Treatment> t : treatments.entrySet()) {
                String table = t.getKey();
                Long source = null;
                Long added = null;
                Long checked = null;
                switch (t.getValue()) {
                    case COPY -> {
                        source = count(c, plan.sourceCount(table));
                        added = mark(c, table).rows;
                        Optional<String> column = plan.chunkColumn(table);
                        long[] range = column.isPresent() ? range(c, plan.range(table, column.get())) : null;
                        if (column.isEmpty()) {
                            checked = added; // no integer key to find its rows by (none such is copied today)
                        } else if (range == null) {
                            checked = 0L;
                        } else {
                            try (PreparedStatement ps = c.prepareStatement(plan.targetCount(table, column.get()))) {
                                ps.setLong(1, range[0] + offset);
                                ps.setLong(2, range[1] + offset);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    checked = rs.getLong(1);
                                }
                            }
                        }
                    }
                    case CATALOG -> {
                        source = count(c, "SELECT COUNT(*) FROM " + q(absorbed.schema()) + "." + q(table));
                        checked = count(c, plan.catalogFound(table));
                        added = plan.keyed(table) ? count(c, plan.catalogMatched(table)) : checked;
                    }
                    case DERIVED -> {
                        String derived = "created_record_day".equals(table)
                                ? "SELECT COALESCE(SUM(records), 0) FROM %s.created_record_day WHERE village_id %s"
                                : "SELECT COUNT(*) FROM %s.duplicate_candidate WHERE reason <> 'PERSONAL_ID' AND"
                                        + " person_low %s AND person_high %2$s";
                        long[] people = range(c, plan.range("person", "id"));
                        long[] units = range(c, plan.range("admin_unit", "id"));
                        long[] keys = "created_record_day".equals(table) ? units : people;
                        source = count(c, String.format(derived, q(absorbed.schema()), "IS NOT NULL"));
                        if ("created_record_day".equals(table)) {
                            // A created record whose personal ID stays with the survivor's holder is one resident,
                            // counted once, on the holder: the copy without the ID is not a created record.
                            source -= count(c, plan.createdRecordsWithheld());
                        }
                        checked = keys == null ? 0L : count(c, String.format(derived, q(into.schema()),
                                "BETWEEN " + (keys[0] + offset) + " AND " + (keys[1] + offset)));
                        added = checked;
                    }
                    case SKIPPED -> {
                    }
                    default -> throw new IllegalStateException("Unknown treatment " + t.getValue());
                }
                merges.counted(id, table, source, added, checked, t.getValue() != Treatment.COPY
                        || mark(c, table).finished);
                TenantMerge.Table row = new TenantMerge.Table(table, t.getValue().name(), source, added, checked,
                        true);
                if (!row.verified()) {
                    unequal.add(table + " (" + source + " / " + added + " / " + checked + ")");
                }
            }
            if (!unequal.isEmpty()) {
                throw new IllegalStateException("The count check failed (absorbed / added / found): " + unequal);
            }
        }

        private boolean finished(Connection c, String table) throws SQLException {
            return mark(c, table).finished;
        }

        private Mark mark(Connection c, String table) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT done_through, rows_added, finished FROM "
                    + q(into.schema()) + "." + TenantMergePlan.MARK_TABLE + " WHERE source_tenant = ? AND"
                    + " table_name = ?")) {
                ps.setString(1, absorbed.value());
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Mark(null, 0, false);
                    }
                    long through = rs.getLong(1);
                    return new Mark(rs.wasNull() ? null : through, rs.getLong(2), rs.getBoolean(3));
                }
            }
        }

        private void mark(Connection c, String table, Long doneThrough, long rows, boolean finished)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(into.schema()) + "."
                    + TenantMergePlan.MARK_TABLE + " (source_tenant, table_name, done_through, rows_added, finished,"
                    + " changed_at) VALUES (?, ?, ?, ?, ?, NOW(3)) ON DUPLICATE KEY UPDATE done_through ="
                    + " VALUES(done_through), rows_added = rows_added + VALUES(rows_added), finished ="
                    + " VALUES(finished), changed_at = VALUES(changed_at)")) {
                ps.setString(1, absorbed.value());
                ps.setString(2, table);
                ps.setObject(3, doneThrough);
                ps.setLong(4, rows);
                ps.setBoolean(5, finished);
                ps.executeUpdate();
            }
        }
    }

    private record Mark(Long doneThrough, long rows, boolean finished) {
    }

    /**
     * Matches the absorbed province's catalogs to the survivor's by code and adds the missing rows, in the caller's
     * transaction; maps the absorbed province's unit to the survivor's.
     */
    static void matchCatalogs(Connection c, TenantMergePlan plan, Map<String, Treatment> treatments)
            throws SQLException {
        execute(c, plan.rootKey());
        for (Map.Entry<String, Treatment> t : treatments.entrySet()) {
            if ("vaccine_lot".equals(t.getKey())) {
                // A lot both provinces received is one lot: the survivor's stock of it is the sum.
                execute(c, plan.lotStock());
            }
            if (t.getValue() == Treatment.CATALOG) {
                for (String sql : plan.catalog(t.getKey())) {
                    execute(c, sql);
                }
            }
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /** One transaction on the connection, with the foreign keys unchecked (tables come in name order). */
    static void inTransaction(Connection c, Work work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 0");
        }
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION foreign_key_checks = 1");
            }
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** MIN and MAX of a query, or null when the table is empty. */
    static long[] range(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
        }
    }

    /** The province's own unit in its schema: the one province-level unit without a parent. */
    static long root(Connection c, TenantCode code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + q(code.schema()) + ".admin_unit WHERE"
                + " parent_id IS NULL AND level = 'PROVINCE' ORDER BY valid_from DESC")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Province " + code + " has no province unit");
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * An offset above every key the survivor has handed out, with room for a million more while the merge starts, in
     * whole millions (so that a key of the absorbed province reads back from a merged one: 1000042 was 42).
     */
    static long proposedOffset(Connection c, TenantMergePlan.Shape shape) throws SQLException {
        long highest = 0;
        for (String table : shape.autoIncrement()) {
            highest = Math.max(highest, Shapes.nextKey(c, shape, table));
        }
        return (highest / 1_000_000 + 2) * 1_000_000;
    }

    /** The survivor's counters move past the range the merge fills, so its own new rows never take those keys. */
    static void reserve(Connection c, TenantMergePlan.Shape shape, String source, long offset) throws SQLException {
        for (String table : shape.autoIncrement()) {
            long[] range = range(c, "SELECT MIN(id), MAX(id) FROM " + q(source) + "." + q(table));
            if (range == null) {
                continue;
            }
            long needed = offset + range[1] + 1;
            if (Shapes.nextKey(c, shape, table) < needed) {
                execute(c, "ALTER TABLE " + q(shape.schema()) + "." + q(table) + " AUTO_INCREMENT = " + needed);
            }
        }
    }
}
