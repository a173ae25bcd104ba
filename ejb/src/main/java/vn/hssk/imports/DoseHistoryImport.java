package vn.hssk.imports;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.immunization.DoseSource;
import vn.hssk.immunization.Immunization;
import vn.hssk.immunization.ImmunizationRepository;
import vn.hssk.immunization.ScheduleCheck;
import vn.hssk.immunization.ScheduleDose;
import vn.hssk.immunization.ScheduleLoader;
import vn.hssk.immunization.Vaccine;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.record.EntrySource;
import vn.hssk.record.Person;
import vn.hssk.record.PersonChecks;
import vn.hssk.review.PersonalIdAttempt;
import vn.hssk.shared.BulkInsert;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitScope;

/**
 * Imports the history of doses from the national immunization information system's list into part C, as past doses
 * (HISTORICAL: no lot, no stock) entered from a card would be: each row is judged by the dose screen's own rules
 * ({@link ScheduleCheck} with the schedule row in force on the day, a second live dose of the same number refused,
 * the {@link Immunization#historical} constructor's checks), so exactly the doses that entry refuses are refused, at
 * the list's fields ({@link DoseLine#atColumns}). A row names its person by personal ID: only persons the caller may
 * act on ({@link PersonChecks#mayActOn}) take doses, any other holder gets the person import's neutral refusal, and an
 * unknown ID is an error. A dose already recorded (same person, vaccine, dose number and day) is UNCHANGED, so a
 * re-import changes nothing; a new valid one is NEW, written and audited like the entry's when the run writes.
 * <p>
 * Per chunk, one query reads the persons of all the chunk's personal IDs and one their live doses; vaccines, the
 * schedule and the stations (by facility code) are read once per run. The new doses are built and checked by the
 * entity, then written in bulk ({@link BulkInsert}) with their audit rows. A preview writes nothing, so a person's doses
 * split by a chunk boundary are judged against the doses the previous chunk found new; a preview restarted mid-file
 * judges its first chunk against the stored doses only, as an apply does after its previous chunk committed.
 */
@Dependent
public class DoseHistoryImport implements ImportHandler {

    private static final String CONTEXT = "import";
    private static final List<String> COLUMNS = List.of("person_id", "vaccine_id", "dose_number", "schedule_id",
            "given_on", "source", "place", "given_by", "override_reason", "live_marker", "voided", "version",
            "created_at", "created_by");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ImmunizationRepository immunizations;

    @Inject
    private StationRepository stations;

    @Inject
    private ScheduleLoader loader;

    @Inject
    private PersonChecks checks;

    @Inject
    private AuditTrail audit;

    private ImportRun run;
    private DoseColumns columns;
    private DoseCatalog catalog;
    /** A village of the caller's communes, looked up once, for the review cases of refused rows. */
    private Optional<Long> attemptVillage;
    private Map<Long, List<Known>> judgedNewBefore = Map.of();

    /** A live dose of a person: stored ({@code line} null) or judged new on an earlier line of this list. */
    private record Known(String vaccineCode, int doseNumber, LocalDate givenOn, Integer line) {
    }

    @Override
    public void open(ImportRun run, List<String> header) {
        this.run = run;
        this.columns = DoseColumns.of(header, run.mapping());
    }

    @Override
    public List<Row> chunk(List<PersonFile.Record> records) {
        DoseCatalog catalog = catalog();
        List<DoseLine> lines = records.stream().map(r -> DoseLine.read(columns, r.cells())).toList();
        Map<String, Person> persons = persons(lines);
        Map<Long, List<Known>> known = known(persons.values());
        Map<Long, List<Known>> judgedNew = new HashMap<>();
        List<Immunization> doses = new ArrayList<>();
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(judge(records.get(i), lines.get(i), catalog, persons, known, judgedNew, doses));
        }
        if (run.write()) {
            write(doses);
        }
        judgedNewBefore = run.write() ? Map.of() : judgedNew;
        return rows;
    }

    private Row judge(PersonFile.Record record, DoseLine d, DoseCatalog catalog, Map<String, Person> persons,
                      Map<Long, List<Known>> known, Map<Long, List<Known>> judgedNew, List<Immunization> doses) {
        CallerIdentity caller = run.caller();
        List<FieldError> errors = new ArrayList<>(d.errors());
        String name = d.fullName() != null ? d.fullName() : DoseLine.shownName(columns, record.cells());
        Vaccine vaccine = null;
        if (d.vaccine() != null) {
            DoseCatalog.VaccineMatch match = catalog.vaccine(d.vaccine());
            vaccine = match.vaccine();
            if (!match.found()) {
                errors.add(match.ambiguous()
                        ? FieldError.coded("vaccine", "import.vaccineAmbiguous", "Several vaccines of the catalog"
                        + " are named '" + d.vaccine() + "'; give the vaccine's code", d.vaccine())
                        : FieldError.coded("vaccine", "import.vaccineUnknown", "No vaccine of the catalog has the"
                        + " code or name '" + d.vaccine() + "'", d.vaccine()));
            }
        }
        HealthStation station = null;
        if (d.facilityCode() != null) {
            station = catalog.station(d.facilityCode());
            if (station == null) {
                errors.add(FieldError.coded("facility", "import.facilityUnknown", "No station of the province has"
                        + " the facility code " + d.facilityCode(), d.facilityCode()));
            }
        }
        Person person = null;
        if (d.personalId() != null) {
            person = persons.get(d.personalId());
            if (person == null) {
                errors.add(FieldError.coded("personalId", "import.personUnknown", "No record has the personal ID "
                        + d.personalId() + "; register the person first", d.personalId()));
            } else if (!PersonChecks.mayActOn(caller, person)) {
                errors.addAll(checks.refusalInJob(caller, person, attempt(person, d)).errors());
                return error(record, d.personalId(), d.fullName(), errors);
            } else if (d.fullName() == null) {
                name = person.getFullName();
            }
        }
        if (!errors.isEmpty()) {
            return error(record, d.personalId(), name, errors);
        }

        String code = vaccine.getCode();
        int number = d.doseNumber();
        List<Known> ofVaccine = known.getOrDefault(person.getId(), List.of()).stream()
                .filter(k -> k.vaccineCode().equals(code)).toList();
        Known same = ofVaccine.stream().filter(k -> k.doseNumber() == number).findFirst().orElse(null);
        if (same != null && same.givenOn().equals(d.givenOn())) {
            return new Row(record.line(), record.record(), d.personalId(), name, Outcome.UNCHANGED, person.getId(),
                    List.of(), List.of(), List.of(), List.of(), List.of());
        }
        if (same != null) {
            return error(record, d.personalId(), name, List.of(same.line() == null
                    ? FieldError.coded("dose", "dose.duplicate", "Dose " + number + " of " + code
                    + " is already recorded for this person", number, code)
                    : FieldError.coded("dose", "import.doseRepeated", "Dose " + number + " of " + code
                    + " is also on line " + same.line() + " with another date", number, code, same.line())));
        }
        ScheduleDose schedule = catalog.scheduleDose(vaccine, number, d.givenOn());
        List<FieldError> refused = ScheduleCheck.errors(code, person.getBirthDate(), number, d.givenOn(), schedule,
                catalog.hasSchedule(vaccine), ofVaccine.stream()
                        .map(k -> new ScheduleCheck.Recorded(k.doseNumber(), k.givenOn())).toList(),
                DoseSource.HISTORICAL, d.overrideReason());
        if (!refused.isEmpty()) {
            return error(record, d.personalId(), name, DoseLine.atColumns(refused));
        }
        Immunization dose;
        try {
            dose = Immunization.historical(person.getId(), vaccine, number, schedule, d.givenOn(),
                    place(station, d.lot()), null, d.overrideReason(), caller.username());
        } catch (ProblemException invalid) {
            return error(record, d.personalId(), name, DoseLine.atColumns(invalid.errors()));
        }
        doses.add(dose);
        Known added = new Known(code, number, d.givenOn(), record.line());
        known.computeIfAbsent(person.getId(), k -> new ArrayList<>()).add(added);
        judgedNew.computeIfAbsent(person.getId(), k -> new ArrayList<>()).add(added);
        return new Row(record.line(), record.record(), d.personalId(), name, Outcome.NEW, person.getId(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Writes the chunk's new doses in a few multi-row inserts, then their audit rows (one per dose, on the person,
     * as the dose screen writes it) with the ids the database gave them. Two writers of the same dose at once: the
     * live-dose unique key refuses the chunk, and the job resumed judges the dose UNCHANGED.
     */
    private void write(List<Immunization> doses) {
        if (doses.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(doses.size());
        Set<Long> personIds = new LinkedHashSet<>();
        for (Immunization dose : doses) {
            values.add(new Object[] {dose.getPersonId(), dose.getVaccine().getId(), dose.getDoseNumber(),
                    dose.getSchedule() == null ? null : dose.getSchedule().getId(), dose.getGivenOn(),
                    dose.getSource(), dose.getPlace(), dose.getGivenBy(), dose.getOverrideReason(), 1, false, 0,
                    dose.getCreatedAt(), dose.getCreatedBy()});
            personIds.add(dose.getPersonId());
        }
        em.unwrap(Session.class).doWork(connection -> BulkInsert.into(connection, "immunization", COLUMNS, values));
        Map<String, Long> ids = new HashMap<>();
        em.createQuery("select i.id, i.personId, i.vaccine.id, i.doseNumber from Immunization i"
                        + " where i.personId in :persons and i.voided = false", Object[].class)
                .setParameter("persons", personIds).getResultList()
                .forEach(r -> ids.put(r[1] + "|" + r[2] + "|" + r[3], (Long) r[0]));
        List<AuditTrail.Change> changes = new ArrayList<>(doses.size());
        for (Immunization dose : doses) {
            Map<String, String> after = dose.snapshot();
            after.put("immunization", String.valueOf(ids.get(dose.getPersonId() + "|" + dose.getVaccine().getId()
                    + "|" + dose.getDoseNumber())));
            changes.add(new AuditTrail.Change(dose.getPersonId(), Map.of(), after));
        }
        audit.changedInBulk(run.caller(), AuditAction.CREATE, AuditService.PERSON, changes, CONTEXT);
    }

    /** The province's vaccines, schedule and stations, read in the first chunk (the schedule built if need be). */
    private DoseCatalog catalog() {
        if (catalog == null) {
            loader.ensureLoaded();
            catalog = DoseCatalog.of(immunizations.vaccines(true), immunizations.schedule(null, null),
                    stations.stations(null, null, true));
        }
        return catalog;
    }

    /**
     * The persons of the chunk's personal IDs, with their village, its commune and the commune's parent, in one query
     * (a load graph: the JPA compliance the server runs with allows no alias on a fetch join).
     */
    private Map<String, Person> persons(List<DoseLine> lines) {
        Set<String> ids = new LinkedHashSet<>();
        lines.forEach(d -> {
            if (d.personalId() != null) {
                ids.add(d.personalId());
            }
        });
        Map<String, Person> found = new HashMap<>();
        if (!ids.isEmpty()) {
            EntityGraph<Person> withUnits = em.createEntityGraph(Person.class);
            withUnits.addSubgraph("village").addSubgraph("parent").addAttributeNodes("parent");
            em.createQuery("select p from Person p where p.personalId in :ids", Person.class)
                    .setParameter("ids", ids).setHint("jakarta.persistence.loadgraph", withUnits).getResultList()
                    .forEach(p -> found.put(p.getPersonalId(), p));
        }
        return found;
    }

    /**
     * The live doses of the persons the caller may act on, in one query; in a preview, with the doses the previous
     * chunk judged new for them.
     */
    private Map<Long, List<Known>> known(Collection<Person> persons) {
        Set<Long> ids = new LinkedHashSet<>();
        persons.stream().filter(p -> PersonChecks.mayActOn(run.caller(), p)).forEach(p -> ids.add(p.getId()));
        Map<Long, List<Known>> known = new HashMap<>();
        if (ids.isEmpty()) {
            return known;
        }
        em.createQuery("select i.personId, v.code, i.doseNumber, i.givenOn from Immunization i join i.vaccine v"
                        + " where i.personId in :ids and i.voided = false", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> known.computeIfAbsent((Long) r[0],
                        k -> new ArrayList<>()).add(new Known((String) r[1], (Integer) r[2], (LocalDate) r[3],
                        null)));
        for (Long id : ids) {
            for (Known k : judgedNewBefore.getOrDefault(id, List.of())) {
                known.computeIfAbsent(id, x -> new ArrayList<>()).add(k);
            }
        }
        return known;
    }

    /**
     * What the province's review list keeps of a row refused for a person out of reach: the ID and the name the list
     * gave, attempted in a village of the caller's own communes (a list of doses names none), or in the holder's
     * village when the caller reaches it (a voided record).
     */
    private PersonalIdAttempt attempt(Person holder, DoseLine d) {
        long village = UnitScope.reaches(run.caller(), holder.getVillage()) ? holder.getVillage().getId()
                : attemptVillage(holder);
        return new PersonalIdAttempt(d.personalId(), holder.getId(), village, d.fullName(), null, null,
                EntrySource.IMPORT);
    }

    private long attemptVillage(Person holder) {
        if (attemptVillage == null) {
            Set<String> communes = run.caller().communeScope();
            attemptVillage = communes == null || communes.isEmpty() ? Optional.empty()
                    : em.createQuery("select u.id from AdministrativeUnit u where u.level = :level"
                            + " and u.validTo is null and u.parent.code in :communes order by u.code", Long.class)
                    .setParameter("level", UnitLevel.VILLAGE).setParameter("communes", communes)
                    .setMaxResults(1).getResultList().stream().findFirst();
        }
        return attemptVillage.orElse(holder.getVillage().getId());
    }

    /** Where a past dose was given as part C shows it: the station and its facility code, and the lot if listed. */
    static String place(HealthStation station, String lot) {
        String place = station.getName() + " (" + station.getFacilityCode() + ")";
        return lot == null ? place : place + ", lô " + lot;
    }

    private static Row error(PersonFile.Record record, String personalId, String name, List<FieldError> errors) {
        return new Row(record.line(), record.record(), personalId, name, Outcome.ERROR, null, List.of(), List.of(),
                List.of(), List.copyOf(errors), List.of());
    }
}
