package vn.hssk.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A plan (kế hoạch) of a province or commune: title, number and date, the documents it rests on, its purpose and
 * period, its phases and its tasks. Its fields are checked as a whole by {@link PlanFields} before they reach it;
 * a plan is copied to another year with every date shifted and every task back to not started.
 */
@Entity
@Table(name = "plan")
public class Plan extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private AdministrativeUnit unit;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "doc_number", length = 60)
    private String docNumber;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(columnDefinition = "TEXT")
    private String purpose;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "copied_from")
    private Long copiedFrom;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_legal_basis", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<LegalBasis> legalBasis = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "plan_phase", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<PlanPhase> phases = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<PlanTask> tasks = new ArrayList<>();

    protected Plan() {
    }

    public Plan(AdministrativeUnit unit, PlanDetails details, String actor) {
        if (unit == null) {
            throw ProblemException.invalid("unitId", "A plan belongs to a province or commune");
        }
        this.unit = unit;
        apply(details);
        recordCreation(actor);
    }

    public void revise(PlanDetails details, String actor) {
        apply(details);
        recordChange(actor);
    }

    private void apply(PlanDetails d) {
        this.title = d.title();
        this.docNumber = d.docNumber();
        this.issuedOn = d.issuedOn();
        this.purpose = d.purpose();
        this.periodFrom = d.periodFrom();
        this.periodTo = d.periodTo();
        legalBasis.clear();
        for (PlanDetails.Basis b : d.legalBasis() == null ? List.<PlanDetails.Basis>of() : d.legalBasis()) {
            legalBasis.add(new LegalBasis(b.docNumber(), b.issuedOn(), b.summary()));
        }
        phases.clear();
        for (PlanDetails.Phase p : d.phases() == null ? List.<PlanDetails.Phase>of() : d.phases()) {
            phases.add(new PlanPhase(p.name(), p.startsOn(), p.endsOn()));
        }
        Map<Long, PlanTask> existing = new HashMap<>();
        tasks.forEach(t -> existing.put(t.getId(), t));
        List<PlanTask> kept = new ArrayList<>();
        int position = 1;
        for (PlanDetails.Task t : d.tasks() == null ? List.<PlanDetails.Task>of() : d.tasks()) {
            PlanTask task = t.id() == null ? null : existing.remove(t.id());
            if (task == null) {
                task = new PlanTask(this, position, t);
            } else {
                task.revise(position, t);
            }
            kept.add(task);
            position++;
        }
        tasks.clear();
        tasks.addAll(kept);
    }

    /** The details of this plan moved by {@code years}: a plan for another year starts from them. */
    public PlanDetails shifted(int years) {
        return new PlanDetails(title, null, null, purpose, periodFrom.plusYears(years), periodTo.plusYears(years),
                legalBasis.stream().map(b -> new PlanDetails.Basis(b.getDocNumber(), b.getIssuedOn(), b.getSummary()))
                        .toList(),
                phases.stream().map(p -> new PlanDetails.Phase(p.getName(), p.getStartsOn().plusYears(years),
                        p.getEndsOn().plusYears(years))).toList(),
                tasks.stream().map(t -> t.shifted(years)).toList());
    }

    void markCopiedFrom(Plan original) {
        this.copiedFrom = original.getId();
    }

    public PlanTask task(long taskId) {
        return tasks.stream().filter(t -> t.getId() == taskId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No task " + taskId + " in plan " + id));
    }

    public void changeTaskStatus(long taskId, TaskStatus status, String actor) {
        if (status == null) {
            throw ProblemException.invalid("status", "Status is one of NOT_STARTED, IN_PROGRESS, DONE, CANCELLED");
        }
        task(taskId).changeStatus(status);
        recordChange(actor);
    }

    public long overdueTasks(LocalDate today) {
        return tasks.stream().filter(t -> t.isOverdue(today)).count();
    }

    public Long getId() {
        return id;
    }

    public AdministrativeUnit getUnit() {
        return unit;
    }

    public String getTitle() {
        return title;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getPurpose() {
        return purpose;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public Long getCopiedFrom() {
        return copiedFrom;
    }

    public List<LegalBasis> getLegalBasis() {
        return legalBasis;
    }

    public List<PlanPhase> getPhases() {
        return phases;
    }

    public List<PlanTask> getTasks() {
        return tasks;
    }
}
