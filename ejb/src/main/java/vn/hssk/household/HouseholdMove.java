package vn.hssk.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import vn.hssk.unit.AdministrativeUnit;

/**
 * One move of a household from a village to another, kept forever: where the household lived when is history the
 * station needs (who was counted in which village's targets), so the current village alone is not enough.
 */
@Entity
@Table(name = "household_move")
public class HouseholdMove {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id", nullable = false)
    private Household household;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "from_village_id", nullable = false)
    private AdministrativeUnit fromVillage;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "to_village_id", nullable = false)
    private AdministrativeUnit toVillage;

    @Column(name = "moved_on", nullable = false)
    private LocalDate movedOn;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    protected HouseholdMove() {
    }

    HouseholdMove(Household household, AdministrativeUnit from, AdministrativeUnit to, LocalDate on, String reason,
                  String actor) {
        this.household = household;
        this.fromVillage = from;
        this.toVillage = to;
        this.movedOn = on;
        this.reason = reason;
        this.recordedAt = Instant.now();
        this.recordedBy = actor;
    }

    public Long getId() {
        return id;
    }

    public AdministrativeUnit getFromVillage() {
        return fromVillage;
    }

    public AdministrativeUnit getToVillage() {
        return toVillage;
    }

    public LocalDate getMovedOn() {
        return movedOn;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
