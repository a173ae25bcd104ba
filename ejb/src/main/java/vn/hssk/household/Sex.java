package vn.hssk.household;

/** Sex as the population register records it. */
public enum Sex {
    MALE,
    FEMALE
}
