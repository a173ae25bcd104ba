package vn.hssk.record;

/** The kind of a paraclinical test of a visit: laboratory, imaging, or other. */
public enum VisitTestGroup {
    LAB,
    IMAGING,
    OTHER
}
