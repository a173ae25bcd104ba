package vn.hssk.unit.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.shared.web.Dates;
import vn.hssk.unit.UnitLevel;

/** What the "add a unit" dialog collects before the service creates the unit. */
public class UnitDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private String name;
    private UnitLevel level = UnitLevel.COMMUNE;
    private String unitType;
    private Long parentId;
    private LocalDate validFrom = LocalDate.now(Dates.VIETNAM);

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public void setLevel(UnitLevel level) {
        this.level = level;
    }

    public String getUnitType() {
        return unitType;
    }

    public void setUnitType(String unitType) {
        this.unitType = unitType;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }
}
