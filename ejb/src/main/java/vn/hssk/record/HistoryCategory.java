package vn.hssk.record;

/** The groups of part B of the 831 form (II.1 to II.8), in the order the form lists them. */
public enum HistoryCategory {
    BIRTH,
    ALLERGY,
    DISEASE,
    DISABILITY,
    HABIT,
    EXPOSURE,
    SURGERY,
    REPRODUCTIVE,
    OTHER
}
