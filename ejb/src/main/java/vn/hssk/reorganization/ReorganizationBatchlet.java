package vn.hssk.reorganization;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * Runs a reorganization's apply or undo from the state its row is in: the database part, then the staff scopes (or,
 * for an undo, both in reverse). A run that fails keeps the state, and the next run (resumed from the screen or the
 * API) goes on from there. The province comes as a job parameter: a batch thread has no request.
 */
@Named("reorganizationBatchlet")
@Dependent
public class ReorganizationBatchlet extends AbstractBatchlet {

    static final String JOB = "hssk-reorganization";
    static final String TENANT = "tenant";
    static final String REORGANIZATION = "reorganization";
    private static final Logger LOG = Logger.getLogger(ReorganizationBatchlet.class);

    @Inject
    private JobContext jobContext;

    @Inject
    private ReorganizationWork work;

    @Override
    public String process() throws Exception {
        String code = jobContext.getProperties().getProperty(TENANT);
        long id = Long.parseLong(jobContext.getProperties().getProperty(REORGANIZATION));
        TenantEntry tenant = TenantRegistry.onPlatform().find(new TenantCode(code)).filter(TenantEntry::isActive)
                .orElseThrow(() -> new IllegalStateException("Province " + code + " is not active"));
        return TenantContext.callAs(tenant, () -> {
            work.running(id, jobContext.getExecutionId());
            try {
                long started = System.nanoTime();
                work.applyDatabase(id);
                work.journalScopes(id);
                work.applyScopes(id);
                work.revert(id);
                LOG.infof("Reorganization %d of province %s: run took %d ms", id, code,
                        (System.nanoTime() - started) / 1_000_000);
                return "COMPLETED";
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause != cause.getCause()) {
                    cause = cause.getCause();
                }
                String why = e instanceof vn.hssk.shared.ProblemException ? e.getMessage()
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                LOG.errorf(e, "Reorganization %d of province %s failed", id, code);
                work.failed(id, why);
                throw e;
            }
        });
    }
}
