package vn.hssk.plan;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitScope;

/**
 * Plans of the province and its communes: list, read, create, revise, copy to another year and the status of their
 * tasks. Province administrators write; commune roles read the plans of their communes. Every change is audited.
 */
@Stateless
public class PlanService {

    @Resource
    private EJBContext context;

    @Inject
    private PlanRepository plans;

    @Inject
    private ScopedUnits scoped;

    @Inject
    private PlanAudit audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<PlanSheet> plans() {
        CallerIdentity caller = caller();
        return plans.all().stream().filter(p -> UnitScope.reaches(caller, p.getUnit()))
                .map(p -> PlanSheet.of(p, Period.today())).toList();
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public PlanSheet get(long id) {
        return PlanSheet.of(visible(caller(), id), Period.today());
    }

    /** A new plan of a unit (by code; the province when blank). */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public PlanSheet create(String unitCode, PlanDetails details) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = unitCode == null || unitCode.isBlank() ? scoped.province()
                : scoped.byCode(caller, unitCode, "unitCode");
        if (unit.getLevel() == UnitLevel.VILLAGE) {
            throw ProblemException.invalid("unitCode", "A plan belongs to the province, a district or a commune");
        }
        Plan plan = new Plan(unit, PlanFields.checked(details), caller.username());
        plans.add(plan);
        audit.record(caller.username(), PlanAudit.PLAN, plan.getId(), "CREATE", plan.getTitle(), Map.of(),
                summary(plan));
        return PlanSheet.of(plan, Period.today());
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public PlanSheet revise(long id, PlanDetails details, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Plan plan = visible(caller, id);
        if (expectedVersion != null && expectedVersion != plan.getVersion()) {
            throw ProblemException.conflict("version", "The plan was changed by someone else; reload it");
        }
        Map<String, String> before = summary(plan);
        plan.revise(PlanFields.checked(details), caller.username());
        plans.flush();
        audit.record(caller.username(), PlanAudit.PLAN, plan.getId(), "UPDATE", plan.getTitle(), before,
                summary(plan));
        return PlanSheet.of(plan, Period.today());
    }

    /** A copy of the plan for another year: every date moved by the difference of years, tasks not started. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public PlanSheet copyToYear(long id, int year, String title) {
        CallerIdentity caller = caller();
        Plan original = visible(caller, id);
        VillageQuota.checkYear(year);
        int years = year - original.getPeriodFrom().getYear();
        if (years == 0) {
            throw ProblemException.invalid("year", "Copy the plan to another year than "
                    + original.getPeriodFrom().getYear());
        }
        PlanDetails shifted = original.shifted(years);
        if (title != null && !title.isBlank()) {
            shifted = new PlanDetails(title, null, null, shifted.purpose(), shifted.periodFrom(), shifted.periodTo(),
                    shifted.legalBasis(), shifted.phases(), shifted.tasks());
        }
        Plan copy = new Plan(original.getUnit(), PlanFields.checked(shifted), caller.username());
        copy.markCopiedFrom(original);
        plans.add(copy);
        audit.record(caller.username(), PlanAudit.PLAN, copy.getId(), "COPY", copy.getTitle(),
                Map.of("copiedFrom", String.valueOf(original.getId())), summary(copy));
        return PlanSheet.of(copy, Period.today());
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public PlanSheet changeTaskStatus(long planId, long taskId, TaskStatus status) {
        CallerIdentity caller = caller();
        Plan plan = visible(caller, planId);
        PlanTask task = plan.task(taskId);
        String before = task.getStatus().name();
        plan.changeTaskStatus(taskId, status, caller.username());
        plans.flush();
        audit.record(caller.username(), PlanAudit.PLAN, plan.getId(), "UPDATE", plan.getTitle(),
                Map.of("task " + task.getPosition() + " status", before),
                Map.of("task " + task.getPosition() + " status", status.name()));
        return PlanSheet.of(plan, Period.today());
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR})
    public List<PlanAuditEntry> history(long id) {
        Plan plan = visible(caller(), id);
        return audit.of(PlanAudit.PLAN, List.of(plan.getId()), 200);
    }

    private static Map<String, String> summary(Plan p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", p.getTitle());
        m.put("docNumber", p.getDocNumber());
        m.put("issuedOn", p.getIssuedOn() == null ? null : p.getIssuedOn().toString());
        m.put("period", p.getPeriodFrom() + " – " + p.getPeriodTo());
        m.put("purpose", p.getPurpose());
        m.put("legalBasis", String.join("; ", p.getLegalBasis().stream()
                .map(b -> b.getDocNumber() + (b.getIssuedOn() == null ? "" : " " + b.getIssuedOn())).toList()));
        m.put("phases", String.join("; ", p.getPhases().stream()
                .map(f -> f.getName() + " " + f.getStartsOn() + " – " + f.getEndsOn()).toList()));
        for (PlanTask t : p.getTasks()) {
            m.put("task " + t.getPosition(), t.getName() + " | " + t.getLeadUnit() + " | " + t.getDeadline() + " | "
                    + t.getStatus());
        }
        return m;
    }

    private Plan visible(CallerIdentity caller, long id) {
        Plan plan = plans.find(id).orElseThrow(() -> ProblemException.notFound("No plan " + id));
        if (!UnitScope.reaches(caller, plan.getUnit())) {
            throw ProblemException.notFound("No plan " + id);
        }
        return plan;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
