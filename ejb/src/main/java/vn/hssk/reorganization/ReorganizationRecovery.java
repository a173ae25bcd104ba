package vn.hssk.reorganization;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jboss.logging.Logger;
import vn.hssk.shared.BatchLauncher;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * Resumes reorganizations whose job died with its server: every few minutes, on any node, a reorganization still in
 * progress with no failure said and no sign of life for longer than a run's transaction may last is handed to the
 * batch runtime again. A second run is harmless: each phase takes the reorganization's row lock and skips a state
 * already passed. A run that failed (its reason is shown) is resumed by the administrator, after settling the cause.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReorganizationRecovery {

    /** Longer than the apply's transaction timeout (30 minutes): a quiet run that long is a dead one. */
    static final Duration SILENT = Duration.ofMinutes(35);
    private static final Logger LOG = Logger.getLogger(ReorganizationRecovery.class);

    @Inject
    private ReorganizationWork work;

    @Inject
    private BatchLauncher batch;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void check() {
        Instant before = Instant.now().minus(SILENT);
        for (TenantEntry tenant : TenantRegistry.onPlatform().list()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                List<long[]> stalled = TenantContext.callAs(tenant, () -> work.stalled(before));
                for (long[] s : stalled) {
                    Properties p = new Properties();
                    p.setProperty(ReorganizationBatchlet.TENANT, tenant.code().value());
                    p.setProperty(ReorganizationBatchlet.REORGANIZATION, String.valueOf(s[0]));
                    batch.afterCommit(ReorganizationBatchlet.JOB, p, s[1] < 0 ? null : s[1]);
                    LOG.infof("Resumed reorganization %d of province %s: its run went silent", s[0],
                            tenant.code().value());
                }
            } catch (Exception e) {
                LOG.warnf(e, "Reorganizations of province %s could not be checked for recovery",
                        tenant.code().value());
            }
        }
    }
}
