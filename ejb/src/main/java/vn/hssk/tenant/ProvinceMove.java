package vn.hssk.tenant;

import java.time.Instant;
import java.util.List;

/**
 * A move of a province's data from one database server to another, as its row in the platform schema says: where it
 * stands ({@code state}: queued, running, done, failed, abandoned; {@code step}: check, schema, copy, pause, drop_old,
 * done), how far the copy got and how fast (rows per second of copying, the first copy and the copies again in the
 * pause), how long the province's writes were paused, and per table the counts and checksums found on both servers.
 */
public record ProvinceMove(
        long id,
        String tenant,
        String fromServer,
        String toServer,
        String state,
        String step,
        int tablesTotal,
        int tablesDone,
        long rowsCopied,
        Long copyMs,
        Long rowsPerSecond,
        Long pauseMs,
        Integer tablesRecopied,
        int runs,
        String reason,
        String requestedBy,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        List<Table> tables) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String ABANDONED = "abandoned";

    /** One table of the move: copied or not, and what each server held when the copy was checked. */
    public record Table(String name, boolean copied, long rowsCopied, Long copyMs, Long sourceRows, Long targetRows,
                        String sourceChecksum, String targetChecksum, boolean recopied) {

        public boolean verified() {
            return sourceRows != null && sourceRows.equals(targetRows) && sourceChecksum != null
                    && sourceChecksum.equals(targetChecksum);
        }
    }

    public boolean isOver() {
        return DONE.equals(state) || ABANDONED.equals(state);
    }
}
