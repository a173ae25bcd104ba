package vn.hssk.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.shared.FieldCheck;

/**
 * Checks a plan as typed, reporting every bad field at once with its path (e.g. {@code tasks[2].deadline}), and
 * answers the cleaned details: texts trimmed, required parts present, phases and deadlines within sensible dates.
 */
final class PlanFields extends FieldCheck {

    static PlanDetails checked(PlanDetails d) {
        PlanFields check = new PlanFields();
        if (d == null) {
            check.fail("title", "Title is required");
            check.throwIfAny();
        }
        String title = check.text("title", d.title(), 500, true, "Title");
        String docNumber = check.text("docNumber", d.docNumber(), 60, false, "Number");
        String purpose = check.text("purpose", d.purpose(), 20_000, false, "Purpose");
        LocalDate from = check.required("periodFrom", d.periodFrom(), "The first day of the period");
        LocalDate to = check.required("periodTo", d.periodTo(), "The last day of the period");
        if (from != null && to != null && to.isBefore(from)) {
            check.fail("periodTo", "The period ends on or after its first day");
        }
        List<PlanDetails.Basis> basis = new ArrayList<>();
        List<PlanDetails.Basis> givenBasis = d.legalBasis() == null ? List.of() : d.legalBasis();
        for (int i = 0; i < givenBasis.size(); i++) {
            PlanDetails.Basis b = givenBasis.get(i);
            String path = "legalBasis[" + i + "].";
            basis.add(new PlanDetails.Basis(check.text(path + "docNumber", b.docNumber(), 60, true, "Number"),
                    b.issuedOn(), check.text(path + "summary", b.summary(), 1000, false, "Summary")));
        }
        List<PlanDetails.Phase> phases = new ArrayList<>();
        List<PlanDetails.Phase> givenPhases = d.phases() == null ? List.of() : d.phases();
        for (int i = 0; i < givenPhases.size(); i++) {
            PlanDetails.Phase p = givenPhases.get(i);
            String path = "phases[" + i + "].";
            String name = check.text(path + "name", p.name(), 200, true, "Phase name");
            LocalDate starts = check.required(path + "startsOn", p.startsOn(), "Start of the phase");
            LocalDate ends = check.required(path + "endsOn", p.endsOn(), "End of the phase");
            if (starts != null && ends != null && ends.isBefore(starts)) {
                check.fail(path + "endsOn", "A phase ends on or after its start");
            }
            phases.add(new PlanDetails.Phase(name, starts, ends));
        }
        List<PlanDetails.Task> tasks = new ArrayList<>();
        List<PlanDetails.Task> givenTasks = d.tasks() == null ? List.of() : d.tasks();
        for (int i = 0; i < givenTasks.size(); i++) {
            PlanDetails.Task t = givenTasks.get(i);
            String path = "tasks[" + i + "].";
            if (t.phase() != null && (t.phase() < 1 || t.phase() > phases.size())) {
                check.fail(path + "phase", "Phase is the number of one of the plan's phases (1 to " + phases.size()
                        + ")");
            }
            tasks.add(new PlanDetails.Task(t.id(), t.phase(),
                    check.text(path + "name", t.name(), 500, true, "Task"),
                    check.text(path + "content", t.content(), 20_000, false, "Content"),
                    check.text(path + "leadUnit", t.leadUnit(), 200, true, "Lead unit"),
                    check.text(path + "coordinatingUnits", t.coordinatingUnits(), 1000, false, "Coordinating units"),
                    check.text(path + "expectedResult", t.expectedResult(), 20_000, false, "Expected result"),
                    check.required(path + "deadline", t.deadline(), "Deadline"), t.status()));
        }
        check.throwIfAny();
        return new PlanDetails(title, docNumber, d.issuedOn(), purpose, from, to, basis, phases, tasks);
    }
}
