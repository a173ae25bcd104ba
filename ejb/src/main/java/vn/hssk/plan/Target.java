package vn.hssk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A target (chỉ tiêu): an indicator of the catalog for one unit and one period, from a baseline to a target value,
 * e.g. Cần Thơ's share of the population with a record from 12 % to 82 %. Only these figures are typed; the progress
 * is always computed. A percentage lies between 0 and 100.
 */
@Entity
@Table(name = "target")
public class Target extends Audited {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "indicator_id")
    private Indicator indicator;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private AdministrativeUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal baseline;

    @Column(name = "target_value", nullable = false, precision = 14, scale = 2)
    private BigDecimal targetValue;

    @Column(length = 500)
    private String note;

    protected Target() {
    }

    public Target(Indicator indicator, AdministrativeUnit unit, Plan plan, LocalDate from, LocalDate to,
                  BigDecimal baseline, BigDecimal targetValue, String note, String actor) {
        if (indicator == null) {
            throw ProblemException.invalid("indicatorId", "Choose an indicator of the catalog");
        }
        if (unit == null) {
            throw ProblemException.invalid("unitId", "Choose the unit of the target");
        }
        this.indicator = indicator;
        this.unit = unit;
        this.plan = plan;
        apply(from, to, baseline, targetValue, note);
        recordCreation(actor);
    }

    public void revise(LocalDate from, LocalDate to, BigDecimal newBaseline, BigDecimal newTarget, String newNote,
                       String actor) {
        apply(from, to, newBaseline, newTarget, newNote);
        recordChange(actor);
    }

    private void apply(LocalDate from, LocalDate to, BigDecimal base, BigDecimal target, String text) {
        if (from == null) {
            throw ProblemException.invalid("periodFrom", "The first day of the period is required");
        }
        if (to == null || to.isBefore(from)) {
            throw ProblemException.invalid("periodTo", "The period ends on or after its first day");
        }
        checkValue("baseline", base);
        checkValue("targetValue", target);
        if (text != null && text.length() > 500) {
            throw ProblemException.invalid("note", "Note is at most 500 characters");
        }
        this.periodFrom = from;
        this.periodTo = to;
        this.baseline = base;
        this.targetValue = target;
        this.note = text == null || text.isBlank() ? null : text.strip();
    }

    private void checkValue(String field, BigDecimal value) {
        if (value == null) {
            throw ProblemException.invalid(field, "A value is required");
        }
        if (value.signum() < 0) {
            throw ProblemException.invalid(field, "A value cannot be negative");
        }
        if (indicator.getUnitKind() == IndicatorUnit.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw ProblemException.invalid(field, "A percentage is at most 100");
        }
    }

    /** Whether this target's period shares a day with the given one. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !periodFrom.isAfter(to) && !periodTo.isBefore(from);
    }

    public Long getId() {
        return id;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public AdministrativeUnit getUnit() {
        return unit;
    }

    public Plan getPlan() {
        return plan;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public BigDecimal getBaseline() {
        return baseline;
    }

    public BigDecimal getTargetValue() {
        return targetValue;
    }

    public String getNote() {
        return note;
    }
}
