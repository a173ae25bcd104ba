package vn.hssk.imports;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;

/**
 * Hands each chunk of records to the job's {@link ImportHandler} inside the chunk's transaction, with the job's
 * province bound and the job's caller passed on, then writes the chunk's report rows and counts the chunk on the job
 * (how many rows of each outcome, the last record and line, how far into the file): all of it commits together or
 * not at all. When a user has asked the job to stop, it asks this node's batch runtime to stop after this chunk.
 */
@Named("importJobWriter")
@Dependent
public class ImportJobWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(ImportJobWriter.class);

    @Inject
    private JobContext jobContext;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ImportHandlers handlers;

    @Inject
    private ImportJobLauncher launcher;

    private TenantEntry tenant;
    private long jobId;
    private ImportHandler handler;
    private final ImportPhases phases = new ImportPhases();

    @Override
    public void open(Serializable checkpoint) {
        tenant = ImportJobReader.tenant(jobContext);
        jobId = ImportJobReader.jobId(jobContext);
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        phases.lap("reading and committing");
        boolean stop = TenantContext.callAs(tenant, () -> {
            ImportJob job = em.find(ImportJob.class, jobId);
            if (handler == null) {
                handler = handlers.get(job.getKind());
                handler.open(new ImportRun(jobId, job.caller(tenant.code().value()),
                        job.getMode() == ImportJob.Mode.APPLY, job.getMapping(), job.getLastRecord() == 0),
                        ImportJobReader.scratch(jobContext).header);
                handler.timeInto(phases);
            }
            phases.lap("job row");
            List<PersonFile.Record> records = new ArrayList<>(items.size());
            long position = 0;
            for (Object item : items) {
                ImportJobReader.Item i = (ImportJobReader.Item) item;
                records.add(i.record());
                position = i.position();
            }
            List<Row> rows = handler.chunk(records);
            phases.lap("handler, other");
            int[] outcomes = new int[Outcome.values().length];
            int warnings = 0;
            for (Row r : rows) {
                outcomes[r.outcome().ordinal()]++;
                warnings += r.warnings().isEmpty() ? 0 : 1;
            }
            em.unwrap(Session.class).doWork(connection -> ImportJobRows.save(connection, jobId, rows));
            phases.lap("report rows");
            PersonFile.Record last = records.get(records.size() - 1);
            job.counted(outcomes, warnings, last.record(), last.line(), position);
            em.flush();
            phases.lap("counting");
            return job.getState() == ImportJob.State.STOPPING;
        });
        if (stop) {
            launcher.stopHere(jobContext.getExecutionId());
        }
    }

    @Override
    public void close() {
        LOG.infof("Import job %d, where this run's time went: %s", jobId, phases.summary());
        if (handler != null) {
            handlers.release(handler);
            handler = null;
        }
    }
}
