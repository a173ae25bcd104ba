package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
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
    private PersonRepository persons;

    @Inject
    private UnitRepository units;

    @Inject
    private HouseholdRepository households;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<PersonResult> search(PersonFilter filter, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid("first", "first must not be negative");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid("max", "max must be between 1 and " + MAX_PAGE);
        }
        List<Person> found = persons.search(filter, caller.communeScope(), first, max);
        found.forEach(p -> audit.read(caller, AuditService.PERSON, p.getId(), SEARCH_CONTEXT));
        return found.stream().map(PersonService::result).toList();
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public PersonResult get(long id) {
        CallerIdentity caller = caller();
        Person person = visible(caller, id);
        audit.read(caller, AuditService.PERSON, person.getId(), null);
        return result(person);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult register(PersonDetails details) {
        CallerIdentity caller = caller();
        AdministrativeUnit village = details.villageId() == null ? null : village(caller, details.villageId());
        Person person = new Person(details, village, caller.username());
        requireHousehold(details.householdId(), village);
        requireFreePersonalId(person.getPersonalId(), null);
        savingPersonalId(() -> persons.add(person));
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(), person.snapshot(),
                null);
        return result(person);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult correct(long id, PersonDetails details, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Person person = visible(caller, id);
        checkVersion(expectedVersion, person.getVersion());
        AdministrativeUnit village = details.villageId() == null ? null : village(caller, details.villageId());
        requireFreePersonalId(stripped(details.personalId()), person.getId());
        Map<String, String> before = person.snapshot();
        person.correct(details, village, caller.username());
        requireHousehold(details.householdId(), village);
        savingPersonalId(persons::flush);
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, person.getId(), before, person.snapshot(),
                null);
        return result(person);
    }

    /** Gives a provisional (newborn) record the personal ID issued at birth registration. */
    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult identify(long id, String personalId, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Person person = visible(caller, id);
        if (expectedVersion != null) {
            checkVersion(expectedVersion, person.getVersion());
        }
        requireFreePersonalId(stripped(personalId), person.getId());
        Map<String, String> before = person.snapshot();
        person.identify(personalId, caller.username());
        savingPersonalId(persons::flush);
        audit.changed(caller, AuditAction.IDENTIFY, AuditService.PERSON, person.getId(), before, person.snapshot(),
                null);
        return result(person);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonResult voidRecord(long id, String reason, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Person person = visible(caller, id);
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

    private static PersonResult result(Person person) {
        List<FieldError> warnings = PersonalIdRules.provinceWarning("personalId", person.getPersonalId(),
                BirthProvinces.codes()).stream().toList();
        return new PersonResult(person, warnings);
    }

    private Person visible(CallerIdentity caller, long id) {
        Person person = persons.find(id).orElseThrow(() -> ProblemException.notFound("No person " + id));
        if (!UnitScope.reaches(caller, person.getVillage())) {
            throw ProblemException.notFound("No person " + id);
        }
        return person;
    }

    /** A current village within the caller's communes; unknown and out-of-scope villages get the same answer. */
    private AdministrativeUnit village(CallerIdentity caller, long villageId) {
        return units.find(villageId)
                .filter(u -> u.getLevel() == UnitLevel.VILLAGE && isCurrent(u) && UnitScope.reaches(caller, u))
                .orElseThrow(() -> ProblemException.invalid("villageId",
                        "No current village " + villageId + " in your communes"));
    }

    private static boolean isCurrent(AdministrativeUnit unit) {
        return unit.getValidTo() == null || !unit.getValidTo().isBefore(RecordFields.today());
    }

    /** The household must be an open household of the person's village (which the caller already reaches). */
    private void requireHousehold(Long householdId, AdministrativeUnit village) {
        if (householdId == null) {
            return;
        }
        Household household = households.find(householdId).orElse(null);
        if (household == null || household.isClosed() || !household.getVillage().getId().equals(village.getId())) {
            throw ProblemException.invalid("householdId",
                    "No open household " + householdId + " in the person's village");
        }
    }

    private void requireFreePersonalId(String personalId, Long ownId) {
        if (personalId == null) {
            return;
        }
        persons.findByPersonalId(personalId).filter(other -> !other.getId().equals(ownId)).ifPresent(other -> {
            throw ProblemException.conflict("personalId",
                    "The personal ID " + personalId + " already belongs to a person of this province");
        });
    }

    /**
     * Runs a write that may hit the unique personal ID: when another transaction registered the same ID between our
     * check and our write, the database refuses it and the caller gets the same 409 on {@code personalId}.
     */
    private static void savingPersonalId(Runnable write) {
        try {
            write.run();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException
                        && String.valueOf(t.getMessage()).contains("uk_person_personal_id")) {
                    throw ProblemException.conflict("personalId",
                            "The personal ID already belongs to a person of this province");
                }
            }
            throw e;
        }
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void checkVersion(Integer expected, int actual) {
        if (expected == null) {
            throw ProblemException.invalid("version", "Send the version of the person you edited");
        }
        if (expected != actual) {
            throw ProblemException.conflict("version", "The person was changed by someone else; reload it");
        }
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
