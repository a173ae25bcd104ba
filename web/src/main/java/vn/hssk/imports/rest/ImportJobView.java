package vn.hssk.imports.rest;

import java.time.Instant;
import vn.hssk.imports.ImportJob;

/**
 * An import job as its users watch it: what it reads and does, its state, who started it and when, its counts
 * (read, valid, refused and by outcome), where it stands (last committed record and line, percent of the file), its
 * pace (rows per second of the current run) and the time left at that pace, and why it failed.
 */
public record ImportJobView(long id, String kind, String mode, String state, String fileName, long fileBytes,
                            Long previewOf, String startedBy, Instant createdAt, Instant runStartedAt,
                            Instant finishedAt, int runs, int rowsRead, int rowsValid, int rowsRefused, int rowsNew,
                            int rowsUpdated, int rowsUnchanged, int rowsDuplicate, int rowsConflict, int rowsError,
                            int rowsWarning, int lastRecord, int lastLine, int percent, double rowsPerSecond,
                            Long secondsLeft, String failure, String failureCode) {

    public static ImportJobView of(ImportJob j) {
        return new ImportJobView(j.getId(), j.getKind().name().toLowerCase(java.util.Locale.ROOT),
                j.getMode().name().toLowerCase(java.util.Locale.ROOT), j.getState().name().toLowerCase(
                java.util.Locale.ROOT), j.getFileName(), j.getFileBytes(), j.getPreviewOf(), j.getStartedBy(),
                j.getCreatedAt(), j.getRunStartedAt(), j.getFinishedAt(), j.getRuns(), j.getRowsRead(),
                j.getRowsValid(), j.getRowsRefused(), j.getRowsNew(), j.getRowsUpdated(), j.getRowsUnchanged(),
                j.getRowsDuplicate(), j.getRowsConflict(), j.getRowsError(), j.getRowsWarning(), j.getLastRecord(),
                j.getLastLine(), j.percent(), Math.round(j.rowsPerSecond() * 10) / 10.0, j.secondsLeft(),
                j.getFailure(), j.getFailureCode());
    }
}
