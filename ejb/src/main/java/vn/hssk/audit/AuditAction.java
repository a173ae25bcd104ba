package vn.hssk.audit;

/**
 * What was done to a record: seen, created, corrected, given its personal ID, voided, merged with a duplicate (and
 * the merge undone), or judged distinct from a possible duplicate.
 */
public enum AuditAction {
    READ,
    CREATE,
    UPDATE,
    IDENTIFY,
    VOID,
    MERGE,
    UNMERGE,
    DISTINCT
}
