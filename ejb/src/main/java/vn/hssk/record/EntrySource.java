package vn.hssk.record;

/**
 * Where a write of part A came from: the Faces screen, the REST API, a resident-list import, or the merge of another
 * province into this one.
 */
public enum EntrySource {
    SCREEN,
    API,
    IMPORT,
    MERGE
}
