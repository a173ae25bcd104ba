package vn.hssk.immunization;

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
import java.time.LocalDate;
import vn.hssk.household.Sex;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * One dose of a vaccine's series in the national schedule, in force from {@code validFrom} to {@code validTo}. The
 * schedule is data because circulars change it (TT 10/2024, TT 52/2025, TT 13/2026): a change ends the old row
 * ({@link #end}) and adds a new one, so a dose given in 2025 is still checked against the rule of 2025. A dose with a
 * recommended or minimum age is age-based (childhood); one with only an interval follows the previous dose.
 */
@Entity
@Table(name = "schedule_dose")
public class ScheduleDose extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "vaccine_id", nullable = false)
    private Vaccine vaccine;

    @Column(name = "dose_number", nullable = false)
    private int doseNumber;

    @Column(name = "dose_label", nullable = false, length = 40)
    private String doseLabel;

    @Column(name = "target_group", length = 200)
    private String targetGroup;

    @Enumerated(EnumType.STRING)
    @Column(length = 6)
    private Sex sex;

    @Column(name = "recommended_age_months")
    private Integer recommendedAgeMonths;

    @Column(name = "recommended_age_days")
    private Integer recommendedAgeDays;

    @Column(name = "minimum_age_months")
    private Integer minimumAgeMonths;

    @Column(name = "minimum_age_days")
    private Integer minimumAgeDays;

    @Column(name = "min_interval_months")
    private Integer minIntervalMonths;

    @Column(name = "min_interval_days")
    private Integer minIntervalDays;

    @Column(nullable = false)
    private boolean routine;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "legal_basis", length = 1000)
    private String legalBasis;

    @Column(length = 20)
    private String confidence;

    @Column(length = 1000)
    private String notes;

    @Column(name = "source_id")
    private Long sourceId;

    protected ScheduleDose() {
    }

    public ScheduleDose(Vaccine vaccine, ScheduleDoseDetails details, Long sourceId, String actor) {
        this.vaccine = vaccine;
        this.sourceId = sourceId;
        FieldCheck check = new FieldCheck();
        if (details.doseNumber() == null || details.doseNumber() < 1 || details.doseNumber() > 20) {
            check.fail("doseNumber", "schedule.doseNumber", "Dose number is between 1 and 20");
        }
        String label = check.text("doseLabel", details.doseLabel(), 40, false, "Dose label");
        check.text("targetGroup", details.targetGroup(), 200, false, "Target group");
        check.text("legalBasis", details.legalBasis(), 1000, false, "Legal basis");
        check.text("notes", details.notes(), 1000, false, "Notes");
        check.required("validFrom", details.validFrom(), "Valid from");
        if (details.validFrom() != null && details.validTo() != null && details.validTo().isBefore(details.validFrom())) {
            check.fail("validTo", "schedule.validTo", "Valid to cannot be before valid from");
        }
        if (details.recommendedAge() == null && details.minimumAge() == null && details.minInterval() == null
                && details.doseNumber() != null && details.doseNumber() > 1 && details.routine()) {
            check.fail("minInterval", "schedule.interval",
                    "A routine later dose needs an age or an interval from the previous dose");
        }
        check.throwIfAny();
        this.doseNumber = details.doseNumber();
        this.doseLabel = label == null ? String.valueOf(details.doseNumber()) : label;
        this.targetGroup = blank(details.targetGroup());
        this.sex = details.sex();
        AgeSpan r = details.recommendedAge();
        this.recommendedAgeMonths = r == null ? null : r.months();
        this.recommendedAgeDays = r == null ? null : r.days();
        AgeSpan m = details.minimumAge();
        this.minimumAgeMonths = m == null ? null : m.months();
        this.minimumAgeDays = m == null ? null : m.days();
        AgeSpan i = details.minInterval();
        this.minIntervalMonths = i == null ? null : i.months();
        this.minIntervalDays = i == null ? null : i.days();
        this.routine = details.routine();
        this.validFrom = details.validFrom();
        this.validTo = details.validTo();
        this.legalBasis = blank(details.legalBasis());
        this.confidence = blank(details.confidence());
        this.notes = blank(details.notes());
        recordCreation(actor);
    }

    /** Ends the row when a new circular replaces it; the row stays for doses given while it was in force. */
    public void end(LocalDate lastDay, String actor) {
        if (lastDay == null) {
            throw ProblemException.invalid(FieldError.coded("validTo", "required", "Valid to is required", "validTo"));
        }
        if (lastDay.isBefore(validFrom)) {
            throw ProblemException.invalid(FieldError.coded("validTo", "schedule.validToBefore",
                    "Valid to cannot be before valid from " + validFrom, validFrom,
                    ScheduleCheck.day(validFrom)));
        }
        this.validTo = lastDay;
        recordChange(actor);
    }

    public void markRoutine(boolean routine, String actor) {
        this.routine = routine;
        recordChange(actor);
    }

    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** Whether the dose is timed by age (a childhood dose) rather than only by the previous dose or an event. */
    public boolean isAgeBased() {
        return recommendedAgeMonths != null || minimumAgeMonths != null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public Vaccine getVaccine() {
        return vaccine;
    }

    public int getDoseNumber() {
        return doseNumber;
    }

    public String getDoseLabel() {
        return doseLabel;
    }

    public String getTargetGroup() {
        return targetGroup;
    }

    public Sex getSex() {
        return sex;
    }

    public AgeSpan getRecommendedAge() {
        return AgeSpan.of(recommendedAgeMonths, recommendedAgeDays);
    }

    public AgeSpan getMinimumAge() {
        return AgeSpan.of(minimumAgeMonths, minimumAgeDays);
    }

    public AgeSpan getMinInterval() {
        return AgeSpan.of(minIntervalMonths, minIntervalDays);
    }

    public boolean isRoutine() {
        return routine;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public String getConfidence() {
        return confidence;
    }

    public String getNotes() {
        return notes;
    }

    public Long getSourceId() {
        return sourceId;
    }
}
