package vn.hssk.record;

/** Where a write of part A came from: the Faces screen, the REST API, or a resident-list import. */
public enum EntrySource {
    SCREEN,
    API,
    IMPORT
}
