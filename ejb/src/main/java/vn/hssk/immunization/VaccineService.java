package vn.hssk.immunization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * The province's vaccine catalog and national schedule. Everyone working in the province reads them; the province
 * administrator keeps them as schedules change (a changed dose is a new row from a date, the old row ended). The
 * schedule is built from the published EPI rows the first time it is asked for ({@link ScheduleLoader}).
 */
@Stateless
public class VaccineService {

    @Resource
    private EJBContext context;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private ScheduleLoader loader;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Vaccine> vaccines(boolean includeInactive) {
        caller();
        loader.ensureLoaded();
        return repository.vaccines(includeInactive);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Vaccine vaccine(long id) {
        caller();
        return repository.vaccine(id).orElseThrow(() -> ProblemException.notFound("No vaccine " + id));
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Vaccine createVaccine(VaccineDetails details) {
        CallerIdentity caller = caller();
        loader.ensureLoaded();
        Vaccine vaccine = new Vaccine(details, caller.username());
        if (repository.vaccineByCode(vaccine.getCode()).isPresent()) {
            throw ProblemException.conflict(FieldError.coded("code", "vaccine.taken",
                    "A vaccine with code " + vaccine.getCode() + " exists", vaccine.getCode()));
        }
        repository.add(vaccine);
        repository.flush();
        return vaccine;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Vaccine amendVaccine(long id, VaccineDetails details, Boolean active, Integer expectedVersion) {
        CallerIdentity caller = caller();
        Vaccine vaccine = vaccine(id);
        if (expectedVersion != null && expectedVersion != vaccine.getVersion()) {
            throw ProblemException.conflict(FieldError.coded("version", "vaccine.changed",
                    "The vaccine was changed by someone else; reload it"));
        }
        vaccine.amend(details, caller.username());
        if (active != null && active != vaccine.isActive()) {
            vaccine.activate(active, caller.username());
        }
        repository.flush();
        return vaccine;
    }

    /** The schedule in force on {@code day}, or every row ever when {@code day} is null; optionally one vaccine. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<ScheduleDose> schedule(LocalDate day, String vaccineCode) {
        caller();
        loader.ensureLoaded();
        Long vaccineId = null;
        if (vaccineCode != null && !vaccineCode.isBlank()) {
            vaccineId = byCode(vaccineCode, "vaccine").getId();
        }
        return repository.schedule(day, vaccineId);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public ScheduleDose addScheduleDose(String vaccineCode, ScheduleDoseDetails details) {
        CallerIdentity caller = caller();
        loader.ensureLoaded();
        if (vaccineCode == null || vaccineCode.isBlank()) {
            throw ProblemException.invalid(FieldError.coded("vaccine", "required", "Vaccine is required", "vaccine"));
        }
        Vaccine vaccine = byCode(vaccineCode, "vaccine");
        ScheduleDose dose = new ScheduleDose(vaccine, details, null, caller.username());
        LocalDate from = dose.getValidFrom();
        boolean overlaps = repository.schedule(null, vaccine.getId()).stream()
                .anyMatch(s -> s.getDoseNumber() == dose.getDoseNumber()
                        && (s.getValidTo() == null || !s.getValidTo().isBefore(from))
                        && (dose.getValidTo() == null || !dose.getValidTo().isBefore(s.getValidFrom())));
        if (overlaps) {
            throw ProblemException.conflict(FieldError.coded("validFrom", "schedule.overlap", "Dose "
                    + dose.getDoseNumber() + " of " + vaccine.getCode()
                    + " is already in force then; end the current row first", dose.getDoseNumber(),
                    vaccine.getCode()));
        }
        repository.add(dose);
        repository.flush();
        return dose;
    }

    /** Ends a schedule row on {@code lastDay} (a new circular replaces it) and/or says whether it is routine. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public ScheduleDose amendScheduleDose(long id, LocalDate lastDay, Boolean routine) {
        CallerIdentity caller = caller();
        ScheduleDose dose = repository.scheduleDose(id)
                .orElseThrow(() -> ProblemException.notFound("No schedule row " + id));
        if (lastDay != null) {
            dose.end(lastDay, caller.username());
        }
        if (routine != null) {
            dose.markRoutine(routine, caller.username());
        }
        repository.flush();
        return dose;
    }

    private Vaccine byCode(String code, String field) {
        return repository.vaccineByCode(code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded(field, "vaccine.unknown",
                        "No vaccine with code " + code.strip(), code.strip())));
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
