package vn.hssk.review;

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
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import vn.hssk.household.Sex;
import vn.hssk.record.EntrySource;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;

/**
 * One case of the province's personal-ID review list ({@link ReviewKind}): the ID, what was entered with it (name,
 * birth date, sex, village), by whom and from where, the record that holds the ID (for an attempt refused without
 * telling why) or the record saved with it (for an unknown prefix), how many times it was attempted, and the
 * province administrator's resolution with its note. A case is closed, never deleted.
 */
@Entity
@Table(name = "personal_id_review")
public class PersonalIdReview extends vn.hssk.shared.Audited implements Serializable {

    static final int MAX_NOTE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReviewKind kind;

    @Column(name = "personal_id", nullable = false, length = 12)
    private String personalId;

    @Column(name = "holder_id")
    private Long holderId;

    @Column(name = "person_id")
    private Long personId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "village_id", nullable = false)
    private AdministrativeUnit village;

    @Column(name = "full_name", length = 200)
    private String fullName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 6)
    private Sex sex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EntrySource source;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "first_at", nullable = false)
    private Instant firstAt;

    @Column(name = "last_at", nullable = false)
    private Instant lastAt;

    @Column(name = "last_by", nullable = false, length = 100)
    private String lastBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ReviewStatus status;

    @Column(name = "resolution_note", length = MAX_NOTE)
    private String resolutionNote;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by", length = 100)
    private String resolvedBy;

    /** Unique while the case is open (see the migration), so one ID and village has one open case. */
    @Column(name = "open_key", length = 80)
    private String openKey;

    protected PersonalIdReview() {
    }

    PersonalIdReview(ReviewKind kind, String personalId, Long holderId, Long personId, AdministrativeUnit village,
                     String fullName, LocalDate birthDate, Sex sex, EntrySource source, String actor) {
        this.kind = kind;
        this.personalId = personalId;
        this.holderId = holderId;
        this.personId = personId;
        this.village = village;
        this.fullName = fullName == null || fullName.isBlank() ? null : cut(fullName.strip(), 200);
        this.birthDate = birthDate;
        this.sex = sex;
        this.source = source;
        this.attempts = 1;
        this.firstAt = Instant.now();
        this.lastAt = firstAt;
        this.lastBy = actor;
        this.status = ReviewStatus.OPEN;
        this.openKey = kind + ":" + personalId + ":" + village.getId();
        recordCreation(actor);
    }

    /** The same ID was tried again for the same village: counted, with the latest entry kept. */
    void attemptedAgain(Long holder, String name, LocalDate born, Sex s, EntrySource from, String actor) {
        this.attempts++;
        this.holderId = holder == null ? holderId : holder;
        this.fullName = name == null || name.isBlank() ? fullName : cut(name.strip(), 200);
        this.birthDate = born == null ? birthDate : born;
        this.sex = s == null ? sex : s;
        this.source = from;
        this.lastAt = Instant.now();
        this.lastBy = actor;
        recordChange(actor);
    }

    /** Closes the case as {@code outcome} (RESOLVED or REJECTED) with the administrator's note, which is required. */
    void resolve(ReviewStatus outcome, String note, String actor) {
        if (status != ReviewStatus.OPEN) {
            throw ProblemException.conflict(FieldError.coded("status", "review.closed",
                    "This case was already closed by " + resolvedBy, resolvedBy));
        }
        if (outcome == null || outcome == ReviewStatus.OPEN) {
            throw ProblemException.invalid(FieldError.coded("outcome", "review.outcome",
                    "outcome is RESOLVED or REJECTED"));
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("note", "required", "Note is required", "note"));
        }
        if (text.length() > MAX_NOTE) {
            throw ProblemException.invalid(FieldError.coded("note", "tooLong", "Note is at most " + MAX_NOTE
                    + " characters", "note", MAX_NOTE));
        }
        this.status = outcome;
        this.resolutionNote = text;
        this.resolvedAt = Instant.now();
        this.resolvedBy = actor;
        this.openKey = null;
        recordChange(actor);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public ReviewKind getKind() {
        return kind;
    }

    public String getPersonalId() {
        return personalId;
    }

    public Long getHolderId() {
        return holderId;
    }

    public Long getPersonId() {
        return personId;
    }

    public AdministrativeUnit getVillage() {
        return village;
    }

    public String getFullName() {
        return fullName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public EntrySource getSource() {
        return source;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getFirstAt() {
        return firstAt;
    }

    public Instant getLastAt() {
        return lastAt;
    }

    public String getLastBy() {
        return lastBy;
    }

    public ReviewStatus getStatus() {
        return status;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }
}
