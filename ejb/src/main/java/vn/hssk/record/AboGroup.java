package vn.hssk.record;

/** ABO blood group of part A (NHOMMAU_HEABO). */
public enum AboGroup {
    A,
    B,
    AB,
    O
}
