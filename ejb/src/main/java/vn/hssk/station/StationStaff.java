package vn.hssk.station;

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
import java.time.LocalDate;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

/**
 * A person working at a health station: position, practising licence (chứng chỉ hành nghề), phone and, when they
 * sign in, the username of their account. A staff member leaves (ended) rather than being deleted, and a staff member
 * who left no longer changes.
 */
@Entity
@Table(name = "station_staff")
public class StationStaff extends Audited {

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,49}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "station_id")
    private HealthStation station;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "full_name_folded", nullable = false, length = 200)
    private String fullNameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StaffPosition position;

    @Column(name = "licence_number", length = 30)
    private String licenceNumber;

    @Column(length = 20)
    private String phone;

    @Column(length = 100)
    private String username;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason", length = 500)
    private String endReason;
    protected StationStaff() {
    }

    public StationStaff(HealthStation station, StaffDetails details, String actor) {
        if (station == null) {
            throw ProblemException.invalid("stationId", "A staff member works at a station");
        }
        if (station.isClosed()) {
            throw ProblemException.invalid("stationId", "Station " + station.getName() + " is closed");
        }
        this.station = station;
        apply(details);
        recordCreation(actor);
    }

    public void amend(StaffDetails details, String actor) {
        requireActive();
        apply(details);
        recordChange(actor);
    }

    /** Links the staff member to the account they sign in with. */
    public void linkAccount(String login, String actor) {
        requireActive();
        this.username = username(login);
        recordChange(actor);
    }

    public void end(LocalDate on, String reason, String actor) {
        requireActive();
        if (on == null) {
            throw ProblemException.invalid("endedOn", "The last day is required");
        }
        if (startedOn != null && on.isBefore(startedOn)) {
            throw ProblemException.invalid("endedOn", "A staff member cannot leave before starting (" + startedOn + ")");
        }
        this.endedOn = on;
        this.endReason = StationFields.optional("reason", reason, 500);
        recordChange(actor);
    }

    private void apply(StaffDetails d) {
        this.fullName = StationFields.required("fullName", d.fullName(), 200);
        this.fullNameFolded = TextFolding.fold(fullName);
        if (d.position() == null) {
            throw ProblemException.invalid("position", "The position is required");
        }
        this.position = d.position();
        String licence = StationFields.optional("licenceNumber", d.licenceNumber(), 30);
        if (licence != null && !licence.matches("[0-9A-Za-z/.-]{4,30}")) {
            throw ProblemException.invalid("licenceNumber",
                    "A practising licence number has 4 to 30 letters, digits, '/', '.' or '-'");
        }
        this.licenceNumber = licence;
        this.phone = StationFields.phone("phone", d.phone());
        this.username = username(d.username());
        if (d.startedOn() != null && d.startedOn().isAfter(LocalDate.now().plusYears(1))) {
            throw ProblemException.invalid("startedOn", "The start date is too far in the future");
        }
        this.startedOn = d.startedOn();
    }

    private static String username(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.matches(USERNAME_PATTERN)) {
            throw ProblemException.invalid("username",
                    "A username has 3 to 50 lower-case letters, digits, '.', '_' or '-'");
        }
        return v;
    }

    private void requireActive() {
        if (endedOn != null) {
            throw ProblemException.conflict("endedOn", fullName + " left the station on " + endedOn);
        }
    }

    public boolean hasLeft() {
        return endedOn != null;
    }

    public Long getId() {
        return id;
    }

    public HealthStation getStation() {
        return station;
    }

    public String getFullName() {
        return fullName;
    }

    public StaffPosition getPosition() {
        return position;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public String getPhone() {
        return phone;
    }

    public String getUsername() {
        return username;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getEndReason() {
        return endReason;
    }

}
