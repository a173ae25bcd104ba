package vn.hssk.unit.rest;

import java.time.LocalDate;

/** The body of {@code POST /api/units} (all fields) and {@code PUT /api/units/{id}} (name and version). */
public record UnitRequest(String code, String name, String level, String unitType, Long parentId, LocalDate validFrom,
                          Integer version) {
}
