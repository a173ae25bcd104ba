package vn.hssk.immunization;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * One dose in part C of a person's record. A dose GIVEN at a station names its lot and station (the stock movement is
 * written with it); a HISTORICAL dose is entered from a vaccination card or another record and names no lot. A dose
 * that breaks the schedule's minimum age or interval carries the reason it was given anyway. A person has at most one
 * live dose of each number of a vaccine (the database's unique key); a wrong dose is voided with a reason.
 */
@Entity
@Table(name = "immunization")
public class Immunization extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "vaccine_id", nullable = false)
    private Vaccine vaccine;

    @Column(name = "dose_number", nullable = false)
    private int doseNumber;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "schedule_id")
    private ScheduleDose schedule;

    @Column(name = "given_on", nullable = false)
    private LocalDate givenOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private DoseSource source;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "lot_id")
    private VaccineLot lot;

    @Column(name = "station_id")
    private Long stationId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private InjectionSite site;

    @Column(name = "given_by", length = 200)
    private String givenBy;

    @Column(length = 300)
    private String place;

    @Column(name = "override_reason", length = 500)
    private String overrideReason;

    @Column(name = "live_marker")
    private Integer liveMarker = 1;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by", length = 100)
    private String voidedBy;

    protected Immunization() {
    }

    /** A dose given at {@code stationId} from {@code lot}; the service has checked stock, expiry and the schedule. */
    static Immunization given(long personId, VaccineLot lot, int doseNumber, ScheduleDose schedule, LocalDate givenOn,
                              long stationId, InjectionSite site, String givenBy, String overrideReason,
                              String actor) {
        Immunization dose = new Immunization(personId, lot.getVaccine(), doseNumber, schedule, givenOn,
                DoseSource.GIVEN, site, givenBy, null, overrideReason, actor);
        dose.lot = lot;
        dose.stationId = stationId;
        return dose;
    }

    /**
     * A past dose entered from a card or imported from another system's list: no lot, no stock. The caller has checked
     * the person's scope, the duplicate and the schedule ({@link ScheduleCheck}) as {@link ImmunizationService#record}
     * does.
     */
    public static Immunization historical(long personId, Vaccine vaccine, int doseNumber, ScheduleDose schedule,
                                   LocalDate givenOn, String place, String givenBy, String overrideReason,
                                   String actor) {
        return new Immunization(personId, vaccine, doseNumber, schedule, givenOn, DoseSource.HISTORICAL, null,
                givenBy, place, overrideReason, actor);
    }

    private Immunization(long personId, Vaccine vaccine, int doseNumber, ScheduleDose schedule, LocalDate givenOn,
                         DoseSource source, InjectionSite site, String givenBy, String place, String overrideReason,
                         String actor) {
        FieldCheck check = new FieldCheck();
        this.givenBy = check.text("givenBy", givenBy, 200, false, "Given by");
        this.place = check.text("place", place, 300, false, "Place");
        this.overrideReason = check.text("overrideReason", overrideReason, 500, false, "Override reason");
        check.throwIfAny();
        this.personId = personId;
        this.vaccine = vaccine;
        this.doseNumber = doseNumber;
        this.schedule = schedule;
        this.givenOn = givenOn;
        this.source = source;
        this.site = site;
        recordCreation(actor);
    }

    public void voidDose(String reason, String actor) {
        if (voided) {
            throw ProblemException.conflict(FieldError.coded("voided", "dose.voided",
                    "This dose was already voided: " + voidReason, voidReason));
        }
        FieldCheck check = new FieldCheck();
        String why = check.text("reason", reason, 500, true, "Reason");
        check.throwIfAny();
        this.voided = true;
        this.voidReason = why;
        this.voidedAt = Instant.now();
        this.voidedBy = actor;
        this.liveMarker = null;
        recordChange(actor);
    }

    /** The fields an audit row shows. */
    public Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("immunization", String.valueOf(id));
        s.put("vaccine", vaccine.getCode());
        s.put("doseNumber", String.valueOf(doseNumber));
        s.put("givenOn", givenOn.toString());
        s.put("source", source.name());
        s.put("lot", lot == null ? null : lot.getLotNumber());
        s.put("stationId", stationId == null ? null : stationId.toString());
        s.put("overrideReason", overrideReason);
        s.put("voided", String.valueOf(voided));
        s.put("voidReason", voidReason);
        return s;
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public Vaccine getVaccine() {
        return vaccine;
    }

    public int getDoseNumber() {
        return doseNumber;
    }

    public ScheduleDose getSchedule() {
        return schedule;
    }

    public LocalDate getGivenOn() {
        return givenOn;
    }

    public DoseSource getSource() {
        return source;
    }

    public VaccineLot getLot() {
        return lot;
    }

    public Long getStationId() {
        return stationId;
    }

    public InjectionSite getSite() {
        return site;
    }

    public String getGivenBy() {
        return givenBy;
    }

    public String getPlace() {
        return place;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public boolean isVoided() {
        return voided;
    }

    public String getVoidReason() {
        return voidReason;
    }
}
