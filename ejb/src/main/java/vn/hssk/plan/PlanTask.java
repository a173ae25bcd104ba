package vn.hssk.plan;

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

/**
 * A task of a plan, a line of its appendix table (seed 001): what to do, the unit that leads it, those that
 * coordinate, the expected result and the deadline, and where it stands. Overdue is derived, never stored.
 */
@Entity
@Table(name = "plan_task")
public class PlanTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(nullable = false)
    private int position;

    @Column(name = "phase_position")
    private Integer phasePosition;

    @Column(nullable = false, length = 500)
    private String name;

    @Column(columnDefinition = "TEXT")
    private String content;

    @Column(name = "lead_unit", nullable = false, length = 200)
    private String leadUnit;

    @Column(name = "coordinating_units", length = 1000)
    private String coordinatingUnits;

    @Column(name = "expected_result", columnDefinition = "TEXT")
    private String expectedResult;

    @Column(nullable = false)
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private TaskStatus status;

    protected PlanTask() {
    }

    PlanTask(Plan plan, int position, PlanDetails.Task details) {
        this.plan = plan;
        this.status = TaskStatus.NOT_STARTED;
        revise(position, details);
    }

    final void revise(int newPosition, PlanDetails.Task d) {
        this.position = newPosition;
        this.phasePosition = d.phase();
        this.name = d.name();
        this.content = d.content();
        this.leadUnit = d.leadUnit();
        this.coordinatingUnits = d.coordinatingUnits();
        this.expectedResult = d.expectedResult();
        this.deadline = d.deadline();
        if (d.status() != null) {
            this.status = d.status();
        }
    }

    void changeStatus(TaskStatus newStatus) {
        this.status = newStatus;
    }

    /** A copy for a plan of another year: dates shifted, not started. */
    PlanDetails.Task shifted(int years) {
        return new PlanDetails.Task(null, phasePosition, name, content, leadUnit, coordinatingUnits, expectedResult,
                deadline.plusYears(years), TaskStatus.NOT_STARTED);
    }

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && deadline.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public Plan getPlan() {
        return plan;
    }

    public int getPosition() {
        return position;
    }

    public Integer getPhasePosition() {
        return phasePosition;
    }

    public String getName() {
        return name;
    }

    public String getContent() {
        return content;
    }

    public String getLeadUnit() {
        return leadUnit;
    }

    public String getCoordinatingUnits() {
        return coordinatingUnits;
    }

    public String getExpectedResult() {
        return expectedResult;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public TaskStatus getStatus() {
        return status;
    }
}
