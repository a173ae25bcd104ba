package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.jboss.logging.Logger;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.review.PersonalIdAttempt;
import vn.hssk.review.PersonalIdReviewService;
import vn.hssk.review.ReviewCases;
import vn.hssk.unit.UnitScope;

/**
 * The checks every use case that writes part A shares (registering, correcting, merging): what a person is reached
 * through (its village's commune), where it may live (a current village in the caller's communes, an open household
 * of that village), and that a personal ID belongs to one person only, also under concurrent writes, without
 * telling a commune user anything about a holder outside their reach.
 */
@Dependent
public class PersonChecks {

    private static final Logger LOG = Logger.getLogger(PersonChecks.class);

    @Inject
    private PersonRepository persons;

    @Inject
    private UnitRepository units;

    @Inject
    private HouseholdRepository households;

    @Inject
    private PersonalIdReviewService reviews;

    @Inject
    private ReviewCases cases;

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

    /**
     * Refuses a personal ID that another record holds. A holder the caller may act on (a live record of their
     * communes) is named, so they can open it. Any other holder (a person of another commune, a voided or merged
     * record) gets one neutral refusal, the same whoever and wherever the holder is, and the attempt goes to the
     * province's review list.
     */
    public void requireFreePersonalId(CallerIdentity caller, PersonDetails attempted, AdministrativeUnit village,
                                      Long ownId, EntrySource source) {
        String pid = stripped(attempted.personalId());
        if (pid == null) {
            return;
        }
        persons.findByPersonalId(pid).filter(other -> !other.getId().equals(ownId)).ifPresent(holder -> {
            throw refusal(caller, holder, attempt(attempted, pid, holder.getId(), village, source));
        });
    }

    /** Why {@code holder}'s ID cannot be used by the caller: named if they may act on it, else neutral (recorded). */
    public ProblemException refusal(CallerIdentity caller, Person holder, PersonalIdAttempt attempt) {
        if (mayActOn(caller, holder)) {
            return ProblemException.conflict(FieldError.coded("personalId", "personalId.taken",
                    "The personal ID " + holder.getPersonalId() + " already belongs to record " + holder.getId()
                            + " (" + holder.getFullName() + ") in your communes", holder.getPersonalId(),
                    holder.getId(), holder.getFullName()));
        }
        record(attempt);
        return unavailable();
    }

    /**
     * As {@link #refusal}, for a job that runs for {@code caller} without their token (an import): the case is
     * recorded in the job's own transaction, which commits the row's refusal in its report.
     */
    public ProblemException refusalInJob(CallerIdentity caller, Person holder, PersonalIdAttempt attempt) {
        if (mayActOn(caller, holder)) {
            return refusal(caller, holder, attempt);
        }
        cases.attempted(caller, attempt);
        return unavailable();
    }

    /** A live record in the caller's communes: the only holder whose existence the caller may learn. */
    public static boolean mayActOn(CallerIdentity caller, Person holder) {
        return !holder.isVoided() && UnitScope.reaches(caller, holder.getVillage());
    }

    /**
     * The one answer for an ID the caller cannot use and must not learn more about: no holder, commune or state in
     * it, so that it cannot tell another commune's resident from a voided record (or from a concurrent write).
     */
    public static ProblemException unavailable() {
        return ProblemException.conflict(FieldError.coded("personalId", "personalId.unavailable",
                "This personal ID cannot be used for a record here; the case has been sent to the provincial"
                        + " Department of Health for review"));
    }

    public static PersonalIdAttempt attempt(PersonDetails d, String pid, Long holderId, AdministrativeUnit village,
                                            EntrySource source) {
        return new PersonalIdAttempt(pid, holderId, village.getId(), d.fullName(), d.birthDate(), d.sex(), source);
    }

    /** Puts the saved record on the province's review list when its ID's birth province is unknown. */
    public void reviewIfUnknownProvince(Person saved, EntrySource source) {
        reviews.saved(saved, source);
    }

    /** As {@link #reviewIfUnknownProvince(Person, EntrySource)}, for a job that runs for {@code caller}. */
    public void reviewIfUnknownProvince(CallerIdentity caller, Person saved, EntrySource source) {
        cases.saved(caller, saved, source);
    }

    /**
     * Runs a write that may hit the unique personal ID: when another transaction registered the same ID between our
     * check and our write, the database refuses it and the caller gets the neutral refusal (the holder is looked up
     * for the province in the review's own transaction).
     */
    public void savingPersonalId(PersonalIdAttempt attempt, Runnable write) {
        try {
            write.run();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException
                        && String.valueOf(t.getMessage()).contains("uk_person_personal_id")) {
                    if (attempt != null) {
                        record(new PersonalIdAttempt(attempt.personalId(), null, attempt.villageId(),
                                attempt.fullName(), attempt.birthDate(), attempt.sex(), attempt.source()));
                    }
                    throw unavailable();
                }
            }
            throw e;
        }
    }

    /** The case must not cost the user their answer: a failure to record it is logged, the refusal still given. */
    private void record(PersonalIdAttempt attempt) {
        try {
            reviews.attempted(attempt);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the review case of a refused personal ID in village %d",
                    attempt.villageId());
        }
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
