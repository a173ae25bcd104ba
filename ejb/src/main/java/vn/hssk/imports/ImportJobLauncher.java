package vn.hssk.imports;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Hands import jobs to the server's batch runtime (JBeret, its job repository in the database) once the transaction
 * that queued them has committed, so the batch thread always finds the job's row and file. A job is started with
 * only its province and its id: everything else is read from its row, and its reader resumes after the row's last
 * committed record whatever the batch runtime's own checkpoint says. A resume restarts the job's last execution (one
 * left STARTED by a crashed server is marked failed first, as JBeret's {@code force} restart mode does), or starts a
 * new one when the batch repository no longer knows it.
 */
@Dependent
public class ImportJobLauncher {

    static final String JOB = "hssk-import";
    static final String TENANT = "tenant";
    static final String JOB_ID = "importJob";
    private static final Logger LOG = Logger.getLogger(ImportJobLauncher.class);

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The name this node goes by in the jobs it runs ({@code jboss.node.name}). */
    public static String node() {
        return System.getProperty("jboss.node.name", "node");
    }

    /** Starts (or, with an execution, restarts) the job after the current transaction commits. */
    public void afterCommit(String tenant, long jobId, Long lastExecution) {
        Runnable launch = () -> launch(tenant, jobId, lastExecution);
        if (transactions.getTransactionKey() == null) {
            launch.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    launch.run();
                }
            }
        });
    }

    /** Asks the batch runtime of this node to stop the execution after its current chunk, if it runs here. */
    public void stopHere(Long execution) {
        if (execution == null) {
            return;
        }
        try {
            BatchRuntime.getJobOperator().stop(execution);
        } catch (RuntimeException notHere) {
            LOG.debugf("Execution %d does not run on this node: %s", execution, notHere.getMessage());
        }
    }

    private static void launch(String tenant, long jobId, Long lastExecution) {
        Properties params = new Properties();
        params.setProperty(TENANT, tenant);
        params.setProperty(JOB_ID, String.valueOf(jobId));
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            if (lastExecution == null) {
                operator.start(JOB, params);
                return;
            }
            try {
                operator.restart(lastExecution, params);
            } catch (NoSuchJobExecutionException unknown) {
                operator.start(JOB, params);
            } catch (RuntimeException stillStarted) {
                // A server that died mid-chunk leaves its execution STARTED: JBeret marks it failed and restarts it.
                Properties forced = new Properties();
                forced.putAll(params);
                forced.setProperty("jberet.restart.mode", "force");
                operator.restart(lastExecution, forced);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import job %d of province %s could not be handed to the batch runtime", jobId, tenant);
        }
    }
}
