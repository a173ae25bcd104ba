package vn.hssk.record;

import java.util.Map;

/** A merge (done or undone), the survivor as it now stands, and the rows of each part that moved. */
public record MergeOutcome(PersonMerge merge, PersonResult survivor, Map<String, Long> movedRows) {
}
