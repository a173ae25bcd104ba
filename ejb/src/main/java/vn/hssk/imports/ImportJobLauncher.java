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

    @Inject
    private BatchLauncher batch;

    /** The name this node goes by in the jobs it runs ({@code jboss.node.name}). */
    public static String node() {
        return BatchLauncher.node();
    }

    /** Starts (or, with an execution, restarts) the job after the current transaction commits. */
    public void afterCommit(String tenant, long jobId, Long lastExecution) {
        Properties params = new Properties();
        params.setProperty(TENANT, tenant);
        params.setProperty(JOB_ID, String.valueOf(jobId));
        batch.afterCommit(JOB, params, lastExecution);
    }

    /** Asks the batch runtime of this node to stop the execution after its current chunk, if it runs here. */
    public void stopHere(Long execution) {
        batch.stopHere(execution);
    }
}
