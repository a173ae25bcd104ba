package vn.hssk.station;

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
import java.time.LocalDate;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * A commune health station (trạm y tế xã) or one of its sub-sites (điểm trạm). The main station belongs to a current
 * commune; a sub-site belongs to the same commune as its main station and may name the former commune it serves
 * (TT 43/2025/TT-BYT). The facility code (mã cơ sở KCB) has 5 digits, the first two being the province's code. A
 * station is closed with a date and a reason, never deleted, and a closed station no longer changes.
 */
@Entity
@Table(name = "health_station")
public class HealthStation extends Audited implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 200)
    private String nameFolded;

    @Column(name = "facility_code", length = 5)
    private String facilityCode;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "commune_id")
    private AdministrativeUnit commune;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "parent_id")
    private HealthStation parent;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "former_commune_id")
    private AdministrativeUnit formerCommune;

    @Column(length = 300)
    private String address;

    @Column(length = 20)
    private String phone;

    @Column(name = "opening_hours", length = 300)
    private String openingHours;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "close_reason", length = 500)
    private String closeReason;

    /** 1 while open, NULL once closed: the unique keys on facility code and commune count open stations only. */
    @Column(name = "open_marker")
    private Integer openMarker = 1;

    @Column(name = "open_main_marker")
    private Integer openMainMarker;
    protected HealthStation() {
    }

    /** The main station of a commune. */
    public static HealthStation main(StationDetails details, AdministrativeUnit commune, String provinceCode,
                                     String actor) {
        if (commune == null || commune.getLevel() != UnitLevel.COMMUNE || commune.getValidTo() != null) {
            throw ProblemException.invalid("commune", "A station belongs to a current commune");
        }
        if (details.facilityCode() == null || details.facilityCode().isBlank()) {
            throw ProblemException.invalid("facilityCode", "A main station needs its facility code");
        }
        HealthStation s = new HealthStation();
        s.commune = commune;
        s.openMainMarker = 1;
        s.apply(details, provinceCode);
        s.recordCreation(actor);
        return s;
    }

    /** A sub-site of an open main station, in the main station's commune, optionally serving a former commune. */
    public static HealthStation subSite(StationDetails details, HealthStation main, AdministrativeUnit formerCommune,
                                        String provinceCode, String actor) {
        if (main == null || !main.isMain()) {
            throw ProblemException.invalid("parentId", "A sub-site hangs under a main station");
        }
        if (main.isClosed()) {
            throw ProblemException.invalid("parentId", "Station " + main.name + " is closed");
        }
        HealthStation s = new HealthStation();
        s.commune = main.commune;
        s.parent = main;
        s.serve(formerCommune);
        s.apply(details, provinceCode);
        s.recordCreation(actor);
        return s;
    }

    /** Corrects name, facility code, address, phone, opening hours and (for a sub-site) the former commune served. */
    public void amend(StationDetails details, AdministrativeUnit formerCommune, String provinceCode, String actor) {
        requireOpen();
        if (isMain() && (details.facilityCode() == null || details.facilityCode().isBlank())) {
            throw ProblemException.invalid("facilityCode", "A main station needs its facility code");
        }
        if (isMain() && formerCommune != null) {
            throw ProblemException.invalid("formerCommune", "Only a sub-site serves a former commune");
        }
        apply(details, provinceCode);
        if (!isMain()) {
            serve(formerCommune);
        }
        recordChange(actor);
    }

    public void close(LocalDate on, String reason, String actor) {
        requireOpen();
        if (on == null) {
            throw ProblemException.invalid("closedOn", "The closing date is required");
        }
        if (on.isAfter(LocalDate.now())) {
            throw ProblemException.invalid("closedOn", "A station cannot be closed in the future");
        }
        this.closeReason = StationFields.required("reason", reason, 500);
        this.closedOn = on;
        this.openMarker = null;
        this.openMainMarker = null;
        recordChange(actor);
    }

    private void serve(AdministrativeUnit former) {
        if (former != null && former.getLevel() != UnitLevel.COMMUNE) {
            throw ProblemException.invalid("formerCommune", "A sub-site serves a (former) commune");
        }
        this.formerCommune = former;
    }

    private void apply(StationDetails d, String provinceCode) {
        this.name = StationFields.required("name", d.name(), 200);
        this.nameFolded = TextFolding.fold(this.name);
        this.facilityCode = facilityCode(d.facilityCode(), provinceCode);
        this.address = StationFields.optional("address", d.address(), 300);
        this.phone = StationFields.phone("phone", d.phone());
        this.openingHours = StationFields.optional("openingHours", d.openingHours(), 300);
    }

    /**
     * Mã cơ sở KCB of a facility of the province (a commune station, a hospital): 5 digits, the first two the
     * province's code; null when blank.
     */
    public static String facilityCode(String value, String provinceCode) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("[0-9]{5}")) {
            throw ProblemException.invalid("facilityCode", "A facility code has exactly 5 digits");
        }
        if (!v.startsWith(provinceCode)) {
            throw ProblemException.invalid("facilityCode",
                    "A facility code of this province starts with " + provinceCode);
        }
        return v;
    }

    private void requireOpen() {
        if (isClosed()) {
            throw ProblemException.conflict("closedOn", "Station " + name + " is closed since " + closedOn);
        }
    }

    public boolean isMain() {
        return parent == null;
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getFacilityCode() {
        return facilityCode;
    }

    public AdministrativeUnit getCommune() {
        return commune;
    }

    public HealthStation getParent() {
        return parent;
    }

    public AdministrativeUnit getFormerCommune() {
        return formerCommune;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getOpeningHours() {
        return openingHours;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getCloseReason() {
        return closeReason;
    }

}
