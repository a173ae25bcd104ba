package vn.hssk.imports;

import java.util.List;
import vn.hssk.imports.PersonImportReport.Row;

/**
 * What one kind of list (residents, the history of doses, ...) does with its rows inside an import job. The job's
 * reader streams the file ({@link PersonFile#open}) and hands the handler one chunk of records at a time, inside the
 * chunk's transaction with the job's tenant bound: the handler judges the whole chunk with set-based look-ups (one
 * query for the chunk's keys, not one per row) and, when the run writes, writes what it judged valid in bulk. The
 * chunk commits with the report rows and the job's counters, or not at all. A handler is made for one run of one job
 * (a restart makes a new one and gets only the rows after the last committed chunk), so it may keep per-run state
 * such as its columns and caches, but nothing it keeps may be needed to judge a row correctly after a restart.
 */
public interface ImportHandler {

    /** Reads the header once per run; a header or mapping it cannot use is refused with a field-named problem. */
    void open(ImportRun run, List<String> header);

    /**
     * Judges (and, when {@link ImportRun#write()}, writes) one chunk of records, answering one row of the report per
     * record in the same order: its outcome, and its errors or warnings at their fields.
     */
    List<Row> chunk(List<PersonFile.Record> records);

    /** The handler's own phases, timed into {@code phases} from now on (none by default). */
    default void timeInto(ImportPhases phases) {
    }
}
