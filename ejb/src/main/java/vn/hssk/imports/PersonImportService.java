package vn.hssk.imports;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.ejb3.annotation.TransactionTimeout;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * The synchronous import of part-A resident lists, for small files and scripts: the whole file is judged (preview) or
 * written (apply) inside one request and one transaction, by the same {@link PersonImportHandler} the import jobs
 * use, chunk by chunk, so both give the same outcome for the same file. An apply is rolled back whole when a row has
 * errors unless only the valid rows were asked for; the persistence context is emptied after every chunk so memory
 * stays flat. Large files go through {@link ImportJobService}, which the screens use.
 */
@Stateless
public class PersonImportService {

    static final int CHUNK = 1000;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private Instance<PersonImportHandler> handlers;

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonImportReport preview(InputStream file, PersonFile.Format format, String mapping) {
        return preview(file, format, PersonFile.Encoding.UTF_8, mapping);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonImportReport preview(InputStream file, PersonFile.Format format, PersonFile.Encoding encoding,
                                      String mapping) {
        return run(file, format, encoding, mapping, false);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    @TransactionTimeout(value = 1, unit = TimeUnit.HOURS)
    public PersonImportReport apply(InputStream file, PersonFile.Format format, String mapping,
                                    boolean onlyValidRows) {
        return apply(file, format, PersonFile.Encoding.UTF_8, mapping, onlyValidRows);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    @TransactionTimeout(value = 1, unit = TimeUnit.HOURS)
    public PersonImportReport apply(InputStream file, PersonFile.Format format, PersonFile.Encoding encoding,
                                    String mapping, boolean onlyValidRows) {
        PersonImportReport report = run(file, format, encoding, mapping, true);
        if (report.errorRows() > 0 && !onlyValidRows) {
            throw new ProblemException(422, FieldError.coded("file", "import.rowErrors", report.errorRows() + " of "
                    + report.total() + " rows have errors; nothing was written. Correct them, or apply only the"
                    + " valid rows.", report.errorRows(), report.total()))
                    .withDetails(report.applied(false));
        }
        return report;
    }

    private PersonImportReport run(InputStream file, PersonFile.Format format, PersonFile.Encoding encoding,
                                   String mapping, boolean write) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        em.setFlushMode(FlushModeType.COMMIT);
        PersonImportHandler handler = handlers.get();
        Tally tally = new Tally();
        try (PersonFile.Cursor cursor = PersonFile.open(file, format, encoding)) {
            handler.open(new ImportRun(0, caller, write, mapping, true), cursor.header());
            List<PersonFile.Record> chunk = new ArrayList<>(CHUNK);
            for (PersonFile.Record r = cursor.next(); r != null; r = cursor.next()) {
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    tally.add(handler.chunk(chunk));
                    chunk.clear();
                    em.flush();
                    em.clear();
                }
            }
            if (!chunk.isEmpty()) {
                tally.add(handler.chunk(chunk));
            }
        } finally {
            handlers.destroy(handler);
        }
        if (tally.total == 0) {
            throw ProblemException.invalid(FieldError.coded("file", "import.noRows",
                    "The file has a header but no rows"));
        }
        em.flush();
        em.clear();
        return tally.report(write);
    }

    /** The counts and listed rows of a synchronous run: new rows without a warning are only counted. */
    private static final class Tally {
        private final int[] counts = new int[Outcome.values().length];
        private final PersonImportRows listed = new PersonImportRows();
        private int total;
        private int warnings;
        private int unlisted;

        void add(List<Row> rows) {
            for (Row row : rows) {
                total++;
                counts[row.outcome().ordinal()]++;
                if (!row.warnings().isEmpty()) {
                    warnings++;
                }
                if (row.outcome() != Outcome.NEW || !row.warnings().isEmpty()) {
                    listed.list(row);
                } else {
                    unlisted++;
                }
            }
        }

        PersonImportReport report(boolean applied) {
            return new PersonImportReport(total, counts[Outcome.NEW.ordinal()], counts[Outcome.UPDATED.ordinal()],
                    counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.DUPLICATE.ordinal()],
                    counts[Outcome.CONFLICT.ordinal()], counts[Outcome.ERROR.ordinal()], warnings, applied, unlisted,
                    listed);
        }
    }
}
