package vn.hssk.plan;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitScope;

/**
 * Targets of catalog indicators per unit and period, with progress computed by the indicator's hook, and the catalog
 * itself (a province adds indicators over the computations that exist). Province administrators set targets;
 * commune roles read those of their communes and villages. Two targets of one indicator and unit never overlap in
 * time; every change is audited with the values before and after.
 */
@Stateless
public class TargetService {

    @Resource
    private EJBContext context;

    @Inject
    private TargetRepository targets;

    @Inject
    private ScopedUnits scoped;

    @Inject
    private PlanRepository plans;

    @Inject
    private PlanAudit audit;

    @Inject
    @Any
    private Instance<IndicatorComputation> computations;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Indicator> indicators() {
        caller();
        return targets.indicators();
    }

    /** The computations an indicator may name: those implemented, and those the built-in catalog already names. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Set<String> computations() {
        caller();
        Set<String> keys = new TreeSet<>();
        computations.forEach(c -> keys.add(c.key()));
        targets.indicators().stream().filter(Indicator::isBuiltIn).forEach(i -> keys.add(i.getComputation()));
        return keys;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Indicator addIndicator(String code, String nameVi, String nameEn, IndicatorUnit unitKind,
                                  String computation, String parameter) {
        CallerIdentity caller = caller();
        if (computation == null || !computations().contains(computation.strip())) {
            throw ProblemException.invalid("computation", "Computation is one of " + computations());
        }
        Indicator indicator = new Indicator(code, nameVi, nameEn, unitKind, computation, parameter,
                caller.username());
        if (targets.indicatorByCode(indicator.getCode()).isPresent()) {
            throw ProblemException.conflict("code", "The catalog already has an indicator " + indicator.getCode());
        }
        targets.add(indicator);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("code", indicator.getCode());
        after.put("nameVi", indicator.getNameVi());
        after.put("computation", indicator.getComputation());
        after.put("parameter", indicator.getParameter());
        targets.flushIndicators();
        audit.record(caller.username(), PlanAudit.INDICATOR, indicator.getId(), "CREATE", indicator.getCode(),
                Map.of(), after);
        return indicator;
    }

    /** The targets the caller may see (of one unit and the units below it, when a code is given), with progress. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<TargetProgress> targets(String unitCode) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = unitCode == null || unitCode.isBlank() ? null
                : scoped.byCode(caller, unitCode, "unit");
        return targets.all().stream()
                .filter(t -> UnitScope.reaches(caller, t.getUnit()))
                .filter(t -> unit == null || isWithin(t.getUnit(), unit))
                .map(this::progress).toList();
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public TargetProgress get(long id) {
        return progress(visible(caller(), id));
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public TargetProgress create(TargetDetails d) {
        CallerIdentity caller = caller();
        if (d == null) {
            throw ProblemException.invalid("indicatorId", "Choose an indicator of the catalog");
        }
        Indicator indicator = d.indicatorId() == null ? null : targets.indicator(d.indicatorId())
                .orElseThrow(() -> ProblemException.invalid("indicatorId", "No indicator " + d.indicatorId()));
        AdministrativeUnit unit = scoped.byCode(caller, d.unitCode(), "unitCode");
        Plan plan = d.planId() == null ? null : plans.find(d.planId())
                .orElseThrow(() -> ProblemException.invalid("planId", "No plan " + d.planId()));
        Target target = new Target(indicator, unit, plan, d.periodFrom(), d.periodTo(), d.baseline(),
                d.targetValue(), d.note(), caller.username());
        refuseOverlap(target, null);
        targets.add(target);
        audit.record(caller.username(), PlanAudit.TARGET, target.getId(), "CREATE", label(target), Map.of(),
                figures(target));
        return progress(target);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public TargetProgress revise(long id, TargetDetails d, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Target target = visible(caller, id);
        if (expectedVersion != null && expectedVersion != target.getVersion()) {
            throw ProblemException.conflict("version", "The target was changed by someone else; reload it");
        }
        Map<String, String> before = figures(target);
        target.revise(d.periodFrom(), d.periodTo(), d.baseline(), d.targetValue(), d.note(), caller.username());
        refuseOverlap(target, target.getId());
        audit.record(caller.username(), PlanAudit.TARGET, target.getId(), "UPDATE", label(target), before,
                figures(target));
        return progress(target);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public void delete(long id) {
        CallerIdentity caller = caller();
        Target target = visible(caller, id);
        audit.record(caller.username(), PlanAudit.TARGET, target.getId(), "DELETE", label(target), figures(target),
                Map.of());
        targets.remove(target);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR})
    public List<PlanAuditEntry> history(long id) {
        Target target = visible(caller(), id);
        return audit.of(PlanAudit.TARGET, List.of(target.getId()), 200);
    }

    private void refuseOverlap(Target target, Long self) {
        for (Target other : targets.of(target.getIndicator().getId(), target.getUnit().getId())) {
            if (!other.getId().equals(self) && other.overlaps(target.getPeriodFrom(), target.getPeriodTo())) {
                throw ProblemException.conflict("periodFrom", "A target of " + target.getIndicator().getCode()
                        + " for " + target.getUnit().getName() + " already covers " + other.getPeriodFrom() + " – "
                        + other.getPeriodTo());
            }
        }
    }

    private static boolean isWithin(AdministrativeUnit unit, AdministrativeUnit ancestor) {
        for (AdministrativeUnit u = unit; u != null; u = u.getParent()) {
            if (u.getId().equals(ancestor.getId())) {
                return true;
            }
        }
        return false;
    }

    TargetProgress progress(Target t) {
        Indicator i = t.getIndicator();
        Optional<BigDecimal> current = Optional.empty();
        for (IndicatorComputation c : computations) {
            if (c.key().equals(i.getComputation())) {
                current = c.value(i, t.getUnit(), new IndicatorComputation.TargetPeriod(t.getPeriodFrom(),
                        t.getPeriodTo()));
                break;
            }
        }
        Double achieved = current.map(value -> achieved(t.getBaseline(), t.getTargetValue(), value)).orElse(null);
        AdministrativeUnit u = t.getUnit();
        return new TargetProgress(t.getId(), i.getId(), i.getCode(), i.getNameVi(), i.getNameEn(), i.getUnitKind(),
                u.getId(), u.getCode(), u.getName(), u.getLevel().name(),
                t.getPlan() == null ? null : t.getPlan().getId(), t.getPeriodFrom(), t.getPeriodTo(),
                t.getBaseline(), t.getTargetValue(), t.getNote(), current.orElse(null), achieved, t.getVersion());
    }

    /** How far from the baseline to the target the value is, in percent (100 = target reached). */
    static Double achieved(BigDecimal baseline, BigDecimal target, BigDecimal value) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return value.compareTo(target) >= 0 ? 100.0 : 0.0;
        }
        return value.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(span, 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String label(Target t) {
        return t.getIndicator().getCode() + " " + t.getUnit().getCode() + " " + t.getPeriodFrom() + "–"
                + t.getPeriodTo();
    }

    private static Map<String, String> figures(Target t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("indicator", t.getIndicator().getCode());
        m.put("unit", t.getUnit().getCode());
        m.put("periodFrom", t.getPeriodFrom().toString());
        m.put("periodTo", t.getPeriodTo().toString());
        m.put("baseline", t.getBaseline().stripTrailingZeros().toPlainString());
        m.put("targetValue", t.getTargetValue().stripTrailingZeros().toPlainString());
        m.put("note", t.getNote());
        return m;
    }

    private Target visible(CallerIdentity caller, long id) {
        Target target = targets.find(id).orElseThrow(() -> ProblemException.notFound("No target " + id));
        if (!UnitScope.reaches(caller, target.getUnit())) {
            throw ProblemException.notFound("No target " + id);
        }
        return target;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
