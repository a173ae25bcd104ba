package vn.hssk.unit;

/**
 * The level of an administrative unit. Districts were abolished on 2025-07-01 but stay as an optional legacy level so
 * that units and records from before the reform keep their place in the tree.
 */
public enum UnitLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    VILLAGE;

    /** The levels a unit of this level may sit under. */
    public boolean mayBeChildOf(UnitLevel parent) {
        return switch (this) {
            case PROVINCE -> false;
            case DISTRICT -> parent == PROVINCE;
            case COMMUNE -> parent == PROVINCE || parent == DISTRICT;
            case VILLAGE -> parent == COMMUNE;
        };
    }
}
