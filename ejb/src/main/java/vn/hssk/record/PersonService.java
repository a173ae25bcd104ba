package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.review.PersonalIdAttempt;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitScope;

/**
 * Use cases on the persons (part A) of the caller's province. Station staff register and keep the persons of their
 * communes; commune chairs read their communes and province administrators the province; national administrators
 * reach no person. A person is reached through its village's commune ({@link UnitScope}); one outside the scope
 * answers 404 like one that does not exist. Every read and change writes its audit row in the same transaction.
 */
@Stateless
public class PersonService {

    private static final int MAX_PAGE = 200;
    private static final String SEARCH_CONTEXT = "search";

    @Resource
    private EJBContext context;

    @Inject
    private vn.hssk.unit.UnitHistory unitHistory;

    @Inject
    private PersonRepository persons;

    @Inject
    private PersonChecks checks;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<PersonResult> search(PersonFilter filter, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid(FieldError.coded("first", "page.first", "first must not be negative"));
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        List<Person> found = persons.search(filter, caller.communeScope(), first, max);
        found.forEach(p -> audit.read(caller, AuditService.PERSON, p.getId(), SEARCH_CONTEXT));
        return found.stream().map(PersonService::result).toList();
    }

    /**
     * How many persons a search finds in all, in the caller's communes, so a list can say its real size while it
     * shows a page. A number, no person: nothing is read that would be audited.
     */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public long count(PersonFilter filter) {
        return persons.count(filter, caller().communeScope());
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public PersonResult get(long id) {
        CallerIdentity caller = caller();
        Person person = checks.visible(caller, id);
        audit.read(caller, AuditService.PERSON, person.getId(), null);
        return result(person);
    }

    /** Where the person's village lay, period by period (a reorganization may have moved or renamed its commune). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public java.util.List<vn.hssk.unit.UnitHistory.Residence> residence(long id) {
        CallerIdentity caller = caller();
        Person person = checks.visible(caller, id);
        audit.read(caller, AuditService.PERSON, person.getId(), "residence");
        return unitHistory.of(person.getVillage());
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult register(PersonDetails details, EntrySource source) {
        CallerIdentity caller = caller();
        AdministrativeUnit village = details.villageId() == null ? null : checks.village(caller, details.villageId());
        Person person = new Person(details, village, caller.username());
        checks.requireHousehold(details.householdId(), village);
        checks.requireFreePersonalId(caller, details, village, null, source);
        checks.savingPersonalId(attempt(person.getPersonalId(), details, village, source),
                () -> persons.add(person));
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(), person.snapshot(),
                null);
        checks.reviewIfUnknownProvince(person, source);
        return result(person);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult correct(long id, PersonDetails details, Integer expectedVersion, EntrySource source) {
        CallerIdentity caller = caller();
        Person person = checks.visible(caller, id);
        checkVersion(expectedVersion, person.getVersion());
        AdministrativeUnit village = details.villageId() == null ? null : checks.village(caller, details.villageId());
        if (village != null) {
            checks.requireFreePersonalId(caller, details, village, person.getId(), source);
        }
        Map<String, String> before = person.snapshot();
        person.correct(details, village, caller.username());
        checks.requireHousehold(details.householdId(), village);
        checks.savingPersonalId(attempt(person.getPersonalId(), details, village, source), persons::flush);
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, person.getId(), before, person.snapshot(),
                null);
        if (!java.util.Objects.equals(before.get("personalId"), person.getPersonalId())) {
            checks.reviewIfUnknownProvince(person, source);
        }
        return result(person);
    }

    /** Gives a provisional (newborn) record the personal ID issued at birth registration. */
    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult identify(long id, String personalId, Integer expectedVersion, EntrySource source) {
        CallerIdentity caller = caller();
        Person person = checks.visible(caller, id);
        if (expectedVersion != null) {
            checkVersion(expectedVersion, person.getVersion());
        }
        PersonDetails attempted = withPersonalId(person.details(), personalId);
        checks.requireFreePersonalId(caller, attempted, person.getVillage(), person.getId(), source);
        Map<String, String> before = person.snapshot();
        person.identify(personalId, caller.username());
        checks.savingPersonalId(attempt(person.getPersonalId(), attempted, person.getVillage(), source),
                persons::flush);
        audit.changed(caller, AuditAction.IDENTIFY, AuditService.PERSON, person.getId(), before, person.snapshot(),
                null);
        checks.reviewIfUnknownProvince(person, source);
        return result(person);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult voidRecord(long id, String reason, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Person person = checks.visible(caller, id);
        if (expectedVersion != null) {
            checkVersion(expectedVersion, person.getVersion());
        }
        Map<String, String> before = person.snapshot();
        person.voidRecord(reason, caller.username());
        persons.flush();
        audit.changed(caller, AuditAction.VOID, AuditService.PERSON, person.getId(), before, person.snapshot(),
                null);
        return result(person);
    }

    static PersonResult result(Person person) {
        List<FieldError> warnings = PersonalIdRules.provinceWarning("personalId", person.getPersonalId(),
                BirthProvinces.codes()).stream().toList();
        return new PersonResult(person, warnings);
    }

    private static PersonalIdAttempt attempt(String pid, PersonDetails d, AdministrativeUnit village,
                                             EntrySource source) {
        return pid == null ? null : PersonChecks.attempt(d, pid, null, village, source);
    }

    private static PersonDetails withPersonalId(PersonDetails d, String personalId) {
        return new PersonDetails(d.fullName(), d.sex(), d.birthDate(), personalId, d.bhytNumber(), d.ethnicity(),
                d.religion(), d.occupation(), d.phone(), d.villageId(), d.address(), d.householdId(),
                d.relationToHead(), d.bloodAbo(), d.bloodRh());
    }

    private static void checkVersion(Integer expected, int actual) {
        if (expected == null) {
            throw ProblemException.invalid(FieldError.coded("version", "person.version",
                    "Send the version of the person you edited"));
        }
        if (expected != actual) {
            throw ProblemException.conflict(FieldError.coded("version", "person.changed",
                    "The person was changed by someone else; reload it"));
        }
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
