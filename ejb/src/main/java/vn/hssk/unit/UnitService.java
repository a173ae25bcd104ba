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

    @Inject
    private UnitTree tree;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<AdministrativeUnit> search(String query, UnitLevel level, LocalDate asOf, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid("first", "first must not be negative");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid("max", "max must be between 1 and " + MAX_PAGE);
        }
        return units.search(query, level, caller.communeScope(), asOf, first, max);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public AdministrativeUnit get(long id) {
        return visible(caller(), id);
    }

    /** One level of the tree as it stood on {@code asOf} (today when null), with the counts of each subtree. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<UnitNode> children(Long parentId, LocalDate asOf) {
        CallerIdentity caller = caller();
        if (parentId != null) {
            visible(caller, parentId);
        }
        return tree.children(parentId, asOf == null ? LocalDate.now() : asOf, caller.communeScope());
    }

    /** The unit that carried {@code code} on {@code asOf} (today when null): codes are reused, so a day decides. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public AdministrativeUnit byCode(String code, LocalDate asOf) {
        CallerIdentity caller = caller();
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        AdministrativeUnit unit = units.findByCodeOn(code, day)
                .orElseThrow(() -> ProblemException.notFound("No unit with code " + code + " on " + day));
        if (!UnitScope.reaches(caller, unit)) {
            throw ProblemException.notFound("No unit with code " + code + " on " + day);
        }
        return unit;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public AdministrativeUnit update(long id, String name, String unitType, Long parentId, Integer expectedVersion) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = visible(caller, id);
        if (expectedVersion != null && expectedVersion != unit.getVersion()) {
            throw ProblemException.conflict("version", "The unit was changed by someone else; reload it");
        }
        if (name != null) {
            unit.rename(name, caller.username());
        }
        if (unitType != null) {
            unit.changeType(unitType, caller.username());
        }
        if (parentId != null && (unit.getParent() == null || !parentId.equals(unit.getParent().getId()))) {
            AdministrativeUnit parent = units.find(parentId)
                    .orElseThrow(() -> ProblemException.invalid("parentId", "No unit " + parentId + " in this province"));
            unit.moveUnder(parent, caller.username());
        }
        return unit;
    }

    /** Ends a unit on its last day: how a merged, renamed or abolished unit leaves the tree and keeps its history. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public AdministrativeUnit close(long id, LocalDate lastDay) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = visible(caller, id);
        if (unit.getLevel() == UnitLevel.PROVINCE) {
            throw ProblemException.invalid("validTo", "The province itself is not closed here");
        }
        if (unit.getValidTo() != null) {
            throw ProblemException.conflict("validTo", "The unit is already closed since " + unit.getValidTo());
        }
        if (lastDay == null) {
            throw ProblemException.invalid("validTo", "The last day of the unit is required");
        }
        if (units.countOpenChildren(unit) > 0) {
            throw ProblemException.conflict("validTo", "Close or move the units below it first");
        }
        unit.close(lastDay, caller.username());
        return unit;
    }

    /** Records which units this one continues (a merge or a rename keeps its history). */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public AdministrativeUnit addPredecessors(long id, List<Long> predecessorIds) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = visible(caller, id);
        if (predecessorIds == null || predecessorIds.isEmpty()) {
            throw ProblemException.invalid("predecessorIds", "Name at least one predecessor");
        }
        for (Long pid : predecessorIds) {
            AdministrativeUnit predecessor = units.find(pid).orElseThrow(
                    () -> ProblemException.invalid("predecessorIds", "No unit " + pid + " in this province"));
            unit.succeed(predecessor);
        }
        return unit;
    }

    /**
     * Deletes a unit entered by mistake. A unit that anything hangs on (units, stations, households, people) is never
     * deleted: closing it is the way, so that records keep their place.
     */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public void delete(long id) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = visible(caller, id);
        if (unit.getLevel() == UnitLevel.PROVINCE) {
            throw ProblemException.conflict("id", "The province unit cannot be deleted");
        }
        String usedBy = units.usedBy(unit);
        if (usedBy != null) {
            throw ProblemException.conflict("id", "The unit has " + usedBy + "; close it instead (validTo)");
        }
        units.remove(unit);
    }

    /** The tree as it stood on {@code asOf}, in the shape of the official code lists. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public byte[] export(LocalDate asOf, UnitFile.Format format) {
        CallerIdentity caller = caller();
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        List<UnitFile.Entry> entries = units.validOn(day).stream()
                .filter(u -> UnitScope.reaches(caller, u))
                .map(u -> new UnitFile.Entry(u.getCode(), u.getName(), u.getTypeLabel(),
                        u.getParent() == null ? null : u.getParent().getCode(), u.getLevel(), u.getValidFrom(),
                        u.getValidTo()))
                .toList();
        return UnitFile.write(entries, format);
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
