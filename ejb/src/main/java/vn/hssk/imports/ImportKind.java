package vn.hssk.imports;

/** The lists an import job can read: part-A residents (police register, BHYT lists) and the history of doses. */
public enum ImportKind {
    PERSONS,
    DOSES
}
