package vn.hssk.imports;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import vn.hssk.imports.ImportJob.State;
import vn.hssk.shared.ProblemException;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;

/**
 * Tells the job's row what the batch runtime does with it: running on this node (and which execution), then done,
 * paused by a user's cancel, or failed with the reason (a refusal of the file keeps its message code, so the screens
 * can say it in the user's language).
 */
@Named("importJobListener")
@Dependent
public class ImportJobListener implements JobListener, StepListener {

    private static final Logger LOG = Logger.getLogger(ImportJobListener.class);

    @Inject
    private JobContext jobContext;

    @Inject
    private StepContext stepContext;

    @Inject
    private ImportJobStates states;

    @Override
    public void beforeJob() throws Exception {
        TenantEntry tenant = ImportJobReader.tenant(jobContext);
        long jobId = ImportJobReader.jobId(jobContext);
        TenantContext.callAs(tenant, () -> {
            states.running(jobId, jobContext.getExecutionId());
            return null;
        });
    }

    @Override
    public void beforeStep() {
    }

    @Override
    public void afterStep() {
        Exception failure = stepContext.getException();
        if (failure != null) {
            ImportJobReader.scratch(jobContext).failure = failure;
        }
    }

    @Override
    public void afterJob() throws Exception {
        TenantEntry tenant = ImportJobReader.tenant(jobContext);
        long jobId = ImportJobReader.jobId(jobContext);
        BatchStatus status = jobContext.getBatchStatus();
        Exception failure = ImportJobReader.scratch(jobContext).failure;
        State end = status == BatchStatus.COMPLETED && failure == null ? State.DONE
                : status == BatchStatus.STOPPED || status == BatchStatus.STOPPING ? State.PAUSED : State.FAILED;
        String why = null;
        String code = null;
        if (end == State.FAILED) {
            ProblemException problem = problem(failure);
            if (problem != null && !problem.errors().isEmpty()) {
                why = problem.errors().get(0).message();
                code = problem.errors().get(0).code();
            } else {
                why = failure == null ? "The job failed" : failure.getClass().getSimpleName() + ": "
                        + failure.getMessage();
                LOG.errorf(failure, "Import job %d of province %s failed", jobId, tenant.code().value());
            }
        }
        String reason = why;
        String reasonCode = code;
        TenantContext.callAs(tenant, () -> {
            states.ended(jobId, end, reason, reasonCode);
            return null;
        });
    }

    private static ProblemException problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
