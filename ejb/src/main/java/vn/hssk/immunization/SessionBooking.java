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
import java.time.Instant;
import vn.hssk.shared.Audited;

/** A person's place in a vaccination session, booked from the citizen portal; cancelled, never deleted. */
@Entity
@Table(name = "session_booking")
public class SessionBooking extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private VaccinationSession session;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected SessionBooking() {
    }

    SessionBooking(VaccinationSession session, long personId, String actor) {
        this.session = session;
        this.personId = personId;
        recordCreation(actor);
    }

    void cancel(String actor) {
        this.cancelledAt = Instant.now();
        recordChange(actor);
    }

    /** Books the same place again after a cancellation. */
    void revive(String actor) {
        this.cancelledAt = null;
        recordChange(actor);
    }

    public boolean isActive() {
        return cancelledAt == null;
    }

    public Long getId() {
        return id;
    }

    public VaccinationSession getSession() {
        return session;
    }

    public long getPersonId() {
        return personId;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }
}
