package vn.hssk.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.hssk.record.Person;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;

/**
 * A person taken into a programme of follow-up (hypertension, diabetes, a pregnancy): from the day of enrolment the
 * station owes them a follow-up every interval of the programme until the enrolment ends (a pregnancy delivered, a
 * person moved away or deceased). It is never deleted; one open enrolment per person and programme.
 */
@Entity
@Table(name = "care_enrolment")
public class CareEnrolment extends Audited {

    static final int MAX_NOTE = 1000;
    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Column(nullable = false, length = 20)
    private String programme;

    @Column(name = "enrolled_on", nullable = false)
    private LocalDate enrolledOn;

    @Column(length = MAX_NOTE)
    private String note;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason", length = MAX_REASON)
    private String endReason;

    /** 1 while open, NULL once ended: the unique key on person and programme counts open enrolments only. */
    @Column(name = "open")
    private Integer open = 1;

    protected CareEnrolment() {
    }

    /**
     * Enrols {@code person} (live, reached by the caller) in {@code programme} on {@code enrolledOn}: a programme
     * that takes enrolments, still kept, of the person's sex when it names one, a day between birth and today.
     */
    public CareEnrolment(Person person, CareProgramme programme, LocalDate enrolledOn, String note, String actor) {
        FieldCheck f = new FieldCheck();
        if (!programme.isEnrolment() || !programme.isActive()) {
            f.fail("programme", "care.notEnrolment", "Nobody is enrolled in this programme", programme.getCode());
        } else if (programme.getSex() != null && programme.getSex() != person.getSex()) {
            f.fail("programme", "care.sex", "This programme is for another sex", programme.getCode());
        }
        LocalDate day = f.pastOrToday("enrolledOn", enrolledOn, "Enrolment date");
        if (day != null && day.isBefore(person.getBirthDate())) {
            f.fail("enrolledOn", "care.beforeBirth", "The enrolment date is before the date of birth");
        } else if (day != null && !CareRules.inAgeRange(programme, person.getBirthDate(), day)) {
            f.fail("programme", "care.ageRange", "This programme is for another age", programme.getCode());
        }
        String text = f.text("note", TextFolding.normalize(note), MAX_NOTE, false, "Note");
        f.throwIfAny();
        this.personId = person.getId();
        this.programme = programme.getCode();
        this.enrolledOn = day;
        this.note = text;
        recordCreation(actor);
    }

    /** Ends the enrolment on {@code day} (not before it began, not in the future) for a stated reason. */
    public void end(LocalDate day, String reason, String actor) {
        if (!isOpen()) {
            throw ProblemException.conflict(FieldError.coded("endedOn", "care.ended", "This enrolment has ended"));
        }
        FieldCheck f = new FieldCheck();
        LocalDate on = f.pastOrToday("endedOn", day, "End date");
        if (on != null && on.isBefore(enrolledOn)) {
            f.fail("endedOn", "care.endBeforeStart", "The enrolment cannot end before it began");
        }
        String why = f.text("reason", TextFolding.normalize(reason), MAX_REASON, true, "Reason");
        f.throwIfAny();
        this.endedOn = on;
        this.endReason = why;
        this.open = null;
        recordChange(actor);
    }

    /** A follow-up may be recorded for an open enrolment, on a day from its start. */
    void requireFollowUpOn(LocalDate day) {
        if (!isOpen()) {
            throw ProblemException.conflict(FieldError.coded("enrolment", "care.ended", "This enrolment has ended"));
        }
        if (day != null && day.isBefore(enrolledOn)) {
            throw ProblemException.invalid(FieldError.coded("visitDate", "care.followUpBeforeStart",
                    "A follow-up cannot precede the enrolment"));
        }
    }

    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("programme", programme);
        m.put("enrolledOn", String.valueOf(enrolledOn));
        m.put("note", Objects.toString(note, ""));
        m.put("endedOn", Objects.toString(endedOn, ""));
        m.put("endReason", Objects.toString(endReason, ""));
        return m;
    }

    public boolean isOpen() {
        return open != null;
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getProgramme() {
        return programme;
    }

    public LocalDate getEnrolledOn() {
        return enrolledOn;
    }

    public String getNote() {
        return note;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getEndReason() {
        return endReason;
    }
}
