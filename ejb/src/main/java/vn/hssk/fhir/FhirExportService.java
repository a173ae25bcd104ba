package vn.hssk.fhir;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import vn.hssk.audit.AuditTrail;
import vn.hssk.shared.BatchLauncher;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * The FHIR Bulk Data export of a whole province, for its administrators only: a kick-off queues an export and hands
 * it to the batch runtime ({@code hssk-fhir-export}); its status tells the progress, then the files (one per
 * resource type, NDJSON); a deleted export loses its files. An export that failed, or whose node stopped answering
 * for {@value #STALE_MINUTES} minutes, is resumed from its last committed part when its client polls, on whichever
 * node answers, up to {@link FhirExport#MAX_ATTEMPTS} runs. Each download is audited.
 */
@Stateless
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class FhirExportService {

    static final String JOB = "hssk-fhir-export";
    static final int STALE_MINUTES = 3;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private BatchLauncher batch;

    @Inject
    private AuditTrail audit;

    /** Where an export is: its row, and per type how many resources its files hold so far. */
    public record Status(FhirExport export, List<Output> output) {
    }

    /** One file of an export. */
    public record Output(String type, long count) {
    }

    /** One stored part of a file. */
    public record Part(long id, String content) {
    }

    /** Queues an export of {@code types} (all when empty) changed since {@code since} (all when null). */
    public long kickOff(List<String> types, Instant since) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        List<String> chosen = types == null || types.isEmpty() ? FhirService.TYPES : types;
        for (String type : chosen) {
            if (!FhirService.TYPES.contains(type)) {
                throw ProblemException.invalid(FieldError.coded("_type", "fhir.exportType", "This server exports "
                        + String.join(", ", FhirService.TYPES) + "; not " + type, String.join(", ", FhirService.TYPES),
                        type));
            }
        }
        if (since != null && since.isAfter(Instant.now())) {
            throw ProblemException.invalid(FieldError.coded("_since", "fhir.sinceFuture", "_since is in the future"));
        }
        FhirExport export = new FhirExport(caller.username(), chosen, since);
        em.persist(export);
        em.flush();
        batch.afterCommit(JOB, params(tenant, export.getId()), null);
        return export.getId();
    }

    /** The export's state and files; a failed or stalled one is resumed first, if it has runs left. */
    public Status status(String id) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        FhirExport export = find(id);
        boolean stalled = (export.getState() == FhirExport.State.RUNNING
                || export.getState() == FhirExport.State.QUEUED)
                && (export.getHeartbeatAt() == null ? export.getTransactionTime() : export.getHeartbeatAt())
                .isBefore(Instant.now().minus(Duration.ofMinutes(STALE_MINUTES)));
        if (export.getState() == FhirExport.State.FAILED || stalled) {
            // The claim counts as a heartbeat: a poll before the new run has begun must not queue it again.
            int claimed = em.createQuery("update FhirExport e set e.attempts = e.attempts + 1, e.state = :queued,"
                            + " e.heartbeatAt = :now where e.id = :id and e.attempts = :attempts and e.attempts < :max")
                    .setParameter("queued", FhirExport.State.QUEUED).setParameter("now", Instant.now())
                    .setParameter("id", export.getId())
                    .setParameter("attempts", export.getAttempts()).setParameter("max", FhirExport.MAX_ATTEMPTS)
                    .executeUpdate();
            if (claimed == 1) {
                batch.afterCommit(JOB, params(tenant, export.getId()), export.getExecutionId());
                em.refresh(export);
            }
        }
        List<Output> output = new ArrayList<>();
        for (Object[] row : em.createQuery("select p.type, sum(p.resources) from FhirExportPart p"
                + " where p.exportId = :id group by p.type", Object[].class)
                .setParameter("id", export.getId()).getResultList()) {
            output.add(new Output((String) row[0], ((Number) row[1]).longValue()));
        }
        output.sort(java.util.Comparator.comparingInt(o -> FhirService.TYPES.indexOf(o.type())));
        return new Status(export, output);
    }

    /** The next parts of a finished export's file of {@code type}, after part {@code afterPart}. */
    public List<Part> parts(String id, String type, long afterPart, int max) {
        CallerIdentity caller = CallerIdentity.of(context);
        FhirExport export = find(id);
        if (export.getState() != FhirExport.State.DONE) {
            throw ProblemException.conflict(FieldError.coded("export", "fhir.exportRunning",
                    "The export is not finished"));
        }
        if (afterPart == 0) {
            audit.read(caller, "FhirExport", export.getId(), "download " + type);
        }
        List<Part> parts = new ArrayList<>();
        for (Object[] row : em.createQuery("select p.id, p.content from FhirExportPart p where p.exportId = :id"
                        + " and p.type = :type and p.id > :after order by p.id", Object[].class)
                .setParameter("id", export.getId()).setParameter("type", type).setParameter("after", afterPart)
                .setMaxResults(max).getResultList()) {
            parts.add(new Part((Long) row[0], (String) row[1]));
        }
        return parts;
    }

    /** Deletes an export and its files. */
    public void delete(String id) {
        FhirExport export = find(id);
        batch.stopHere(export.getExecutionId());
        em.remove(export);
    }

    private FhirExport find(String id) {
        long rowId;
        try {
            rowId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No export " + id);
        }
        FhirExport export = em.find(FhirExport.class, rowId);
        if (export == null) {
            throw ProblemException.notFound("No export " + id);
        }
        return export;
    }

    private static Properties params(String tenant, long id) {
        Properties p = new Properties();
        p.setProperty(FhirExportReader.TENANT, tenant);
        p.setProperty(FhirExportReader.EXPORT, String.valueOf(id));
        return p;
    }
}
