package vn.hssk.tenant;

import java.time.Instant;
import java.util.List;

/**
 * A merge of one province tenant into another, as its row in the platform schema says: where it stands ({@code state}:
 * queued, running, done, failed; {@code step}: prepare, catalogs, copy, review, accounts, verify, retire, done), the
 * offset its keys take in the survivor, how far the copy got, what it found (personal IDs both provinces held,
 * household codes renamed, accounts moved) and per table the absorbed province's rows and the rows added.
 */
public record TenantMerge(
        long id,
        String absorbed,
        String into,
        String state,
        String step,
        Long keyOffset,
        int tablesTotal,
        int tablesDone,
        long rowsCopied,
        Long copyMs,
        Long rowsPerSecond,
        Integer personalIdsInBoth,
        Integer householdsRenamed,
        Integer accountsMoved,
        int runs,
        String node,
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

    /**
     * One table: its treatment ({@code COPY}, {@code CATALOG}, {@code DERIVED}, {@code SKIPPED}), the absorbed
     * province's rows, the rows the merge added to the survivor, and what the final check counted there.
     */
    public record Table(String name, String treatment, Long sourceRows, Long addedRows, Long checkedRows,
                        boolean done) {

        /**
         * The count check at the end of the merge: the absorbed province's rows = the rows added (or, for a catalog,
         * matched by code or added) = the rows the survivor holds for them now. A skipped table has nothing to check.
         */
        public boolean verified() {
            return "SKIPPED".equals(treatment)
                    || sourceRows != null && sourceRows.equals(addedRows) && sourceRows.equals(checkedRows);
        }
    }

    public boolean isOver() {
        return DONE.equals(state);
    }
}
