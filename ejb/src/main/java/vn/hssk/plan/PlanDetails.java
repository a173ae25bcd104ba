package vn.hssk.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** What a province administrator types for a plan: its header, legal basis, phases and tasks. */
public record PlanDetails(String title, String docNumber, LocalDate issuedOn, String purpose, LocalDate periodFrom,
                          LocalDate periodTo, List<Basis> legalBasis, List<Phase> phases, List<Task> tasks) {

    /** A document the plan rests on. */
    public record Basis(String docNumber, LocalDate issuedOn, String summary) implements Serializable {
    }

    /** A phase with its dates. */
    public record Phase(String name, LocalDate startsOn, LocalDate endsOn) implements Serializable {
    }

    /**
     * A task; {@code id} names an existing task when a plan is revised (its status is kept unless given),
     * {@code phase} is the 1-based position of its phase or null.
     */
    public record Task(Long id, Integer phase, String name, String content, String leadUnit, String coordinatingUnits,
                       String expectedResult, LocalDate deadline, TaskStatus status) {
    }
}
