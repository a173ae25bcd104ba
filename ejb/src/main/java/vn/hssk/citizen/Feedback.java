package vn.hssk.citizen;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A citizen's feedback or complaint to the health station of the commune their record belonged to when they wrote,
 * and the station's answer. It is answered, possibly again, then closed; it is never deleted.
 */
@Entity
@Table(name = "citizen_feedback")
public class Feedback extends CitizenMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FeedbackCategory category;

    @Column(nullable = false, length = 4000)
    private String body;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "MEDIUMBLOB")
    private byte[] photo;

    @Column(name = "photo_type", length = 20)
    private String photoType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private FeedbackStatus status;

    @Column(length = 4000)
    private String answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by", length = 100)
    private String answeredBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Feedback() {
    }

    public Feedback(long personId, AdministrativeUnit commune, FeedbackCategory category, String body, byte[] photo,
                    String photoType, String actor) {
        super(personId, commune, actor);
        this.category = category;
        this.body = body;
        this.photo = photo;
        this.photoType = photoType;
        this.status = FeedbackStatus.OPEN;
    }

    /** The station's answer; a later answer replaces it (the audit keeps the earlier one). Not once closed. */
    public void answer(String text, String actor) {
        requireOpen();
        this.answer = text;
        this.answeredAt = Instant.now();
        this.answeredBy = actor;
        this.status = FeedbackStatus.ANSWERED;
        recordChange(actor);
    }

    public void close(String actor) {
        requireOpen();
        this.closedAt = Instant.now();
        this.status = FeedbackStatus.CLOSED;
        recordChange(actor);
    }

    private void requireOpen() {
        if (status == FeedbackStatus.CLOSED) {
            throw ProblemException.conflict(ProblemException.FieldError.coded("status", "feedback.closed",
                    "This feedback is closed"));
        }
    }

    @Override
    public Long getId() {
        return id;
    }

    public FeedbackCategory getCategory() {
        return category;
    }

    public String getBody() {
        return body;
    }

    public byte[] getPhoto() {
        return photo;
    }

    public String getPhotoType() {
        return photoType;
    }

    public boolean hasPhoto() {
        return photoType != null;
    }

    public FeedbackStatus getStatus() {
        return status;
    }

    public String getAnswer() {
        return answer;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
