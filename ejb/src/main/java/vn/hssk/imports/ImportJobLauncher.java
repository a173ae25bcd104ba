package vn.hssk.imports;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Properties;
import vn.hssk.shared.BatchLauncher;

/**
 * Hands import jobs to the batch runtime ({@link BatchLauncher}) with only their province and their id: everything
 * else is read from the job's row, and its reader resumes after the row's last committed record whatever the batch
 * runtime's own checkpoint says.
 */
@Dependent
public class ImportJobLauncher {

    static final String JOB = "hssk-import";
    static final String TENANT = "tenant";
    static final String JOB_ID = "importJob";
    static final String CHUNK = "chunk";

    @Inject
    private BatchLauncher batch;

    /** The name this node goes by in the jobs it runs ({@code jboss.node.name}). */
    public static String node() {
        return BatchLauncher.node();
    }

    /**
     * How many records a chunk holds (one transaction, one checkpoint, one count on the job's row), in a preview and in
     * an apply. A chunk's fixed cost (the job's row, the commit, the batch runtime's checkpoint, the look-up of which
     * communes hold others' records) was a third of a preview's time at 1,000 records; 2,000 instead of 1,000 halves
     * that work in an apply (docs/benchmarks.md). A preview writes only its report rows; an apply's chunk keeps the
     * day's created-record counts of its villages locked until it commits, so it stays smaller.
     */
    static final int PREVIEW_CHUNK = 5_000;
    static final int APPLY_CHUNK = 2_000;

    /** Starts (or, with an execution, restarts) the job after the current transaction commits. */
    public void afterCommit(String tenant, ImportJob job) {
        Properties params = new Properties();
        params.setProperty(TENANT, tenant);
        params.setProperty(JOB_ID, String.valueOf(job.getId()));
        params.setProperty(CHUNK, String.valueOf(job.getMode() == ImportJob.Mode.APPLY ? APPLY_CHUNK : PREVIEW_CHUNK));
        batch.afterCommit(JOB, params, job.getExecutionId());
    }

    /** Asks the batch runtime of this node to stop the execution after its current chunk, if it runs here. */
    public void stopHere(Long execution) {
        batch.stopHere(execution);
    }
}
