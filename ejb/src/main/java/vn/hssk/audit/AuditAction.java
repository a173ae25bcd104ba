package vn.hssk.audit;

/** What was done to a record: seen, created, corrected, given its personal ID, or voided. */
public enum AuditAction {
    READ,
    CREATE,
    UPDATE,
    IDENTIFY,
    VOID
}
