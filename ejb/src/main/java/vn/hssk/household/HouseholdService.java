package vn.hssk.household;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * Use cases on the households of the caller's province. Station staff keep the households of their communes; commune
 * chairs read their communes' households and province administrators read the whole province. A household is reached
 * through its village's commune ({@link UnitScope}); one outside the caller's scope answers 404 like one that does not
 * exist, so ids cannot be probed. Households returned by {@link #get} carry their members, loaded in the transaction.
 */
@Stateless
public class HouseholdService {

    private static final int MAX_PAGE = 500;

    @Resource
    private EJBContext context;

    @Inject
    private HouseholdRepository households;

    @Inject
    private UnitRepository units;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Household> search(HouseholdFilter filter, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid("first", "first must not be negative");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid("max", "max must be between 1 and " + MAX_PAGE);
        }
        return households.search(filter, caller.communeScope(), first, max);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Household get(long id) {
        return withMembers(visible(caller(), id));
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<HouseholdMove> moves(long id) {
        Household household = visible(caller(), id);
        return households.moves(household.getId());
    }

    /** The current villages the caller may place a household in (or filter by), ordered by commune and name. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<AdministrativeUnit> villages() {
        CallerIdentity caller = caller();
        return units.search(null, UnitLevel.VILLAGE, caller.communeScope(), 0, 5000).stream()
                .filter(HouseholdService::isCurrent)
                .sorted(Comparator.comparing((AdministrativeUnit v) -> v.getParent().getCode())
                        .thenComparing(AdministrativeUnit::getCode))
                .toList();
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public Household create(HouseholdDetails details) {
        CallerIdentity caller = caller();
        AdministrativeUnit village = details.villageId() == null ? null : village(caller, details.villageId());
        Household household = new Household(details, village, caller.username());
        requireFreeCode(household.getCode(), null);
        households.add(household);
        return withMembers(household);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public Household correct(long id, HouseholdDetails details, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Household household = visible(caller, id);
        checkVersion(expectedVersion, household.getVersion(), "household");
        if (details.villageId() != null && !details.villageId().equals(household.getVillage().getId())) {
            throw ProblemException.invalid("villageId", "A household changes village by a move, with its reason");
        }
        requireFreeCode(details.code() == null ? null : details.code().strip(), household.getId());
        household.correct(details, caller.username());
        households.flush();
        return withMembers(household);
    }

    /** Moves a household to another village; both the current and the target village must be in the caller's scope. */
    @RolesAllowed(Roles.STATION_STAFF)
    public Household move(long id, Long villageId, LocalDate on, String reason, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Household household = visible(caller, id);
        checkVersion(expectedVersion, household.getVersion(), "household");
        if (villageId == null) {
            throw ProblemException.invalid("villageId", "Choose the village the household moves to");
        }
        AdministrativeUnit target = village(caller, villageId);
        households.add(household.moveTo(target, on == null ? Fields.today() : on, reason, caller.username()));
        households.flush();
        return withMembers(household);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public Household close(long id, LocalDate on, String reason, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Household household = visible(caller, id);
        checkVersion(expectedVersion, household.getVersion(), "household");
        household.close(on == null ? Fields.today() : on, reason, caller.username());
        households.flush();
        return withMembers(household);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public HouseholdMember addMember(long id, MemberDetails details) {
        CallerIdentity caller = caller();
        Household household = visible(caller, id);
        HouseholdMember member = household.addMember(details, caller.username());
        households.add(member);
        households.flush();
        return member;
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public HouseholdMember correctMember(long id, long memberId, MemberDetails details, Integer expectedVersion) {
        CallerIdentity caller = caller();
        HouseholdMember member = member(caller, id, memberId);
        checkVersion(expectedVersion, member.getVersion(), "member");
        member.correct(details, caller.username());
        households.flush();
        return member;
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public HouseholdMember memberLeaves(long id, long memberId, LocalDate on, String reason, Integer expectedVersion) {
        CallerIdentity caller = caller();
        HouseholdMember member = member(caller, id, memberId);
        if (expectedVersion != null) {
            checkVersion(expectedVersion, member.getVersion(), "member");
        }
        member.leave(on == null ? Fields.today() : on, reason, caller.username());
        households.flush();
        return member;
    }

    private HouseholdMember member(CallerIdentity caller, long id, long memberId) {
        Household household = visible(caller, id);
        return households.findMember(household.getId(), memberId)
                .orElseThrow(() -> ProblemException.notFound("No member " + memberId + " in household " + id));
    }

    private Household visible(CallerIdentity caller, long id) {
        Household household = households.find(id)
                .orElseThrow(() -> ProblemException.notFound("No household " + id));
        if (!UnitScope.reaches(caller, household.getVillage())) {
            throw ProblemException.notFound("No household " + id);
        }
        return household;
    }

    /**
     * A current village of the province within the caller's communes. An unknown village and one outside the scope get
     * the same answer, so the scope cannot be probed through this field.
     */
    private AdministrativeUnit village(CallerIdentity caller, long villageId) {
        return units.find(villageId)
                .filter(u -> u.getLevel() == UnitLevel.VILLAGE && isCurrent(u) && UnitScope.reaches(caller, u))
                .orElseThrow(() -> ProblemException.invalid("villageId",
                        "No current village " + villageId + " in your communes"));
    }

    private static boolean isCurrent(AdministrativeUnit unit) {
        return unit.getValidTo() == null || !unit.getValidTo().isBefore(Fields.today());
    }

    private void requireFreeCode(String code, Long ownId) {
        if (code == null || code.isEmpty()) {
            return;
        }
        households.findByCode(code).filter(other -> !other.getId().equals(ownId)).ifPresent(other -> {
            throw ProblemException.conflict("code", "Household code " + code + " is already used in this province");
        });
    }

    private static void checkVersion(Integer expected, int actual, String what) {
        if (expected == null) {
            throw ProblemException.invalid("version", "Send the version of the " + what + " you edited");
        }
        if (expected != actual) {
            throw ProblemException.conflict("version", "The " + what + " was changed by someone else; reload it");
        }
    }

    private static Household withMembers(Household household) {
        household.getMembers().size();
        return household;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
