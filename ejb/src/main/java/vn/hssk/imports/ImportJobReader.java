package vn.hssk.imports;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * Streams the job's stored file record by record ({@link PersonFile#open}), one part of it in memory at a time. It
 * starts after the job's last committed record ({@code import_job.last_record}, committed with its chunk), so a
 * resumed job reads each remaining record once, whichever node resumes it and whatever the batch runtime's own
 * checkpoint says.
 */
@Named("importJobReader")
@Dependent
public class ImportJobReader extends AbstractItemReader {

    /** One record and how far into the file the reader then was, for the job's progress. */
    record Item(PersonFile.Record record, long position) {
    }

    @Inject
    private JobContext jobContext;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    private PersonFile.Cursor cursor;
    private ImportFiles.Counting stream;
    private int lastRecord;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        TenantEntry tenant = tenant(jobContext);
        long jobId = jobId(jobContext);
        ImportJob job = TenantContext.callAs(tenant, () -> em.find(ImportJob.class, jobId));
        if (job == null) {
            throw new IllegalStateException("Import job " + jobId + " is not in province " + tenant.code());
        }
        stream = ImportFiles.open(tenant, job.getFileId());
        cursor = PersonFile.open(stream, job.getFormat(), job.getEncoding());
        scratch(jobContext).header = cursor.header();
        lastRecord = job.getLastRecord();
        for (PersonFile.Record r = lastRecord > 0 ? cursor.next() : null; r != null; r = cursor.next()) {
            if (r.record() >= lastRecord) {
                break;
            }
        }
    }

    @Override
    public Object readItem() {
        PersonFile.Record r = cursor.next();
        if (r == null) {
            return null;
        }
        lastRecord = r.record();
        return new Item(r, stream.position());
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRecord;
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
    }

    static TenantEntry tenant(JobContext context) {
        String code = context.getProperties().getProperty(ImportJobLauncher.TENANT);
        return TenantRegistry.onPlatform().find(new TenantCode(code)).filter(TenantEntry::isActive)
                .orElseThrow(() -> new IllegalStateException("Province " + code + " is not active"));
    }

    static long jobId(JobContext context) {
        return Long.parseLong(context.getProperties().getProperty(ImportJobLauncher.JOB_ID));
    }

    static ImportJobScratch scratch(JobContext context) {
        if (!(context.getTransientUserData() instanceof ImportJobScratch)) {
            context.setTransientUserData(new ImportJobScratch());
        }
        return (ImportJobScratch) context.getTransientUserData();
    }
}
