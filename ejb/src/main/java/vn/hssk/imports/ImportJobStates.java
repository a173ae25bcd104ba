package vn.hssk.imports;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import vn.hssk.imports.ImportJob.State;

/**
 * The engine's own changes of a job's state, each in a transaction of its own: a batch thread starting or ending a
 * job, and the recovery of jobs whose server died. No user calls these (the batch thread has no user); they are
 * reached only from the job's listener and {@link ImportJobRecovery}, with the province bound by the caller.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportJobStates {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ImportJobLauncher launcher;

    /** A batch thread of this node starts execution {@code execution} of the job. */
    public void running(long jobId, long execution) {
        ImportJob job = em.find(ImportJob.class, jobId);
        if (job != null) {
            job.running(ImportJobLauncher.node(), execution);
        }
    }

    /** The execution ended: done, stopped by a user (paused) or failed with the reason and its message code. */
    public void ended(long jobId, State end, String why, String code) {
        ImportJob job = em.find(ImportJob.class, jobId);
        if (job != null) {
            job.ended(end, why, code);
        }
    }

    /**
     * Resumes the active jobs this province's server lost: those of this node last heard of before it started
     * ({@code startedAt}, null but just after a start), and those of any node last heard of before {@code
     * staleBefore}. A job is last heard of at its heartbeat, or when it was made if it has none yet: a job started on
     * this node in the seconds between its start and this check is running, not lost. Each is claimed by a
     * conditional update, so two nodes never both resume one job. Answers how many were resumed.
     */
    public int recover(String tenant, Instant startedAt, Instant staleBefore) {
        List<ImportJob> active = em.createQuery("select j from ImportJob j where j.state in :active"
                        + " order by j.id", ImportJob.class)
                .setParameter("active", List.of(State.QUEUED, State.RUNNING, State.STOPPING)).getResultList();
        int resumed = 0;
        for (ImportJob job : active) {
            Instant heard = job.getHeartbeatAt() != null ? job.getHeartbeatAt() : job.getCreatedAt();
            boolean mine = startedAt != null && ImportJobLauncher.node().equals(job.getNode())
                    && heard.isBefore(startedAt);
            boolean stale = heard.isBefore(staleBefore);
            if (!mine && !stale) {
                continue;
            }
            var claim = em.createQuery("update ImportJob j set j.heartbeatAt = :now, j.node = :node"
                            + " where j.id = :id and j.state = :state and j.heartbeatAt "
                            + (job.getHeartbeatAt() == null ? "is null" : "= :seen"))
                    .setParameter("now", Instant.now()).setParameter("node", ImportJobLauncher.node())
                    .setParameter("id", job.getId()).setParameter("state", job.getState());
            if (job.getHeartbeatAt() != null) {
                claim.setParameter("seen", job.getHeartbeatAt());
            }
            int claimed = claim.executeUpdate();
            if (claimed == 0) {
                continue;
            }
            em.refresh(job);
            if (job.getState() == State.STOPPING) {
                job.ended(State.PAUSED, null, null);
            } else {
                launcher.afterCommit(tenant, job);
                resumed++;
            }
        }
        return resumed;
    }
}
