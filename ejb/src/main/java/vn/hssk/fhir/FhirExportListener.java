package vn.hssk.fhir;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;

/** Tells the export's row what the batch runtime does with it: running (which execution), then done or failed. */
@Named("fhirExportListener")
@Dependent
public class FhirExportListener implements JobListener, StepListener {

    private static final Logger LOG = Logger.getLogger(FhirExportListener.class);

    @Inject
    private JobContext jobContext;

    @Inject
    private StepContext stepContext;

    @Inject
    private FhirExportStates states;

    @Override
    public void beforeJob() throws Exception {
        TenantEntry tenant = FhirExportReader.tenant(jobContext);
        long id = FhirExportReader.exportId(jobContext);
        TenantContext.callAs(tenant, () -> {
            states.running(id, jobContext.getExecutionId());
            return null;
        });
    }

    @Override
    public void beforeStep() {
    }

    @Override
    public void afterStep() {
        if (stepContext.getException() != null) {
            jobContext.setTransientUserData(stepContext.getException());
        }
    }

    @Override
    public void afterJob() throws Exception {
        TenantEntry tenant = FhirExportReader.tenant(jobContext);
        long id = FhirExportReader.exportId(jobContext);
        boolean done = jobContext.getBatchStatus() == BatchStatus.COMPLETED
                && !(jobContext.getTransientUserData() instanceof Exception);
        Exception failure = jobContext.getTransientUserData() instanceof Exception e ? e : null;
        if (!done) {
            LOG.errorf(failure, "Export %d of province %s failed", id, tenant.code().value());
        }
        TenantContext.callAs(tenant, () -> {
            states.ended(id, done, done ? null : failure == null
                    ? "The export stopped (" + jobContext.getBatchStatus() + ")"
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage());
            return null;
        });
    }
}
