package vn.hssk.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

/**
 * A unit of the province's administrative tree. It is never deleted: a unit that ends (merged, renamed, abolished)
 * is closed with {@code validTo}, so records, counts and targets that point to it keep their meaning.
 */
@Entity
@Table(name = "admin_unit")
public class AdministrativeUnit extends Audited implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 12)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 200)
    private String nameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private UnitLevel level;

    @Column(name = "unit_type", nullable = false, length = 20)
    private String unitType;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "parent_id")
    private AdministrativeUnit parent;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "admin_unit_predecessor", joinColumns = @JoinColumn(name = "unit_id"),
            inverseJoinColumns = @JoinColumn(name = "predecessor_id"))
    private Set<AdministrativeUnit> predecessors = new HashSet<>();
    protected AdministrativeUnit() {
    }

    public AdministrativeUnit(String code, String name, UnitLevel level, String unitType, AdministrativeUnit parent,
                              LocalDate validFrom, String createdBy) {
        if (level == null) {
            throw ProblemException.invalid("level", "Level is one of PROVINCE, DISTRICT, COMMUNE, VILLAGE");
        }
        checkParent(level, parent);
        checkCode(code, level, parent == null ? null : parent.code);
        this.code = code;
        this.level = level;
        this.unitType = checkType(unitType, level).key();
        this.parent = parent;
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        recordCreation(createdBy);
        applyName(name);
    }

    /**
     * The rules of the official codes: a province is its two-digit code, a (legacy) district three digits, a commune
     * five digits (QĐ 19/2025/QĐ-TTg), and a village, which has no national code, the code of its commune, a dash and
     * up to six letters or digits (e.g. 16279-01), so that a village code says which commune it belongs to.
     */
    static String codeRule(UnitLevel level) {
        return switch (level) {
            case PROVINCE -> "two digits";
            case DISTRICT -> "three digits";
            case COMMUNE -> "five digits";
            case VILLAGE -> "the commune's code, '-' and 1 to 6 letters or digits (e.g. 16279-01)";
        };
    }

    static void checkCode(String code, UnitLevel level, String parentCode) {
        boolean ok = code != null && switch (level) {
            case PROVINCE -> code.matches("\\d{2}");
            case DISTRICT -> code.matches("\\d{3}");
            case COMMUNE -> code.matches("\\d{5}");
            case VILLAGE -> parentCode != null && code.startsWith(parentCode + "-")
                    && code.substring(parentCode.length() + 1).matches("[0-9A-Za-z]{1,6}");
        };
        if (!ok) {
            throw ProblemException.invalid("code", "The code of a " + level.name().toLowerCase(java.util.Locale.ROOT)
                    + " is " + codeRule(level) + "; got " + code);
        }
    }

    static void checkParent(UnitLevel level, AdministrativeUnit parent) {
        if (parent == null ? level != UnitLevel.PROVINCE : !level.mayBeChildOf(parent.level)) {
            throw ProblemException.invalid("parentId",
                    "A " + level + " cannot sit under " + (parent == null ? "nothing" : parent.level));
        }
    }

    static UnitType checkType(String unitType, UnitLevel level) {
        UnitType type = UnitType.parse(unitType, level);
        if (type == null) {
            throw ProblemException.invalid("unitType", "'" + unitType + "' is not a unit type of level " + level);
        }
        return type;
    }

    /** Whether the unit existed on the given day. */
    public boolean isValidOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** Moves the unit under another parent of a fitting level; a unit can never sit under itself or its own child. */
    public void moveUnder(AdministrativeUnit newParent, String actor) {
        for (AdministrativeUnit u = newParent; u != null; u = u.parent) {
            if (u == this || (id != null && id.equals(u.id))) {
                throw ProblemException.invalid("parentId", "A unit cannot sit under itself or one of its own units");
            }
        }
        checkParent(level, newParent);
        this.parent = newParent;
        recordChange(actor);
    }

    public void changeType(String newType, String actor) {
        String key = checkType(newType, level).key();
        if (!key.equals(unitType)) {
            this.unitType = key;
            recordChange(actor);
        }
    }

    /** Records that this unit continues the given one (merged into it, or renamed as it). */
    public void succeed(AdministrativeUnit predecessor) {
        if (predecessor == this || predecessor.level != level) {
            throw ProblemException.invalid("predecessorIds", "A unit's predecessors are units of the same level");
        }
        predecessors.add(predecessor);
    }

    public Set<AdministrativeUnit> getPredecessors() {
        return predecessors;
    }

    public String getTypeLabel() {
        return UnitType.labelOf(unitType);
    }

    public void rename(String newName, String actor) {
        applyName(newName);
        recordChange(actor);
    }

    public void close(LocalDate lastDay, String actor) {
        if (lastDay == null || lastDay.isBefore(validFrom)) {
            throw ProblemException.invalid("validTo", "A unit cannot end before it began (" + validFrom + ")");
        }
        this.validTo = lastDay;
        recordChange(actor);
    }

    private void applyName(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("name", "Name is required");
        }
        if (value.length() > 200) {
            throw ProblemException.invalid("name", "Name is at most 200 characters");
        }
        this.name = value.trim();
        this.nameFolded = TextFolding.fold(this.name);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public String getUnitType() {
        return unitType;
    }

    public AdministrativeUnit getParent() {
        return parent;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

}
