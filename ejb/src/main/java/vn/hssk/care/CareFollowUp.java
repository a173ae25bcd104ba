package vn.hssk.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up of an enrolment: the part D visit that was made for it (blood pressure and weight are the visit's, the
 * blood glucose is kept here as well as in the visit's tests, for the programme's trend). Written once; a voided visit
 * stops counting as a follow-up.
 */
@Entity
@Table(name = "care_follow_up")
public class CareFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enrolment_id", nullable = false)
    private long enrolmentId;

    @Column(name = "visit_id", nullable = false)
    private long visitId;

    @Column(name = "visit_date", nullable = false)
    private LocalDate visitDate;

    @Column(name = "glucose_mmol", precision = 4, scale = 1)
    private BigDecimal glucoseMmol;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected CareFollowUp() {
    }

    CareFollowUp(CareEnrolment enrolment, long visitId, LocalDate visitDate, BigDecimal glucoseMmol, String actor) {
        enrolment.requireFollowUpOn(visitDate);
        this.enrolmentId = enrolment.getId();
        this.visitId = visitId;
        this.visitDate = visitDate;
        this.glucoseMmol = glucoseMmol;
        this.createdAt = Instant.now();
        this.createdBy = actor;
    }

    public Long getId() {
        return id;
    }

    public long getEnrolmentId() {
        return enrolmentId;
    }

    public long getVisitId() {
        return visitId;
    }

    public LocalDate getVisitDate() {
        return visitDate;
    }

    public BigDecimal getGlucoseMmol() {
        return glucoseMmol;
    }
}
