package vn.hssk.plan.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.plan.PlanDetails;
import vn.hssk.plan.PlanSheet;
import vn.hssk.plan.TaskStatus;

/** The plan form: header fields and editable lines of legal basis, phases and tasks. */
public class PlanDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Integer version;
    private String unitCode;
    private String title;
    private String docNumber;
    private LocalDate issuedOn;
    private String purpose;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private final List<Basis> basis = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();

    /** A legal basis line. */
    public static class Basis implements Serializable {
        private static final long serialVersionUID = 1L;
        private String docNumber;
        private LocalDate issuedOn;
        private String summary;

        public String getDocNumber() {
            return docNumber;
        }

        public void setDocNumber(String docNumber) {
            this.docNumber = docNumber;
        }

        public LocalDate getIssuedOn() {
            return issuedOn;
        }

        public void setIssuedOn(LocalDate issuedOn) {
            this.issuedOn = issuedOn;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }
    }

    /** A phase line. */
    public static class Phase implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private LocalDate startsOn;
        private LocalDate endsOn;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public LocalDate getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(LocalDate startsOn) {
            this.startsOn = startsOn;
        }

        public LocalDate getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(LocalDate endsOn) {
            this.endsOn = endsOn;
        }
    }

    /** A task line. */
    public static class Task implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private Integer phase;
        private String name;
        private String content;
        private String leadUnit;
        private String coordinatingUnits;
        private String expectedResult;
        private LocalDate deadline;
        private TaskStatus status = TaskStatus.NOT_STARTED;

        public Integer getPhase() {
            return phase;
        }

        public void setPhase(Integer phase) {
            this.phase = phase;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getLeadUnit() {
            return leadUnit;
        }

        public void setLeadUnit(String leadUnit) {
            this.leadUnit = leadUnit;
        }

        public String getCoordinatingUnits() {
            return coordinatingUnits;
        }

        public void setCoordinatingUnits(String coordinatingUnits) {
            this.coordinatingUnits = coordinatingUnits;
        }

        public String getExpectedResult() {
            return expectedResult;
        }

        public void setExpectedResult(String expectedResult) {
            this.expectedResult = expectedResult;
        }

        public LocalDate getDeadline() {
            return deadline;
        }

        public void setDeadline(LocalDate deadline) {
            this.deadline = deadline;
        }

        public TaskStatus getStatus() {
            return status;
        }

        public void setStatus(TaskStatus status) {
            this.status = status;
        }
    }

    static PlanDraft of(PlanSheet p) {
        PlanDraft d = new PlanDraft();
        d.id = p.id();
        d.version = p.version();
        d.unitCode = p.unitCode();
        d.title = p.title();
        d.docNumber = p.docNumber();
        d.issuedOn = p.issuedOn();
        d.purpose = p.purpose();
        d.periodFrom = p.periodFrom();
        d.periodTo = p.periodTo();
        p.legalBasis().forEach(b -> {
            Basis line = new Basis();
            line.docNumber = b.docNumber();
            line.issuedOn = b.issuedOn();
            line.summary = b.summary();
            d.basis.add(line);
        });
        p.phases().forEach(f -> {
            Phase line = new Phase();
            line.name = f.name();
            line.startsOn = f.startsOn();
            line.endsOn = f.endsOn();
            d.phases.add(line);
        });
        p.tasks().forEach(t -> {
            Task line = new Task();
            line.id = t.id();
            line.phase = t.phase();
            line.name = t.name();
            line.content = t.content();
            line.leadUnit = t.leadUnit();
            line.coordinatingUnits = t.coordinatingUnits();
            line.expectedResult = t.expectedResult();
            line.deadline = t.deadline();
            line.status = t.status();
            d.tasks.add(line);
        });
        return d;
    }

    PlanDetails details() {
        return new PlanDetails(title, docNumber, issuedOn, purpose, periodFrom, periodTo,
                basis.stream().map(b -> new PlanDetails.Basis(b.docNumber, b.issuedOn, b.summary)).toList(),
                phases.stream().map(f -> new PlanDetails.Phase(f.name, f.startsOn, f.endsOn)).toList(),
                tasks.stream().map(t -> new PlanDetails.Task(t.id, t.phase, t.name, t.content, t.leadUnit,
                        t.coordinatingUnits, t.expectedResult, t.deadline, t.status)).toList());
    }

    public boolean isNew() {
        return id == null;
    }

    public void addBasis() {
        basis.add(new Basis());
    }

    public void addPhase() {
        phases.add(new Phase());
    }

    public void addTask() {
        tasks.add(new Task());
    }

    public void removeTask(Task task) {
        tasks.remove(task);
    }

    public Long getId() {
        return id;
    }

    public Integer getVersion() {
        return version;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public void setDocNumber(String docNumber) {
        this.docNumber = docNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public void setPeriodFrom(LocalDate periodFrom) {
        this.periodFrom = periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public void setPeriodTo(LocalDate periodTo) {
        this.periodTo = periodTo;
    }

    public List<Basis> getBasis() {
        return basis;
    }

    public List<Phase> getPhases() {
        return phases;
    }

    public List<Task> getTasks() {
        return tasks;
    }
}
