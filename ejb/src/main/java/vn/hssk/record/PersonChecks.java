package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * The checks every use case that writes part A shares (registering, correcting, merging): what a person is reached
 * through (its village's commune), where it may live (a current village in the caller's communes, an open household
 * of that village), and that a personal ID belongs to one person only, also under concurrent writes.
 */
@Dependent
public class PersonChecks {

    @Inject
    private PersonRepository persons;

    @Inject
    private UnitRepository units;

    @Inject
    private HouseholdRepository households;

    /** The person, if the caller reaches it; an unknown id and one outside the scope answer the same 404. */
    public Person visible(CallerIdentity caller, long id) {
        Person person = persons.find(id).orElseThrow(() -> ProblemException.notFound("No person " + id));
        if (!UnitScope.reaches(caller, person.getVillage())) {
            throw ProblemException.notFound("No person " + id);
        }
        return person;
    }

    /** A current village within the caller's communes; unknown and out-of-scope villages get the same answer. */
    public AdministrativeUnit village(CallerIdentity caller, long villageId) {
        return units.find(villageId)
                .filter(u -> u.getLevel() == UnitLevel.VILLAGE && isCurrent(u) && UnitScope.reaches(caller, u))
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("villageId", "village.unknown",
                        "No current village " + villageId + " in your communes", villageId)));
    }

    private static boolean isCurrent(AdministrativeUnit unit) {
        return unit.getValidTo() == null || !unit.getValidTo().isBefore(RecordFields.today());
    }

    /** The household must be an open household of the person's village (which the caller already reaches). */
    public void requireHousehold(Long householdId, AdministrativeUnit village) {
        if (householdId == null) {
            return;
        }
        Household household = households.find(householdId).orElse(null);
        if (household == null || household.isClosed() || !household.getVillage().getId().equals(village.getId())) {
            throw ProblemException.invalid(FieldError.coded("householdId", "household.unknown",
                    "No open household " + householdId + " in the person's village", householdId));
        }
    }

    public void requireFreePersonalId(String personalId, Long ownId) {
        if (personalId == null || personalId.isBlank()) {
            return;
        }
        String pid = personalId.strip();
        persons.findByPersonalId(pid).filter(other -> !other.getId().equals(ownId)).ifPresent(other -> {
            throw ProblemException.conflict(FieldError.coded("personalId", "personalId.taken",
                    "The personal ID " + pid + " already belongs to a person of this province", pid));
        });
    }

    /**
     * Runs a write that may hit the unique personal ID: when another transaction registered the same ID between our
     * check and our write, the database refuses it and the caller gets the same 409 on {@code personalId}.
     */
    public void savingPersonalId(Runnable write) {
        try {
            write.run();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException
                        && String.valueOf(t.getMessage()).contains("uk_person_personal_id")) {
                    throw ProblemException.conflict(FieldError.coded("personalId", "personalId.takenMeanwhile",
                            "The personal ID already belongs to a person of this province"));
                }
            }
            throw e;
        }
    }
}
