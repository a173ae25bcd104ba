package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hssk.imports.ImportJob.Mode;
import vn.hssk.imports.ImportJob.State;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

class ImportJobTest {

    private static CallerIdentity staff(String... communes) {
        return new CallerIdentity("staff", Set.of(Roles.STATION_STAFF), Optional.of("38"), Set.of(communes));
    }

    private static ImportJob job(CallerIdentity caller) {
        return new ImportJob(ImportKind.PERSONS, Mode.APPLY, 1, 1000, "list.csv", PersonFile.Format.CSV, null, " ",
                null, caller);
    }

    @Test
    void carriesItsCallerToTheBatchThread() {
        ImportJob job = job(staff("16279", "16280"));
        CallerIdentity again = job.caller("38");
        assertEquals("staff", again.username());
        assertEquals(Set.of("16279", "16280"), again.communeScope());
        assertEquals(Optional.of("38"), again.tenant());
        assertNull(job.getMapping(), "a blank mapping is none");
        assertEquals(PersonFile.Encoding.UTF_8, job.getEncoding());
    }

    @Test
    void appliesOverlapWhenTheyShareACommuneOrOneCoversTheProvince() {
        CallerIdentity admin = new CallerIdentity("admin", Set.of(Roles.PROVINCE_ADMIN), Optional.of("38"), Set.of());
        assertTrue(job(staff("1", "2")).overlaps(job(staff("2", "3"))));
        assertFalse(job(staff("1")).overlaps(job(staff("2"))));
        assertTrue(job(admin).overlaps(job(staff("2"))));
        assertNull(job(admin).communes(), "a province administrator's job covers the province");
    }

    @Test
    void countsCommittedChunksAndStandsWhereTheLastOneEnded() {
        ImportJob job = job(staff("1"));
        job.running("node-a", 5);
        int[] outcomes = new int[Outcome.values().length];
        outcomes[Outcome.NEW.ordinal()] = 900;
        outcomes[Outcome.ERROR.ordinal()] = 60;
        outcomes[Outcome.DUPLICATE.ordinal()] = 40;
        job.counted(outcomes, 3, 1000, 1004, 500);
        assertEquals(1000, job.getRowsRead());
        assertEquals(900, job.getRowsValid());
        assertEquals(100, job.getRowsRefused());
        assertEquals(1000, job.getLastRecord());
        assertEquals(1004, job.getLastLine());
        assertEquals(50, job.percent());
        assertEquals(State.RUNNING, job.getState());
    }

    @Test
    void aCancelStopsARunningJobAfterItsChunkAndAQueuedOneAtOnce() {
        ImportJob running = job(staff("1"));
        running.running("node-a", 5);
        running.cancel();
        assertEquals(State.STOPPING, running.getState());
        running.ended(State.PAUSED, null, null);
        assertTrue(running.isResumable());
        ImportJob queued = job(staff("1"));
        queued.cancel();
        assertEquals(State.PAUSED, queued.getState());
    }

    @Test
    void aFailureKeepsItsReasonAndCodeUntilTheJobRunsAgain() {
        ImportJob job = job(staff("1"));
        job.running("node-a", 5);
        job.ended(State.FAILED, "x".repeat(3000), "import.encoding");
        assertEquals(2000, job.getFailure().length());
        assertEquals("import.encoding", job.getFailureCode());
        job.resumed("node-b");
        job.running("node-b", 6);
        assertNull(job.getFailure());
        assertEquals(2, job.getRuns());
        assertEquals("node-b", job.getNode());
    }
}
