package vn.hssk.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A citizen's request to correct the phone number and/or the address of a record. The station decides it once:
 * approved (and the record corrected) or rejected with a reason.
 */
@Entity
@Table(name = "citizen_change_request")
public class ChangeRequest extends CitizenMessage {

    /** Where a request stands. */
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 20)
    private String phone;

    @Column(length = 300)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(length = 1000)
    private String reason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    protected ChangeRequest() {
    }

    public ChangeRequest(long personId, AdministrativeUnit commune, String phone, String address, String actor) {
        super(personId, commune, actor);
        this.phone = phone;
        this.address = address;
        this.status = Status.PENDING;
    }

    public void approve(String actor) {
        decide(Status.APPROVED, null, actor);
    }

    public void reject(String why, String actor) {
        decide(Status.REJECTED, why, actor);
    }

    private void decide(Status outcome, String why, String actor) {
        if (status != Status.PENDING) {
            throw ProblemException.conflict(ProblemException.FieldError.coded("status", "change.decided",
                    "This request was already decided"));
        }
        this.status = outcome;
        this.reason = why;
        this.decidedAt = Instant.now();
        this.decidedBy = actor;
        recordChange(actor);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public Status getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
