package vn.hssk.shared;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Hands a job to the server's batch runtime (JBeret, its job repository in the database) once the transaction that
 * queued it has committed, so the batch thread always finds the rows the transaction wrote. With an execution it
 * restarts that execution (one left STARTED by a crashed server is marked failed first, as JBeret's {@code force}
 * restart mode does), or starts a new one when the batch repository no longer knows it or counts it as over. The jobs read everything but
 * their province and their row from the database, so any node may start or resume them.
 */
@Dependent
public class BatchLauncher {

    private static final Logger LOG = Logger.getLogger(BatchLauncher.class);

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The name this node goes by in the jobs it runs ({@code jboss.node.name}). */
    public static String node() {
        return System.getProperty("jboss.node.name", "node");
    }

    /** Starts (or, with an execution, restarts) the job after the current transaction commits. */
    public void afterCommit(String job, Properties params, Long lastExecution) {
        Runnable launch = () -> launch(job, params, lastExecution);
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

    /**
     * Whether the batch runtime counts the execution as over for good (completed or abandoned), so that it cannot be
     * restarted: the job's row still says where to go on from, so a new execution does.
     */
    private static boolean finished(JobOperator operator, long execution) {
        try {
            BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
            return status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED;
        } catch (NoSuchJobExecutionException unknown) {
            return true;
        }
    }

    private static void launch(String job, Properties params, Long lastExecution) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            if (lastExecution == null || finished(operator, lastExecution)) {
                operator.start(job, params);
                return;
            }
            try {
                operator.restart(lastExecution, params);
            } catch (NoSuchJobExecutionException unknown) {
                operator.start(job, params);
            } catch (RuntimeException stillStarted) {
                Properties forced = new Properties();
                forced.putAll(params);
                forced.setProperty("jberet.restart.mode", "force");
                operator.restart(lastExecution, forced);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s %s could not be handed to the batch runtime", job, params);
        }
    }
}
