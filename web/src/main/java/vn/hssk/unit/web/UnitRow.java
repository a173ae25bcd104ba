package vn.hssk.unit.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * One line of the units table. The entity changes only through its named actions, so inline renaming edits this copy
 * of the name, and the service renames the unit (checking the version the user saw).
 */
public class UnitRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String code;
    private final String savedName;
    private final UnitLevel level;
    private final String unitType;
    private final String parentCode;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final int version;
    private String name;

    private UnitRow(AdministrativeUnit unit) {
        AdministrativeUnit parent = unit.getParent();
        this.id = unit.getId();
        this.code = unit.getCode();
        this.savedName = unit.getName();
        this.name = unit.getName();
        this.level = unit.getLevel();
        this.unitType = unit.getTypeLabel();
        this.parentCode = parent == null ? null : parent.getCode();
        this.validFrom = unit.getValidFrom();
        this.validTo = unit.getValidTo();
        this.version = unit.getVersion();
    }

    public static UnitRow of(AdministrativeUnit unit) {
        return new UnitRow(unit);
    }

    /** Drops an edit the user cancelled. */
    public void discardEdit() {
        name = savedName;
    }

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public String getUnitType() {
        return unitType;
    }

    public String getParentCode() {
        return parentCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public int getVersion() {
        return version;
    }
}
