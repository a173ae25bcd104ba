package vn.hssk.imports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * Resumes import jobs whose server died. Shortly after this node starts it resumes the jobs it was running when it
 * went down (those last heard of before it started); every minute it resumes, on any node, the active jobs whose
 * heartbeat (one per committed chunk) is older than {@value #STALE_MINUTES} minutes. Both work from the jobs' rows in
 * each province's schema and claim a job with a conditional update ({@link ImportJobStates#recover}), so this timer
 * may run on every node of a cluster.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportJobRecovery {

    static final int STALE_MINUTES = 3;
    private static final Logger LOG = Logger.getLogger(ImportJobRecovery.class);

    @Resource
    private TimerService timers;

    @Inject
    private ImportJobStates states;

    /** When this node's application started: its jobs last heard of before then were running when it went down. */
    private Instant startedAt;

    @PostConstruct
    void scheduleStartCheck() {
        startedAt = Instant.now();
        timers.createSingleActionTimer(Duration.ofSeconds(5).toMillis(), new TimerConfig("start", false));
    }

    @Timeout
    void afterStart() {
        recover(true);
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        recover(false);
    }

    private void recover(boolean atStart) {
        Instant staleBefore = Instant.now().minus(Duration.ofMinutes(STALE_MINUTES));
        for (TenantEntry tenant : TenantRegistry.onPlatform().list()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                int resumed = TenantContext.callAs(tenant, () -> states.recover(tenant.code().value(),
                        atStart ? startedAt : null, staleBefore));
                if (resumed > 0) {
                    LOG.infof("Resumed %d import job(s) of province %s", resumed, tenant.code().value());
                }
            } catch (Exception e) {
                LOG.warnf(e, "Import jobs of province %s could not be checked for recovery", tenant.code().value());
            }
        }
    }
}
