package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.UnitScope;

/**
 * The person a part of the record hangs on, as the caller may reach it: through its village's commune
 * ({@link UnitScope}); unknown and out-of-scope persons get the same 404, so ids cannot be probed. Parts B and D ask
 * here before reading or writing anything of a person.
 */
@Dependent
public class PersonAccess {

    @Inject
    private PersonRepository persons;

    public Person visible(CallerIdentity caller, long personId) {
        Person person = persons.find(personId).orElseThrow(() -> ProblemException.notFound("No person " + personId));
        if (!UnitScope.reaches(caller, person.getVillage())) {
            throw ProblemException.notFound("No person " + personId);
        }
        return person;
    }

    /** A person whose record may still grow: a voided record accepts no new lines. */
    public Person writable(CallerIdentity caller, long personId) {
        Person person = visible(caller, personId);
        if (person.isVoided()) {
            throw ProblemException.conflict("voided", "This record was voided: " + person.getVoidReason());
        }
        return person;
    }
}
