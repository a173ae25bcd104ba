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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

/**
 * A unit of the province's administrative tree. It is never deleted: a unit that ends (merged, renamed, abolished)
 * is closed with {@code validTo}, so records, counts and targets that point to it keep their meaning.
 */
@Entity
@Table(name = "admin_unit")
public class AdministrativeUnit {

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

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by", length = 100)
    private String changedBy;

    protected AdministrativeUnit() {
    }

    public AdministrativeUnit(String code, String name, UnitLevel level, String unitType, AdministrativeUnit parent,
                              LocalDate validFrom, String createdBy) {
        if (code == null || !code.matches("[0-9A-Za-z.-]{2,12}")) {
            throw ProblemException.invalid("code", "Code must be 2 to 12 letters, digits, '.' or '-'");
        }
        if (level == null) {
            throw ProblemException.invalid("level", "Level is required");
        }
        if (parent == null ? level != UnitLevel.PROVINCE : !level.mayBeChildOf(parent.level)) {
            throw ProblemException.invalid("parentId",
                    "A " + level + " cannot sit under " + (parent == null ? "nothing" : parent.level));
        }
        if (unitType == null || unitType.isBlank()) {
            throw ProblemException.invalid("unitType", "Unit type is required");
        }
        this.code = code;
        this.level = level;
        this.unitType = unitType.trim();
        this.parent = parent;
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        applyName(name);
    }

    public void rename(String newName, String actor) {
        applyName(newName);
        this.changedBy = actor;
        this.changedAt = Instant.now();
    }

    public void close(LocalDate lastDay, String actor) {
        if (lastDay == null || lastDay.isBefore(validFrom)) {
            throw ProblemException.invalid("validTo", "A unit cannot end before it began (" + validFrom + ")");
        }
        this.validTo = lastDay;
        this.changedBy = actor;
        this.changedAt = Instant.now();
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

    public int getVersion() {
        return version;
    }
}
