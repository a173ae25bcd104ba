package vn.hssk.tenant;

import java.io.Serializable;
import java.util.List;

/**
 * A dry run of a merge: what it would copy, match and find, computed on the live schemas (the catalog matching is run
 * in a transaction that is rolled back). {@code conflicts} block the merge (unit codes or open station codes both
 * provinces use); personal IDs both provinces hold and household codes both use do not: the first go to review, the
 * second get a suffix.
 */
public record TenantMergeReport(
        String absorbed,
        String into,
        String server,
        List<Table> tables,
        long rowsToCopy,
        int personalIdsInBoth,
        List<String> personalIdSample,
        int householdCodesInBoth,
        int accountsToMove,
        List<String> conflicts,
        boolean canMerge) implements Serializable {

    /** One table: its treatment, the absorbed province's rows, and for a catalog the rows the survivor lacks. */
    public record Table(String name, String treatment, Long sourceRows, Long catalogRowsToAdd) implements Serializable {
    }
}
