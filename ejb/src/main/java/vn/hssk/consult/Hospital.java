package vn.hssk.consult;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;
import vn.hssk.station.HealthStation;

/**
 * A hospital of the province that answers tele-consultation requests. Its facility code follows the rule of every
 * facility of the province (5 digits, the province's prefix) and does not change: the doctors' accounts name it. A
 * closed hospital receives no new requests; the ones it holds can still be answered. Never deleted.
 */
@Entity
@Table(name = "hospital")
public class Hospital extends vn.hssk.shared.Audited {

    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "facility_code", nullable = false, length = 5)
    private String facilityCode;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(length = MAX_ADDRESS)
    private String address;

    @Column(name = "is_open", nullable = false)
    private boolean open = true;

    protected Hospital() {
    }

    public Hospital(String facilityCode, String name, String address, String provinceCode, String actor) {
        FieldCheck check = new FieldCheck();
        String code = check.required("facilityCode", blankToNull(facilityCode), "The facility code");
        apply(check, name, address);
        check.throwIfAny();
        this.facilityCode = HealthStation.facilityCode(code, provinceCode);
        recordCreation(actor);
    }

    /** Corrects the name and address; the facility code stays. */
    public void amend(String name, String address, String actor) {
        FieldCheck check = new FieldCheck();
        apply(check, name, address);
        check.throwIfAny();
        recordChange(actor);
    }

    public void close(String actor) {
        if (!open) {
            throw ProblemException.conflict(FieldError.coded("open", "hospital.closed", "The hospital is closed"));
        }
        open = false;
        recordChange(actor);
    }

    public void reopen(String actor) {
        if (open) {
            throw ProblemException.conflict(FieldError.coded("open", "hospital.open", "The hospital is open"));
        }
        open = true;
        recordChange(actor);
    }

    private void apply(FieldCheck check, String name, String address) {
        String n = check.text("name", TextFolding.normalize(name), MAX_NAME, true, "The name");
        String a = check.text("address", TextFolding.normalize(address), MAX_ADDRESS, false, "The address");
        if (check.isEmpty()) {
            this.name = n;
            this.address = a;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public Long getId() {
        return id;
    }

    public String getFacilityCode() {
        return facilityCode;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public boolean isOpen() {
        return open;
    }
}
