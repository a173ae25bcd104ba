package vn.hssk.record;

/** Rh blood group of part A (NHOMMAU_HERH). */
public enum RhFactor {
    POSITIVE,
    NEGATIVE
}
