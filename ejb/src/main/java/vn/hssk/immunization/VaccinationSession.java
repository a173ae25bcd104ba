package vn.hssk.immunization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.station.HealthStation;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A vaccination session of a station: the day, the place, the village it invites (the whole commune when none) and
 * the vaccines planned. A session is cancelled with a reason, never deleted.
 */
@Entity
@Table(name = "vaccination_session")
public class VaccinationSession extends Audited implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "station_id", nullable = false)
    private HealthStation station;

    @Column(name = "session_date", nullable = false)
    private java.time.LocalDate sessionDate;

    @Column(nullable = false, length = 300)
    private String place;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "village_id")
    private AdministrativeUnit village;

    /** Vaccine codes, comma-separated. */
    @Column(nullable = false, length = 1000)
    private String vaccines;

    @Column(length = 1000)
    private String notes;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    /** How many people may book a place; null when the station takes as many as come. */
    @Column
    private Integer capacity;

    protected VaccinationSession() {
    }

    /** The service has checked the station, village and vaccine codes against the caller's scope and the catalog. */
    VaccinationSession(HealthStation station, java.time.LocalDate date, String place, AdministrativeUnit village,
                       Set<String> vaccineCodes, String notes, String actor) {
        FieldCheck check = new FieldCheck();
        check.required("sessionDate", date, "Session date");
        this.place = check.text("place", place, 300, true, "Place");
        this.notes = check.text("notes", notes, 1000, false, "Notes");
        if (vaccineCodes == null || vaccineCodes.isEmpty()) {
            check.fail("vaccines", "session.noVaccine", "Plan at least one vaccine");
        }
        check.throwIfAny();
        this.station = station;
        this.sessionDate = date;
        this.village = village;
        this.vaccines = String.join(",", vaccineCodes);
        recordCreation(actor);
    }

    /** Sets how many people may book a place (null: no limit), when the session is planned. */
    void limitTo(Integer places) {
        if (places != null && places < 1) {
            throw ProblemException.invalid(FieldError.coded("capacity", "session.capacity",
                    "The capacity is at least 1, or none"));
        }
        this.capacity = places;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void cancel(String reason, String actor) {
        if (cancelled) {
            throw ProblemException.conflict(FieldError.coded("cancelled", "session.cancelled",
                    "The session was already cancelled"));
        }
        FieldCheck check = new FieldCheck();
        String why = check.text("reason", reason, 500, true, "Reason");
        check.throwIfAny();
        this.cancelled = true;
        this.cancelReason = why;
        recordChange(actor);
    }

    public Long getId() {
        return id;
    }

    public HealthStation getStation() {
        return station;
    }

    public java.time.LocalDate getSessionDate() {
        return sessionDate;
    }

    public String getPlace() {
        return place;
    }

    public AdministrativeUnit getVillage() {
        return village;
    }

    public Set<String> getVaccines() {
        return new LinkedHashSet<>(Arrays.asList(vaccines.split(",")));
    }

    public String getNotes() {
        return notes;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
