package vn.hssk.unit.rest;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/units} (code, name, level, unitType, parentId, validFrom), of {@code PUT
 * /api/units/{id}} (any of name, unitType, parentId, with the version read), of {@code POST .../close} (validTo) and
 * of {@code POST .../predecessors} (predecessorIds).
 */
public record UnitRequest(String code, String name, String level, String unitType, Long parentId, LocalDate validFrom,
                          LocalDate validTo, Integer version, List<Long> predecessorIds) {
}
