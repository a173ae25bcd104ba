package vn.hssk.plan;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * Finds the unit a plan, target, quota or progress request names, through the one commune-scope rule
 * ({@link UnitScope}): a unit outside the caller's communes answers 404 like one that does not exist.
 */
@Dependent
public class ScopedUnits {

    @Inject
    private UnitRepository units;

    public AdministrativeUnit byCode(CallerIdentity caller, String code, String field) {
        return byCode(caller, code, field, null);
    }

    /** The unit with this code now or, when it has ended since, the one that had it on {@code day}. */
    public AdministrativeUnit byCode(CallerIdentity caller, String code, String field, java.time.LocalDate day) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid(field, "Name a unit by its code");
        }
        AdministrativeUnit unit = units.findCurrentByCode(code.strip())
                .or(() -> day == null ? java.util.Optional.empty() : units.findByCodeOn(code.strip(), day))
                .orElseThrow(() -> ProblemException.notFound("No unit " + code));
        if (!UnitScope.reaches(caller, unit)) {
            throw ProblemException.notFound("No unit " + code);
        }
        return unit;
    }

    public AdministrativeUnit commune(CallerIdentity caller, String code) {
        return commune(caller, code, null);
    }

    public AdministrativeUnit commune(CallerIdentity caller, String code, java.time.LocalDate day) {
        AdministrativeUnit unit = byCode(caller, code, "commune", day);
        if (unit.getLevel() != UnitLevel.COMMUNE) {
            throw ProblemException.invalid("commune", code + " is not a commune");
        }
        return unit;
    }

    public AdministrativeUnit byId(CallerIdentity caller, long id) {
        AdministrativeUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("No unit " + id));
        if (!UnitScope.reaches(caller, unit)) {
            throw ProblemException.notFound("No unit " + id);
        }
        return unit;
    }

    /** The province's own unit (the root of the tree). */
    public AdministrativeUnit province() {
        return units.search(null, UnitLevel.PROVINCE, null, null, 0, 1).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("The province has no unit tree yet"));
    }
}
