package vn.hssk.tenant;

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
import vn.hssk.shared.BatchLauncher;

/**
 * Resumes merges of provinces whose server died. Shortly after this node starts it resumes the merges it was running
 * when it went down (last heard of before it started); every minute it resumes, on any node, a running merge silent
 * for {@link TenantMergeService#SILENT}. A merge is claimed with a conditional update of its row, so this timer may
 * run on every node of a cluster, and the merge's steps are idempotent, so a resumed run ends where one run would.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantMergeRecovery {

    private static final Logger LOG = Logger.getLogger(TenantMergeRecovery.class);

    @Resource
    private TimerService timers;

    @Inject
    private BatchLauncher batch;

    private Instant startedAt;

    @PostConstruct
    void scheduleStartCheck() {
        startedAt = Instant.now();
        timers.createSingleActionTimer(Duration.ofSeconds(5).toMillis(), new TimerConfig("start", false));
    }

    @Timeout
    void afterStart() {
        recover(startedAt, true);
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        recover(Instant.now().minus(TenantMergeService.SILENT), false);
    }

    private void recover(Instant silentBefore, boolean ownOnly) {
        try {
            TenantMergeRepository merges = TenantMergeRepository.onPlatform();
            for (TenantMerge merge : merges.silentSince(silentBefore)) {
                if (ownOnly && !BatchLauncher.node().equals(merge.node())) {
                    continue;
                }
                if (merges.requeue(merge.id(), silentBefore)) {
                    LOG.warnf("Resuming merge %d of province %s into %s (last heard of at %s on %s)", merge.id(),
                            merge.absorbed(), merge.into(), merge.updatedAt(), merge.node());
                    PlatformAudit.record("system", "MERGE", merge.absorbed(), "resumed after its server went silent:"
                            + " merge " + merge.id() + " at step " + merge.step(), null);
                    TenantMergeService.launch(batch, merge);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Merges could not be checked for recovery", e);
        }
    }
}
