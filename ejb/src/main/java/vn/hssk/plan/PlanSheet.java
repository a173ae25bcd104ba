package vn.hssk.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A plan as screens and the API show it: header, legal basis, phases, tasks (with overdue marked) and counts. */
public record PlanSheet(long id, long unitId, String unitCode, String unitName, String title, String docNumber,
                        LocalDate issuedOn, String purpose, LocalDate periodFrom, LocalDate periodTo, Long copiedFrom,
                        List<PlanDetails.Basis> legalBasis, List<PlanDetails.Phase> phases, List<TaskLine> tasks,
                        long overdue, int version) implements Serializable {

    /** A task with its id and whether it is overdue today. */
    public record TaskLine(long id, int position, Integer phase, String name, String content, String leadUnit,
                           String coordinatingUnits, String expectedResult, LocalDate deadline, TaskStatus status,
                           boolean overdue) implements Serializable {
    }

    static PlanSheet of(Plan p, LocalDate today) {
        List<TaskLine> tasks = p.getTasks().stream().map(t -> new TaskLine(t.getId(), t.getPosition(),
                t.getPhasePosition(), t.getName(), t.getContent(), t.getLeadUnit(), t.getCoordinatingUnits(),
                t.getExpectedResult(), t.getDeadline(), t.getStatus(), t.isOverdue(today))).toList();
        return new PlanSheet(p.getId(), p.getUnit().getId(), p.getUnit().getCode(), p.getUnit().getName(),
                p.getTitle(), p.getDocNumber(), p.getIssuedOn(), p.getPurpose(), p.getPeriodFrom(), p.getPeriodTo(),
                p.getCopiedFrom(),
                p.getLegalBasis().stream().map(b -> new PlanDetails.Basis(b.getDocNumber(), b.getIssuedOn(),
                        b.getSummary())).toList(),
                p.getPhases().stream().map(f -> new PlanDetails.Phase(f.getName(), f.getStartsOn(), f.getEndsOn()))
                        .toList(),
                tasks, tasks.stream().filter(TaskLine::overdue).count(), p.getVersion());
    }

    /** The details to revise this plan with (tasks keep their ids). */
    public PlanDetails details() {
        return new PlanDetails(title, docNumber, issuedOn, purpose, periodFrom, periodTo, legalBasis, phases,
                tasks.stream().map(t -> new PlanDetails.Task(t.id(), t.phase(), t.name(), t.content(), t.leadUnit(),
                        t.coordinatingUnits(), t.expectedResult(), t.deadline(), t.status())).toList());
    }
}
