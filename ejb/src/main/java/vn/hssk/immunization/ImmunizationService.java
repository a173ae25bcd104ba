package vn.hssk.immunization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.Person;
import vn.hssk.record.PersonRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.unit.UnitScope;

/**
 * Part C of the personal record: a person's doses. Station staff record a dose given at their station (the lot must
 * be held by that station and not expired on the day; the dose and the stock movement commit together) or a past
 * dose from a card; both are checked against the schedule in force on the day ({@link ScheduleCheck}). A person
 * outside the caller's communes answers 404. Every read and change is written to the person's audit trail.
 */
@Stateless
public class ImmunizationService {

    static final String AUDIT_CONTEXT = "immunization";

    @Resource
    private EJBContext context;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private PersonRepository persons;

    @Inject
    private StationRepository stations;

    @Inject
    private StockLedger ledger;

    @Inject
    private ScheduleLoader loader;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Immunization> doses(long personId, boolean includeVoided) {
        CallerIdentity caller = caller();
        Person person = visible(caller, personId);
        audit.read(caller, AuditService.PERSON, person.getId(), AUDIT_CONTEXT);
        return repository.doses(person.getId(), includeVoided);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public Immunization record(long personId, DoseDetails details) {
        CallerIdentity caller = caller();
        Person person = visible(caller, personId);
        if (person.isVoided()) {
            throw ProblemException.conflict(FieldError.coded("personId", "record.voided",
                    "This record was voided: " + person.getVoidReason(), person.getVoidReason()));
        }
        loader.ensureLoaded();
        FieldCheck check = new FieldCheck();
        DoseSource source = check.required("source", details.source(), "Source (GIVEN or HISTORICAL)");
        Integer number = check.required("doseNumber", details.doseNumber(), "Dose number");
        String code = check.text("vaccine", details.vaccine(), 60, true, "Vaccine");
        check.pastOrToday("givenOn", details.givenOn(), "Date given");
        if (source == DoseSource.GIVEN) {
            check.required("stationId", details.stationId(), "Station");
            check.required("lotId", details.lotId(), "Lot");
        } else if (source == DoseSource.HISTORICAL && details.lotId() != null) {
            check.fail("lotId", "dose.historicalLot",
                    "A past dose entered from a card takes nothing from stock; leave the lot empty");
        }
        check.throwIfAny();
        Vaccine vaccine = repository.vaccineByCode(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("vaccine", "vaccine.unknown",
                        "No vaccine with code " + code, code)));

        HealthStation station = null;
        VaccineLot lot = null;
        if (source == DoseSource.GIVEN) {
            station = stations.find(details.stationId())
                    .filter(s -> UnitScope.reaches(caller, s.getCommune()) && !s.isClosed())
                    .orElseThrow(() -> ProblemException.invalid(FieldError.coded("stationId", "station.unknown",
                            "No open station " + details.stationId() + " in your communes", details.stationId())));
            long stationId = station.getId();
            lot = repository.lot(details.lotId())
                    .filter(l -> ledger.balance(stationId, l.getId()).isPresent())
                    .orElseThrow(() -> ProblemException.invalid(FieldError.coded("lotId", "lot.notInStock",
                            "Lot " + details.lotId() + " is not in this station's stock", details.lotId())));
            if (!lot.getVaccine().getId().equals(vaccine.getId())) {
                throw ProblemException.invalid(FieldError.coded("lotId", "lot.otherVaccine", "Lot "
                        + lot.getLotNumber() + " is " + lot.getVaccine().getCode() + ", not " + vaccine.getCode(),
                        lot.getLotNumber(), lot.getVaccine().getCode(), vaccine.getCode()));
            }
            if (lot.isExpiredOn(details.givenOn())) {
                throw ProblemException.invalid(FieldError.coded("lotId", "lot.expired", "Lot " + lot.getLotNumber()
                        + " expired on " + lot.getExpiry(), lot.getLotNumber(), lot.getExpiry(),
                        ScheduleCheck.day(lot.getExpiry())));
            }
        }

        List<Immunization> recorded = repository.doses(person.getId(), false).stream()
                .filter(d -> d.getVaccine().getId().equals(vaccine.getId())).toList();
        if (recorded.stream().anyMatch(d -> d.getDoseNumber() == number)) {
            throw ProblemException.conflict(FieldError.coded("doseNumber", "dose.duplicate", "Dose " + number
                    + " of " + vaccine.getCode() + " is already recorded for this person", number,
                    vaccine.getCode()));
        }
        ScheduleDose schedule = repository.scheduleDose(vaccine, number, details.givenOn()).orElse(null);
        List<FieldError> errors = ScheduleCheck.errors(vaccine.getCode(), person.getBirthDate(), number,
                details.givenOn(), schedule, repository.hasSchedule(vaccine),
                recorded.stream().map(d -> new ScheduleCheck.Recorded(d.getDoseNumber(), d.getGivenOn())).toList(),
                source, details.overrideReason());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        Immunization dose = source == DoseSource.GIVEN
                ? Immunization.given(person.getId(), lot, number, schedule, details.givenOn(), station.getId(),
                        details.site(), details.givenBy(), details.overrideReason(), caller.username())
                : Immunization.historical(person.getId(), vaccine, number, schedule, details.givenOn(),
                        details.place(), details.givenBy(), details.overrideReason(), caller.username());
        saving(() -> {
            repository.add(dose);
            repository.flush();
        });
        if (source == DoseSource.GIVEN) {
            ledger.take(station.getId(), lot, MovementKind.DOSE, 1, details.givenOn(), dose.getId(), null,
                    caller.username());
        }
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(), dose.snapshot(),
                AUDIT_CONTEXT);
        return dose;
    }

    /**
     * Voids a dose recorded in error. The stock is not given back: a dose given was used; a vial that was not used is
     * corrected as a receipt by the province.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    public Immunization voidDose(long personId, long doseId, String reason) {
        CallerIdentity caller = caller();
        Person person = visible(caller, personId);
        Immunization dose = repository.dose(doseId).filter(d -> d.getPersonId() == person.getId())
                .orElseThrow(() -> ProblemException.notFound("No dose " + doseId + " on person " + personId));
        Map<String, String> before = dose.snapshot();
        dose.voidDose(reason, caller.username());
        repository.flush();
        audit.changed(caller, AuditAction.VOID, AuditService.PERSON, person.getId(), before, dose.snapshot(),
                AUDIT_CONTEXT);
        return dose;
    }

    /** The adverse events after the person's doses (all of them, or of one dose). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Aefi> adverseEvents(long personId, Long doseId) {
        CallerIdentity caller = caller();
        Person person = visible(caller, personId);
        audit.read(caller, AuditService.PERSON, person.getId(), AUDIT_CONTEXT);
        return repository.adverseEvents(person.getId(), doseId);
    }

    /** Reports an adverse event after one of the person's live doses. */
    @RolesAllowed(Roles.STATION_STAFF)
    public Aefi reportAdverseEvent(long personId, Long doseId, java.time.LocalDate onsetOn, String symptoms,
                                   Aefi.Severity severity, Aefi.Outcome outcome, String reportedTo,
                                   java.time.LocalDate reportedOn) {
        CallerIdentity caller = caller();
        Person person = visible(caller, personId);
        if (doseId == null) {
            throw ProblemException.invalid(FieldError.coded("doseId", "aefi.dose",
                    "Name the dose the event followed"));
        }
        Immunization dose = repository.dose(doseId)
                .filter(d -> d.getPersonId() == person.getId() && !d.isVoided())
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("doseId", "dose.unknown",
                        "No dose " + doseId + " of this person", doseId)));
        Aefi event = new Aefi(dose, onsetOn, symptoms, severity, outcome, reportedTo, reportedOn, caller.username());
        repository.add(event);
        repository.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(), event.snapshot(),
                "aefi");
        return event;
    }

    private Person visible(CallerIdentity caller, long id) {
        Person person = persons.find(id).orElseThrow(() -> ProblemException.notFound("No person " + id));
        if (!UnitScope.reaches(caller, person.getVillage())) {
            throw ProblemException.notFound("No person " + id);
        }
        return person;
    }

    /** Two staff recording the same dose of the same person at once: the unique key refuses the second. */
    private static void saving(Runnable write) {
        try {
            write.run();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException
                        && String.valueOf(t.getMessage()).contains("uk_immunization_live_dose")) {
                    throw ProblemException.conflict(FieldError.coded("doseNumber", "dose.recordedMeanwhile",
                            "This dose is already recorded for this person"));
                }
            }
            throw e;
        }
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
