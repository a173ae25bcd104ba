package vn.hssk.tenant;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.hssk.shared.BatchLauncher;

/**
 * Runs one move of a province to another database server, from wherever its row says it stands:
 * <ol>
 * <li>check: the target server must not hold the province's schema already (a stray copy is never overwritten);</li>
 * <li>schema: make it on the target and migrate it with Flyway, as onboarding does, then list the tables;</li>
 * <li>copy: every table not copied yet, in chunks, while the province works as usual;</li>
 * <li>pause: writes of this province only are paused (status MOVING: read-only connections, 503), the writes in flight
 * are waited for under a read lock of its tables, each table's count and checksum is compared on both servers and a
 * table that changed during the copy is copied again (only the ranges of its key that changed, when its key is one
 * integer), the triggers are made on the target, and the registry is
 * switched to the target server in one update, which ends the pause;</li>
 * <li>drop_old: the old schema is dropped, a moment later, when no node uses its old registry row any more.</li>
 * </ol>
 * A failure before the switch gives the province its writes back on the old server, whose data the move never
 * changes; the move is then failed and a restart goes on from the first table not yet copied. Every step commits its
 * progress to the platform schema, so a run on another node (after a crash) goes on where this one stopped.
 */
@Named("provinceMoveBatchlet")
@Dependent
public class ProvinceMoveBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ProvinceMoveBatchlet.class);
    /** How long the writes in flight when the pause begins may take to commit before the move gives up. */
    private static final int LOCK_WAIT_SECONDS = 30;

    @Inject
    private JobContext jobContext;

    private volatile boolean stopping;

    @Override
    public String process() throws Exception {
        long id = Long.parseLong(jobContext.getProperties().getProperty("move"));
        TenantCode code = new TenantCode(jobContext.getProperties().getProperty("tenant"));
        ProvinceMoveRepository moves = ProvinceMoveRepository.onPlatform();
        ProvinceMove move = moves.find(id).orElseThrow(() -> new IllegalStateException("No move " + id));
        if (!move.tenant().equals(code.value()) || move.isOver()) {
            throw new IllegalStateException("Move " + id + " is not an open move of province " + code);
        }
        moves.running(id, jobContext.getExecutionId(), BatchLauncher.node());
        Run run = new Run(move, code, moves);
        try {
            run.go();
            moves.ended(id, "DONE", null);
            PlatformAudit.record(move.requestedBy(), "MOVE", code.value(), "done: " + move.fromServer() + " -> "
                    + move.toServer() + ", " + run.summary(), null);
            LOG.infof("Moved province %s from %s to %s: %s", code, move.fromServer(), move.toServer(), run.summary());
            return "DONE";
        } catch (Exception | Error e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            moves.ended(id, "FAILED", reason);
            PlatformAudit.record(move.requestedBy(), "MOVE", code.value(), "failed: " + reason, null);
            LOG.errorf(e, "Move %d of province %s to %s failed", id, code, move.toServer());
            throw e;
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }

    /** One run of the move. */
    private final class Run {
        private final ProvinceMove move;
        private final long id;
        private final TenantCode code;
        private final ProvinceMoveRepository moves;
        private final TenantRegistry registry = TenantRegistry.onPlatform();
        private final SchemaCopy schema;
        private final DataSource source;
        private final DataSource target;
        private long pauseMs = -1;
        private int recopied;

        Run(ProvinceMove move, TenantCode code, ProvinceMoveRepository moves) {
            this.move = move;
            this.id = move.id();
            this.code = code;
            this.moves = moves;
            this.schema = new SchemaCopy(code.schema());
            this.source = TenantDataSources.forServer(move.fromServer());
            this.target = TenantDataSources.forServer(move.toServer());
        }

        void go() throws Exception {
            String step = move.step().toUpperCase(java.util.Locale.ROOT);
            TenantEntry tenant = registry.find(code).orElseThrow(() -> new IllegalStateException(
                    "Province " + code + " is not in the registry"));
            if (tenant.dbServer().equals(move.toServer()) && tenant.isActive()) {
                step = ProvinceMoveRepository.DROP_OLD; // switched by a run that died before it could say so
            } else if (!tenant.dbServer().equals(move.fromServer())) {
                throw new IllegalStateException("Province " + code + " is on server " + tenant.dbServer()
                        + ", not on " + move.fromServer() + " where the move began");
            } else if (tenant.status() == TenantStatus.MOVING) {
                registry.resumeWrites(code, move.fromServer()); // a run died in its pause
            } else if (!tenant.isActive()) {
                throw new IllegalStateException("Province " + code + " is " + tenant.status() + ", not active");
            }
            switch (step) {
                case ProvinceMoveRepository.CHECK -> {
                    check();
                    makeSchema();
                    copy();
                    pause();
                    dropOld();
                }
                case ProvinceMoveRepository.SCHEMA -> {
                    makeSchema();
                    copy();
                    pause();
                    dropOld();
                }
                case ProvinceMoveRepository.COPY, ProvinceMoveRepository.PAUSE -> {
                    copy();
                    pause();
                    dropOld();
                }
                case ProvinceMoveRepository.DROP_OLD -> dropOld();
                default -> throw new IllegalStateException("Move " + id + " is at an unknown step " + step);
            }
        }

        private void check() throws SQLException {
            try (Connection c = target.getConnection()) {
                if (schema.exists(c)) {
                    throw new IllegalStateException("Server " + move.toServer() + " already holds a schema "
                            + code.schema() + " that this move did not make; it is never overwritten: remove it, then"
                            + " resume the move");
                }
            }
            moves.step(id, ProvinceMoveRepository.SCHEMA);
        }

        private void makeSchema() throws SQLException {
            try (Connection c = target.getConnection()) {
                schema.create(c);
            }
            SchemaMigrations.migrateTenant(target, code);
            try (Connection c = target.getConnection()) {
                schema.dropTriggers(c);
            }
            List<String> tables;
            try (Connection c = source.getConnection()) {
                tables = schema.tables(c);
            }
            moves.tables(id, tables);
            moves.step(id, ProvinceMoveRepository.COPY);
        }

        private void copy() throws SQLException {
            ProvinceMove now = moves.find(id).orElseThrow();
            try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
                schema.dropTriggers(to);
                Map<String, List<SchemaCopy.Column>> columns = schema.columns(from);
                for (ProvinceMove.Table table : now.tables()) {
                    if (table.copied()) {
                        continue;
                    }
                    if (stopping) {
                        throw new IllegalStateException("Stopped before table " + table.name());
                    }
                    moves.copyStarts(id, table.name());
                    long t0 = System.nanoTime();
                    schema.copy(from, to, table.name(), columns.get(table.name()),
                            rows -> moves.rowsCopied(id, table.name(), rows));
                    moves.tableCopied(id, table.name(), (System.nanoTime() - t0) / 1_000_000);
                }
            }
            moves.step(id, ProvinceMoveRepository.PAUSE);
        }

        /** The pause of the province's writes: from status MOVING to the switch of server, measured. */
        private void pause() throws Exception {
            List<String> tables = moves.find(id).orElseThrow().tables().stream()
                    .map(ProvinceMove.Table::name).toList();
            List<SchemaCopy.Trigger> triggers;
            Map<String, List<SchemaCopy.Column>> columns;
            Map<String, Optional<String>> keys = new HashMap<>();
            try (Connection from = source.getConnection()) {
                triggers = schema.triggers(from);
                columns = schema.columns(from);
                for (String table : tables) {
                    keys.put(table, schema.integerKey(from, table));
                }
                List<String> now = schema.tables(from);
                if (!now.equals(tables)) {
                    throw new IllegalStateException("The tables of " + code.schema() + " changed during the move: "
                            + now + " instead of " + tables);
                }
            }
            if (!registry.pauseWrites(code, move.fromServer())) {
                throw new IllegalStateException("Province " + code + " is no longer active on " + move.fromServer());
            }
            long paused = System.nanoTime();
            boolean switched = false;
            try {
                // Every node reads the registry again within this time: from then on its new writes fail.
                Thread.sleep(TenantContext.FRESH_MILLIS + 100);
                try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
                    schema.lockForReading(from, tables, LOCK_WAIT_SECONDS);
                    try {
                        List<String> unequal = new ArrayList<>();
                        for (String table : tables) {
                            List<SchemaCopy.Column> cols = columns.get(table);
                            SchemaCopy.Check before = schema.check(from, table, cols);
                            SchemaCopy.Check after = schema.check(to, table, cols);
                            if (!before.equals(after)) {
                                long t0 = System.nanoTime();
                                long rows = copyAgain(from, to, table, cols, keys.get(table));
                                moves.tableRecopied(id, table, rows, (System.nanoTime() - t0) / 1_000_000);
                                recopied++;
                                after = schema.check(to, table, cols);
                            }
                            moves.checked(id, table, before, after);
                            if (!before.equals(after)) {
                                unequal.add(table);
                            }
                        }
                        if (!unequal.isEmpty()) {
                            throw new IllegalStateException("Counts or checksums differ after copying again: "
                                    + unequal);
                        }
                        schema.createTriggers(to, triggers);
                        List<String> expected = triggers.stream().map(SchemaCopy.Trigger::name).sorted().toList();
                        if (!schema.triggerNames(to).equals(expected)) {
                            throw new IllegalStateException("The triggers on " + move.toServer() + " are not the"
                                    + " source's " + expected);
                        }
                        if (!registry.switchServer(code, move.fromServer(), move.toServer())) {
                            throw new IllegalStateException("Province " + code + " was not paused on "
                                    + move.fromServer() + " any more");
                        }
                        switched = true;
                        pauseMs = (System.nanoTime() - paused) / 1_000_000;
                        int ended = schema.endWaitingWrites(from);
                        if (ended > 0) {
                            LOG.warnf("Move of province %s ended %d writes that waited on the old server", code, ended);
                        }
                    } finally {
                        schema.unlock(from);
                    }
                }
            } finally {
                if (!switched) {
                    registry.resumeWrites(code, move.fromServer());
                }
            }
            moves.switched(id, pauseMs, recopied);
            PlatformAudit.record(move.requestedBy(), "MOVE", code.value(), "switched to " + move.toServer()
                    + " after a pause of writes of " + pauseMs + " ms", null);
        }

        /**
         * Copies again what changed in a table since its copy: with an integer key, only the ranges of the key whose
         * checks differ (new rows at the end, a few changed ones), else the whole table. Returns the rows copied.
         */
        private long copyAgain(Connection from, Connection to, String table, List<SchemaCopy.Column> cols,
                               Optional<String> key) throws SQLException {
            if (key.isEmpty()) {
                return schema.copy(from, to, table, cols, n -> { });
            }
            Map<Long, SchemaCopy.Check> source = schema.checkRanges(from, table, cols, key.get());
            Map<Long, SchemaCopy.Check> target = schema.checkRanges(to, table, cols, key.get());
            Set<Long> ranges = new TreeSet<>(source.keySet());
            ranges.addAll(target.keySet());
            long rows = 0;
            for (long range : ranges) {
                if (!Objects.equals(source.get(range), target.get(range))) {
                    rows += schema.copyRange(from, to, table, cols, key.get(), range);
                }
            }
            return rows;
        }

        private void dropOld() throws Exception {
            // Calls that read the registry before the switch finish their statements on the old server first.
            Thread.sleep(TenantContext.FRESH_MILLIS + 100);
            try (Connection c = source.getConnection()) {
                schema.drop(c);
            }
        }

        String summary() {
            ProvinceMove now = moves.find(id).orElseThrow();
            return now.tablesTotal() + " tables, " + now.rowsCopied() + " rows copied in " + now.copyMs()
                    + " ms, writes paused " + now.pauseMs() + " ms, " + now.tablesRecopied() + " tables copied again";
        }
    }
}
