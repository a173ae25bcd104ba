package vn.hssk.consult;

import jakarta.persistence.Basic;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A station's tele-consultation request to a hospital about one person: the question, the parts of the record shared
 * (the doctor sees these and nothing else), an optional attachment, and the doctor's answer with the part D visit it
 * became. It is sent to an open hospital, then either answered once by the hospital or cancelled by the station
 * while unanswered; after that it no longer changes. The commune is the person's at sending: the station's staff
 * find it by that commune.
 */
@Entity
@Table(name = "consultation")
public class Consultation extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commune_id")
    private AdministrativeUnit commune;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "hospital_id")
    private Hospital hospital;

    @Column(nullable = false, length = ConsultationRequest.MAX_QUESTION)
    private String question;

    @Column(name = "shared_parts", nullable = false, length = 20)
    private String sharedParts;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "MEDIUMBLOB")
    private byte[] attachment;

    @Column(name = "attachment_type", length = 30)
    private String attachmentType;

    @Column(name = "attachment_name", length = ConsultationRequest.MAX_ATTACHMENT_NAME)
    private String attachmentName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ConsultationStatus status;

    @Column(length = ConsultationRequest.MAX_ANSWER)
    private String answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by", length = 100)
    private String answeredBy;

    @Column(name = "visit_id")
    private Long visitId;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by", length = 100)
    private String cancelledBy;

    protected Consultation() {
    }

    /** A request as checked by {@link ConsultationRequest#check}, to an open hospital. */
    public Consultation(long personId, AdministrativeUnit commune, Hospital hospital, ConsultationRequest.Checked r,
                        String actor) {
        if (!hospital.isOpen()) {
            throw ProblemException.invalid(FieldError.coded("hospitalId", "consult.hospitalClosed",
                    "Hospital " + hospital.getName() + " is closed", hospital.getName()));
        }
        this.personId = personId;
        this.commune = commune;
        this.hospital = hospital;
        this.question = r.question();
        this.sharedParts = RecordPart.join(r.parts());
        this.attachment = r.attachment();
        this.attachmentType = r.attachmentType();
        this.attachmentName = r.attachmentName();
        this.status = ConsultationStatus.SENT;
        recordCreation(actor);
    }

    /** The hospital's answer, once; {@code visitId} is the part D visit the answer was written to. */
    public void answer(String text, long visitId, String actor) {
        requireSent();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(FieldError.coded("answer", "required", "The answer is required", "answer"));
        }
        this.answer = text;
        this.visitId = visitId;
        this.answeredAt = Instant.now();
        this.answeredBy = actor;
        this.status = ConsultationStatus.ANSWERED;
        recordChange(actor);
    }

    /** The station withdraws a request the hospital has not answered. */
    public void cancel(String actor) {
        requireSent();
        this.cancelledAt = Instant.now();
        this.cancelledBy = actor;
        this.status = ConsultationStatus.CANCELLED;
        recordChange(actor);
    }

    private void requireSent() {
        if (status != ConsultationStatus.SENT) {
            throw ProblemException.conflict(FieldError.coded("status", "consult.notOpen",
                    "This request is " + status + " and no longer changes", status.name()));
        }
    }

    /** What the audit compares: status, answer, visit. */
    Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("consultation", String.valueOf(id));
        s.put("hospital", hospital.getFacilityCode());
        s.put("sharedParts", sharedParts);
        s.put("status", status.name());
        s.put("answer", answer);
        s.put("visit", visitId == null ? null : String.valueOf(visitId));
        return s;
    }

    public boolean isFor(Hospital h) {
        return hospital.getId().equals(h.getId());
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public AdministrativeUnit getCommune() {
        return commune;
    }

    public Hospital getHospital() {
        return hospital;
    }

    public String getQuestion() {
        return question;
    }

    public Set<RecordPart> getSharedParts() {
        return RecordPart.split(sharedParts);
    }

    public byte[] getAttachment() {
        return attachment;
    }

    public String getAttachmentType() {
        return attachmentType;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public boolean hasAttachment() {
        return attachmentType != null;
    }

    public ConsultationStatus getStatus() {
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

    public Long getVisitId() {
        return visitId;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }
}
