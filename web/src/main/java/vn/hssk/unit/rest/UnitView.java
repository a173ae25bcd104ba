package vn.hssk.unit.rest;

import java.time.LocalDate;
import java.util.List;
import vn.hssk.unit.AdministrativeUnit;

/** An administrative unit as the API shows it. */
public record UnitView(long id, String code, String name, String level, String unitType, String typeLabel,
                       Long parentId, String parentCode, LocalDate validFrom, LocalDate validTo, int version) {

    static UnitView of(AdministrativeUnit u) {
        AdministrativeUnit parent = u.getParent();
        return new UnitView(u.getId(), u.getCode(), u.getName(), u.getLevel().name(), u.getUnitType(),
                u.getTypeLabel(), parent == null ? null : parent.getId(), parent == null ? null : parent.getCode(),
                u.getValidFrom(), u.getValidTo(), u.getVersion());
    }

    static List<UnitView> of(List<AdministrativeUnit> units) {
        return units.stream().map(UnitView::of).toList();
    }
}
