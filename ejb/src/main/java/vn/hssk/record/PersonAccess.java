package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The person a part of the record hangs on, as the caller may reach it ({@link PersonChecks#visible}: through its
 * village's commune, unknown and out-of-scope persons alike answering 404), and whether its record may still grow.
 * Parts B and D ask here before reading or writing anything of a person.
 */
@Dependent
public class PersonAccess {

    @Inject
    private PersonChecks checks;

    public Person visible(CallerIdentity caller, long personId) {
        return checks.visible(caller, personId);
    }

    /** A person whose record may still grow: a voided record accepts no new lines. */
    public Person writable(CallerIdentity caller, long personId) {
        Person person = visible(caller, personId);
        if (person.isVoided()) {
            throw ProblemException.conflict(FieldError.coded("voided", "record.voided",
                    "This record was voided: " + person.getVoidReason(), person.getVoidReason()));
        }
        return person;
    }
}
