package vn.hssk.plan.rest;

import java.time.LocalDate;
import java.util.List;
import vn.hssk.plan.PlanDetails;

/** A plan as sent: the unit (by code; the province when absent), its details, and the version when revising. */
public record PlanRequest(String unitCode, String title, String docNumber, LocalDate issuedOn, String purpose,
                          LocalDate periodFrom, LocalDate periodTo, List<PlanDetails.Basis> legalBasis,
                          List<PlanDetails.Phase> phases, List<PlanDetails.Task> tasks, Integer version) {

    PlanDetails details() {
        return new PlanDetails(title, docNumber, issuedOn, purpose, periodFrom, periodTo, legalBasis, phases, tasks);
    }
}
