package vn.hssk.unit;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One node of the administrative tree as the tree screen and {@code /api/units/tree} show it: the unit and what hangs
 * below it (current villages, open stations, open households, and people: personal records not voided).
 */
public record UnitNode(long id, String code, String name, UnitLevel level, String unitType, String typeLabel,
                       Long parentId, LocalDate validFrom, LocalDate validTo, int version, boolean hasChildren,
                       long villages, long stations, long households, long people) implements Serializable {
}
