package vn.hssk.unit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;

/**
 * Use cases on the administrative tree of the caller's province. Everyone in the province reads it, commune-scoped
 * roles only their communes and villages; province administrators change it.
 */
@Stateless
public class UnitService {

    private static final int MAX_PAGE = 500;

    @Resource
    private EJBContext context;

    @Inject
    private UnitRepository units;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<AdministrativeUnit> search(String query, UnitLevel level, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid("first", "first must not be negative");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid("max", "max must be between 1 and " + MAX_PAGE);
        }
        return units.search(query, level, caller.communeScope(), first, max);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public AdministrativeUnit get(long id) {
        return visible(caller(), id);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public AdministrativeUnit create(String code, String name, UnitLevel level, String unitType, Long parentId,
                                     LocalDate validFrom) {
        CallerIdentity caller = caller();
        AdministrativeUnit parent = null;
        if (parentId != null) {
            parent = units.find(parentId)
                    .orElseThrow(() -> ProblemException.invalid("parentId", "No unit " + parentId + " in this province"));
        }
        if (code != null && units.findCurrentByCode(code).isPresent()) {
            throw ProblemException.conflict("code", "A current unit with code " + code + " already exists");
        }
        AdministrativeUnit unit = new AdministrativeUnit(code, name, level, unitType, parent,
                validFrom == null ? LocalDate.now() : validFrom, caller.username());
        units.add(unit);
        return unit;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public AdministrativeUnit rename(long id, String name, Integer expectedVersion) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = visible(caller, id);
        if (expectedVersion != null && expectedVersion != unit.getVersion()) {
            throw ProblemException.conflict("version", "The unit was changed by someone else; reload it");
        }
        unit.rename(name, caller.username());
        return unit;
    }

    private AdministrativeUnit visible(CallerIdentity caller, long id) {
        AdministrativeUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("No unit " + id));
        if (!UnitScope.reaches(caller, unit)) {
            throw ProblemException.notFound("No unit " + id);
        }
        return unit;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
