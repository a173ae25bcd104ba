package vn.hssk.imports;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.jboss.ejb3.annotation.TransactionTimeout;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.imports.ImportJob.Mode;
import vn.hssk.imports.ImportJob.State;
import vn.hssk.imports.PersonImportReport.Other;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * Imports as background jobs, for station staff (into their communes) and province administrators (into the whole
 * province): an upload is stored and answered at once with a queued job, a preview (writes nothing but its report)
 * or an apply (writes what is valid, chunk by chunk); a preview can be applied as it is. Users watch their jobs (a
 * province administrator every job of the province; nobody learns of a job they may not see), cancel one (it stops
 * after its current chunk; what it committed stays), resume a paused or failed one from its last committed chunk,
 * and read its report at any time. Two applies that could write into one commune never run at once: the second is
 * refused with the first's number. A file whose header or mapping cannot be used is refused at the upload.
 */
@Stateless
public class ImportJobService {

    private static final int MAX_PAGE = 200;
    private static final String UNKNOWN = "No import job with this number";

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ImportHandlers handlers;

    @Inject
    private ImportJobLauncher launcher;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    @TransactionTimeout(value = 30, unit = TimeUnit.MINUTES)
    public ImportJob start(ImportKind kind, Mode mode, InputStream body, String fileName, PersonFile.Format format,
                           PersonFile.Encoding encoding, String mapping) {
        CallerIdentity caller = caller();
        if (kind == null) {
            throw ProblemException.invalid(FieldError.coded("kind", "import.kind", "kind is persons or doses"));
        }
        if (mode == null) {
            throw ProblemException.invalid(FieldError.coded("mode", "import.mode", "mode is preview or apply"));
        }
        ImportFiles.Stored stored = store(body, caller);
        check(kind, stored.id(), format, encoding, mapping, caller);
        ImportJob job = new ImportJob(kind, mode, stored.id(), stored.bytes(), fileName, format, encoding, mapping,
                null, caller);
        return queue(job, caller);
    }

    /** Applies what preview job {@code previewId} judged, from the same stored file, as a new job. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public ImportJob apply(long previewId) {
        CallerIdentity caller = caller();
        ImportJob preview = visible(caller, previewId);
        if (preview.getMode() != Mode.PREVIEW) {
            throw ProblemException.conflict(FieldError.coded("mode", "import.notPreview",
                    "Job " + previewId + " is already an apply", previewId));
        }
        ImportJob job = new ImportJob(preview.getKind(), Mode.APPLY, preview.getFileId(), preview.getFileBytes(),
                preview.getFileName(), preview.getFormat(), preview.getEncoding(), preview.getMapping(), previewId,
                caller);
        return queue(job, caller);
    }

    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public ImportJob find(long id) {
        return visible(caller(), id);
    }

    /** The caller's jobs (a province administrator's: the province's), newest first. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public List<ImportJob> list(int first, int max) {
        CallerIdentity caller = caller();
        page(first, max);
        boolean all = caller.hasRole(Roles.PROVINCE_ADMIN);
        var query = em.createQuery("select j from ImportJob j" + (all ? "" : " where j.startedBy = :me")
                + " order by j.id desc", ImportJob.class).setFirstResult(first).setMaxResults(max);
        if (!all) {
            query.setParameter("me", caller.username());
        }
        return query.getResultList();
    }

    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public long count() {
        CallerIdentity caller = caller();
        boolean all = caller.hasRole(Roles.PROVINCE_ADMIN);
        var query = em.createQuery("select count(j) from ImportJob j" + (all ? "" : " where j.startedBy = :me"),
                Long.class);
        if (!all) {
            query.setParameter("me", caller.username());
        }
        return query.getSingleResult();
    }

    /** Stops the job after its current chunk (a queued one at once); what it committed stays, and it can resume. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public ImportJob cancel(long id) {
        ImportJob job = visible(caller(), id);
        if (!job.isActive()) {
            throw ProblemException.conflict(FieldError.coded("state", "import.notRunning",
                    "Job " + id + " is not running", id));
        }
        job.cancel();
        em.flush();
        launcher.stopHere(job.getExecutionId());
        return job;
    }

    /** Resumes a paused or failed job after its last committed chunk. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public ImportJob resume(long id) {
        CallerIdentity caller = caller();
        ImportJob job = visible(caller, id);
        if (!job.isResumable()) {
            throw ProblemException.conflict(FieldError.coded("state", "import.notResumable",
                    "Job " + id + " can be resumed only when it is paused or failed", id));
        }
        lockAndRequireFree(job);
        job.resumed(ImportJobLauncher.node());
        em.flush();
        launcher.afterCommit(caller.requireTenant(), job);
        return job;
    }

    /**
     * The job's report as it stands: its counts and its listed rows from {@code first} (those needing a decision
     * first). Existing records shown beside a row (conflicts, possible duplicates) are audited as read.
     */
    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public PersonImportReport report(long id, int first, int max) {
        CallerIdentity caller = caller();
        ImportJob job = visible(caller, id);
        if (first < 0) {
            throw ProblemException.invalid(FieldError.coded("first", "page.first", "first must not be negative"));
        }
        if (max < 1) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + Integer.MAX_VALUE, Integer.MAX_VALUE));
        }
        PersonImportRows listed = new PersonImportRows();
        List<Row> rows = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> rows.addAll(ImportJobRows.read(c, id, first, max)));
        Set<Long> shown = new LinkedHashSet<>();
        for (Row r : rows) {
            listed.list(r);
            for (Other other : r.others()) {
                if (other.personId() != null) {
                    shown.add(other.personId());
                }
            }
        }
        for (Long person : shown) {
            audit.read(caller, AuditService.PERSON, person, "import report " + id);
        }
        int[] counts = new int[2];
        em.unwrap(Session.class).doWork(c -> System.arraycopy(ImportJobRows.listedCounts(c, id), 0, counts, 0, 2));
        int unlisted = Math.max(0, job.getRowsNew() - counts[1]);
        return new PersonImportReport(job.getRowsRead(), job.getRowsNew(), job.getRowsUpdated(),
                job.getRowsUnchanged(), job.getRowsDuplicate(), job.getRowsConflict(), job.getRowsError(),
                job.getRowsWarning(), job.getMode() == Mode.APPLY, unlisted, listed);
    }

    /** How many rows the job's report lists (new rows without a warning are only counted). */
    @RolesAllowed({Roles.STATION_STAFF, Roles.PROVINCE_ADMIN})
    public int listedRows(long id) {
        visible(caller(), id);
        int[] counts = new int[2];
        em.unwrap(Session.class).doWork(c -> System.arraycopy(ImportJobRows.listedCounts(c, id), 0, counts, 0, 2));
        return counts[0];
    }

    private ImportJob queue(ImportJob job, CallerIdentity caller) {
        if (job.getMode() == Mode.APPLY) {
            lockAndRequireFree(job);
        }
        job.resumed(ImportJobLauncher.node());
        em.persist(job);
        em.flush();
        launcher.afterCommit(caller.requireTenant(), job);
        return job;
    }

    /**
     * Takes the province's import lock, then refuses when another apply that could write into one of the same
     * communes is queued or running.
     */
    private void lockAndRequireFree(ImportJob job) {
        em.createNativeQuery("SELECT id FROM import_lock WHERE id = 1 FOR UPDATE").getResultList();
        for (ImportJob other : em.createQuery("select j from ImportJob j where j.mode = :apply and j.state in"
                + " :active", ImportJob.class).setParameter("apply", Mode.APPLY)
                .setParameter("active", List.of(State.QUEUED, State.RUNNING, State.STOPPING)).getResultList()) {
            if (!other.getId().equals(job.getId()) && other.overlaps(job)) {
                throw ProblemException.conflict(FieldError.coded("file", "import.busy", "Import job "
                        + other.getId() + " is writing into the same communes; wait until it ends or cancel it",
                        other.getId()));
            }
        }
    }

    private ImportFiles.Stored store(InputStream body, CallerIdentity caller) {
        if (body == null) {
            throw ProblemException.invalid(FieldError.coded("file", "import.empty", "The file is empty"));
        }
        ImportFiles.Stored[] stored = new ImportFiles.Stored[1];
        em.unwrap(Session.class).doWork(c -> stored[0] = ImportFiles.store(c, body, caller.username()));
        if (stored[0].bytes() == 0) {
            throw ProblemException.invalid(FieldError.coded("file", "import.empty", "The file is empty"));
        }
        return stored[0];
    }

    /** Refuses at once a file whose encoding, header or mapping the job could not use, or that has no rows. */
    private void check(ImportKind kind, long fileId, PersonFile.Format format, PersonFile.Encoding encoding,
                       String mapping, CallerIdentity caller) {
        em.unwrap(Session.class).doWork(c -> {
            try (PersonFile.Cursor cursor = PersonFile.open(ImportFiles.read(c, fileId), format, encoding)) {
                ImportHandler handler = handlers.get(kind);
                try {
                    handler.open(new ImportRun(0, caller, false, mapping, true), cursor.header());
                } finally {
                    handlers.release(handler);
                }
                if (cursor.next() == null) {
                    throw ProblemException.invalid(FieldError.coded("file", "import.noRows",
                            "The file has a header but no rows"));
                }
            }
        });
    }

    private ImportJob visible(CallerIdentity caller, long id) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job == null || !caller.hasRole(Roles.PROVINCE_ADMIN) && !job.getStartedBy().equals(caller.username())) {
            throw ProblemException.notFound(UNKNOWN);
        }
        return job;
    }

    private static void page(int first, int max) {
        if (first < 0) {
            throw ProblemException.invalid(FieldError.coded("first", "page.first", "first must not be negative"));
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
