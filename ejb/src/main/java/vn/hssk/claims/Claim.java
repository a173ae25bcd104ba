package vn.hssk.claims;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;

/**
 * One accepted claim (facility + MA_LK, unique): what its summary said and its detail rows, kept as received, and
 * where it stands. It is linked to a person only once (by the matching rule at intake, or by station staff from the
 * review list), and the link makes the part D visit; a claim waiting for review sits in the list of one commune (or
 * the province's only) and may be dismissed with a reason. A linked or dismissed claim does not change again.
 */
@Entity
@Table(name = "claim")
public class Claim extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "envelope_id", nullable = false)
    private long envelopeId;

    @Column(name = "facility_code", nullable = false, length = 10)
    private String facility;

    @Column(name = "claim_key", nullable = false, length = 100)
    private String claimKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    private ClaimEncoding encoding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ClaimStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_rule", nullable = false, length = 12)
    private MatchRule matchRule;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "candidate_id")
    private Long candidateId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "review_commune_id")
    private AdministrativeUnit reviewCommune;

    @Column(name = "review_note", length = 60)
    private String reviewNote;

    @Column(name = "visit_id")
    private Long visitId;

    @Column(name = "patient_code", length = 100)
    private String patientCode;

    @Column(name = "full_name", nullable = false, length = 255)
    private String fullName;

    @Column(name = "personal_id", length = 15)
    private String personalId;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private Integer sex;

    @Column(name = "bhyt_cards", length = 500)
    private String bhytCards;

    @Column(length = 1024)
    private String address;

    @Column(name = "residence_commune", length = 5)
    private String residenceCommune;

    @Column(name = "admitted_at", nullable = false)
    private LocalDateTime admittedAt;

    @Column(name = "discharged_at")
    private LocalDateTime dischargedAt;

    @Column(name = "main_icd", length = 10)
    private String mainIcd;

    @Column(name = "secondary_icds", length = 200)
    private String secondaryIcds;

    @Column(name = "diagnosis_text", length = 2000)
    private String diagnosisText;

    @Column(length = 1000)
    private String reason;

    @Column(name = "referred_from", length = 10)
    private String referredFrom;

    @Column(name = "referred_to", length = 10)
    private String referredTo;

    @Column(name = "referral_paper", length = 50)
    private String referralPaper;

    @Column(name = "treatment_outcome", length = 5)
    private String treatmentOutcome;

    @Column(name = "discharge_type", length = 5)
    private String dischargeType;

    @Column(length = 2000)
    private String advice;

    @Column(name = "weight_kg", precision = 7, scale = 2)
    private BigDecimal weightKg;

    @Column(name = "follow_up", length = 50)
    private String followUp;

    @Column(name = "dismiss_reason", length = 500)
    private String dismissReason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "claim_line", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderColumn(name = "position")
    private List<ClaimLine> lines = new ArrayList<>();

    protected Claim() {
    }

    /** A claim that read without issue, received in envelope {@code envelopeId}; it starts waiting for review. */
    public Claim(long envelopeId, ParsedClaim parsed, MatchRule rule, String actor) {
        ClaimSummary s = parsed.summary();
        if (parsed.refused() || s == null) {
            throw new IllegalArgumentException("A refused claim is not stored");
        }
        this.envelopeId = envelopeId;
        this.facility = cut(parsed.facility(), 10);
        this.claimKey = cut(s.claimKey(), 100);
        this.encoding = s.encoding();
        this.status = ClaimStatus.REVIEW;
        this.matchRule = rule;
        this.patientCode = cut(s.patientCode(), 100);
        this.fullName = cut(s.fullName(), 255);
        this.personalId = cut(s.personalId(), 15);
        this.birthDate = s.birthDate();
        this.sex = s.sex();
        this.bhytCards = cut(String.join(";", s.bhytCards()), 500);
        this.address = cut(s.address(), 1024);
        this.residenceCommune = s.residenceCommune();
        this.admittedAt = s.admittedAt();
        this.dischargedAt = s.dischargedAt();
        this.mainIcd = cut(s.mainIcd(), 10);
        this.secondaryIcds = cut(String.join(";", s.secondaryIcds()), 200);
        this.diagnosisText = cut(s.diagnosisText(), 2000);
        this.reason = cut(s.reason(), 1000);
        this.referredFrom = cut(s.referredFrom(), 10);
        this.referredTo = cut(s.referredTo(), 10);
        this.referralPaper = cut(s.referralPaper(), 50);
        this.treatmentOutcome = cut(s.outcome(), 5);
        this.dischargeType = cut(s.dischargeType(), 5);
        this.advice = cut(s.advice(), 2000);
        this.weightKg = s.weightKg() != null && s.weightKg().abs().compareTo(BigDecimal.valueOf(99999)) < 0
                ? s.weightKg() : null;
        this.followUp = cut(s.followUp(), 50);
        parsed.lines().forEach(l -> lines.add(new ClaimLine(l)));
        recordCreation(actor);
    }

    /** Waits in the list of {@code commune} (null: the province's list), with an optional candidate and a note. */
    public void holdForReview(AdministrativeUnit commune, Long candidate, String note) {
        this.reviewCommune = commune;
        this.candidateId = candidate;
        this.reviewNote = note;
    }

    /** The claim became visit {@code visit} of person {@code person}. */
    public void link(long person, long visit, MatchRule rule, String actor) {
        requireWaiting();
        this.status = ClaimStatus.LINKED;
        this.personId = person;
        this.visitId = visit;
        this.matchRule = rule;
        this.decidedAt = Instant.now();
        this.decidedBy = actor;
        recordChange(actor);
    }

    public void dismiss(String why, String actor) {
        requireWaiting();
        if (why == null || why.isBlank()) {
            throw ProblemException.invalid(FieldError.coded("reason", "required", "Reason is required", "reason"));
        }
        if (why.strip().length() > 500) {
            throw ProblemException.invalid(FieldError.coded("reason", "tooLong", "Reason: at most 500 characters",
                    "reason", 500));
        }
        this.status = ClaimStatus.DISMISSED;
        this.dismissReason = why.strip();
        this.decidedAt = Instant.now();
        this.decidedBy = actor;
        recordChange(actor);
    }

    private void requireWaiting() {
        if (status != ClaimStatus.REVIEW) {
            throw ProblemException.conflict(FieldError.coded("status", "claims.notWaiting",
                    "Claim " + claimKey + " is no longer waiting for review (" + status + ")", claimKey, status));
        }
    }

    static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    public List<String> secondaryIcdList() {
        return secondaryIcds == null || secondaryIcds.isEmpty() ? List.of()
                : Arrays.asList(secondaryIcds.split(";"));
    }

    public Long getId() {
        return id;
    }

    public long getEnvelopeId() {
        return envelopeId;
    }

    public String getFacility() {
        return facility;
    }

    public String getClaimKey() {
        return claimKey;
    }

    public ClaimEncoding getEncoding() {
        return encoding;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public MatchRule getMatchRule() {
        return matchRule;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public AdministrativeUnit getReviewCommune() {
        return reviewCommune;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public Long getVisitId() {
        return visitId;
    }

    public String getPatientCode() {
        return patientCode;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPersonalId() {
        return personalId;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Integer getSex() {
        return sex;
    }

    public String getBhytCards() {
        return bhytCards;
    }

    public String getAddress() {
        return address;
    }

    public String getResidenceCommune() {
        return residenceCommune;
    }

    public LocalDateTime getAdmittedAt() {
        return admittedAt;
    }

    public LocalDateTime getDischargedAt() {
        return dischargedAt;
    }

    public String getMainIcd() {
        return mainIcd;
    }

    public String getDiagnosisText() {
        return diagnosisText;
    }

    public String getReason() {
        return reason;
    }

    public String getReferredFrom() {
        return referredFrom;
    }

    public String getReferredTo() {
        return referredTo;
    }

    public String getReferralPaper() {
        return referralPaper;
    }

    public String getTreatmentOutcome() {
        return treatmentOutcome;
    }

    public String getDischargeType() {
        return dischargeType;
    }

    public String getAdvice() {
        return advice;
    }

    public BigDecimal getWeightKg() {
        return weightKg;
    }

    public String getFollowUp() {
        return followUp;
    }

    public String getDismissReason() {
        return dismissReason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public List<ClaimLine> getLines() {
        return List.copyOf(lines);
    }
}
