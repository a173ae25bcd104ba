package vn.hssk.care.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.care.CareProgramme;
import vn.hssk.care.CareService;
import vn.hssk.care.EnrolmentView;
import vn.hssk.care.FollowUpDetails;
import vn.hssk.record.Person;
import vn.hssk.record.PersonService;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;

/**
 * A person's programmes of follow-up ({@code care/person.xhtml?person=}): the enrolments with their follow-ups and the
 * next one due; station staff enrol the person, record a follow-up visit (it lands in part D) and end an enrolment.
 */
@Named
@ViewScoped
public class CarePersonView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CareService care;

    @Inject
    private PersonService persons;

    @Inject
    private Language language;

    @Inject
    private Dates dates;

    private Long person;
    private String personName;
    private List<EnrolmentView> enrolments;
    private List<CareProgramme> programmes;

    private String programme;
    private LocalDate enrolledOn = FieldCheck.today();
    private String note;

    private Long followUpOf;
    private LocalDate visitDate = FieldCheck.today();
    private String examiner;
    private Integer bpSystolic;
    private Integer bpDiastolic;
    private BigDecimal weightKg;
    private BigDecimal glucoseMmol;
    private String followUpNote;

    private Long endOf;
    private LocalDate endedOn = FieldCheck.today();
    private String endReason;

    /** Reads the person (404 for one out of reach) and their enrolments; called on the page's view action. */
    public void load() {
        if (person == null) {
            return;
        }
        try {
            Person p = persons.get(person).person();
            personName = p.getFullName() + " · " + dates.date(p.getBirthDate());
            enrolments = care.enrolments(person);
        } catch (RuntimeException e) {
            personName = null;
            enrolments = null;
            ScreenMessages.failure(e, null);
        }
    }

    public List<CareProgramme> getProgrammes() {
        if (programmes == null) {
            programmes = care.programmes().stream().filter(p -> p.isEnrolment() && p.isActive()).toList();
        }
        return programmes;
    }

    public String programmeName(CareProgramme p) {
        return p.name(language.getLocale());
    }

    public String name(EnrolmentView e) {
        return language.isEnglish() ? e.programmeNameEn() : e.programmeNameVi();
    }

    public void enrol() {
        try {
            care.enrol(person, programme, enrolledOn, note);
            ScreenMessages.info("care.enrolled");
            programme = null;
            note = null;
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "enrol");
        }
    }

    public void startFollowUp(long enrolment) {
        followUpOf = enrolment;
        endOf = null;
    }

    public void recordFollowUp() {
        try {
            care.followUp(person, followUpOf, new FollowUpDetails(visitDate, examiner, bpSystolic, bpDiastolic,
                    weightKg, glucoseMmol, followUpNote));
            ScreenMessages.info("care.followedUp");
            followUpOf = null;
            bpSystolic = null;
            bpDiastolic = null;
            weightKg = null;
            glucoseMmol = null;
            followUpNote = null;
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "followUp");
        }
    }

    public void startEnd(long enrolment) {
        endOf = enrolment;
        followUpOf = null;
    }

    public void end() {
        try {
            EnrolmentView e = enrolments.stream().filter(x -> x.id() == endOf).findFirst().orElseThrow();
            care.end(person, endOf, e.version(), endedOn, endReason);
            ScreenMessages.info("care.ended");
            endOf = null;
            endReason = null;
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "end");
        }
    }

    public void cancel() {
        followUpOf = null;
        endOf = null;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public String getPersonName() {
        return personName;
    }

    public List<EnrolmentView> getEnrolments() {
        return enrolments;
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public LocalDate getEnrolledOn() {
        return enrolledOn;
    }

    public void setEnrolledOn(LocalDate enrolledOn) {
        this.enrolledOn = enrolledOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getFollowUpOf() {
        return followUpOf;
    }

    public LocalDate getVisitDate() {
        return visitDate;
    }

    public void setVisitDate(LocalDate visitDate) {
        this.visitDate = visitDate;
    }

    public String getExaminer() {
        return examiner;
    }

    public void setExaminer(String examiner) {
        this.examiner = examiner;
    }

    public Integer getBpSystolic() {
        return bpSystolic;
    }

    public void setBpSystolic(Integer bpSystolic) {
        this.bpSystolic = bpSystolic;
    }

    public Integer getBpDiastolic() {
        return bpDiastolic;
    }

    public void setBpDiastolic(Integer bpDiastolic) {
        this.bpDiastolic = bpDiastolic;
    }

    public BigDecimal getWeightKg() {
        return weightKg;
    }

    public void setWeightKg(BigDecimal weightKg) {
        this.weightKg = weightKg;
    }

    public BigDecimal getGlucoseMmol() {
        return glucoseMmol;
    }

    public void setGlucoseMmol(BigDecimal glucoseMmol) {
        this.glucoseMmol = glucoseMmol;
    }

    public String getFollowUpNote() {
        return followUpNote;
    }

    public void setFollowUpNote(String followUpNote) {
        this.followUpNote = followUpNote;
    }

    public Long getEndOf() {
        return endOf;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public void setEndedOn(LocalDate endedOn) {
        this.endedOn = endedOn;
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }
}
