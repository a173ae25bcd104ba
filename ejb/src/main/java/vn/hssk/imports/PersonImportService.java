package vn.hssk.imports;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.ejb3.annotation.TransactionTimeout;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.household.Sex;
import vn.hssk.imports.PersonColumns.Field;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.record.EntrySource;
import vn.hssk.record.Person;
import vn.hssk.record.PersonChecks;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.PersonRepository;
import vn.hssk.record.PersonalIdRules;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * Imports part-A lists of residents for station staff, into their own communes only. Each row is judged by the rules
 * of registration themselves (the {@link Person} constructor and {@link PersonalIdRules}), then is NEW, UPDATED (same
 * personal ID, some field differs), UNCHANGED, DUPLICATE (same folded name and birth date in the commune under no or
 * another ID: listed for review, never created) or ERROR. The personal ID makes a re-import idempotent. An apply
 * writes as it reads, in one transaction, and rolls everything back when a row has errors unless only the valid rows
 * were asked for; the persistence context is emptied every {@value #CHUNK} rows so memory stays flat.
 */
@Stateless
public class PersonImportService {

    static final int MAX_LISTED = 5000;
    private static final int CHUNK = 200;
    private static final String CONTEXT = "import";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Fields of the snapshot a list can change; the rest (keys, household, blood, voiding) the import never touches. */
    private static final List<String> COMPARED = List.of("fullName", "sex", "birthDate", "bhytNumber", "ethnicity",
            "religion", "occupation", "phone", "villageId", "address");

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonRepository persons;

    @Inject
    private UnitRepository units;

    @Inject
    private AuditTrail audit;

    @Inject
    private PersonChecks checks;

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonImportReport preview(InputStream file, PersonFile.Format format, String mapping) {
        return run(file, format, mapping, false);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    @TransactionTimeout(value = 1, unit = TimeUnit.HOURS)
    public PersonImportReport apply(InputStream file, PersonFile.Format format, String mapping,
                                    boolean onlyValidRows) {
        PersonImportReport report = run(file, format, mapping, true);
        if (report.errorRows() > 0 && !onlyValidRows) {
            throw new ProblemException(422, FieldError.coded("file", "import.rowErrors", report.errorRows() + " of "
                    + report.total() + " rows have errors; nothing was written. Correct them, or apply only the"
                    + " valid rows.", report.errorRows(), report.total()))
                    .withDetails(report.applied(false));
        }
        return report;
    }

    private PersonImportReport run(InputStream file, PersonFile.Format format, String mapping, boolean write) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        // New persons are inserted at once (identity keys) and rows are flushed every chunk: the lookups need no
        // flush of their own, which would dirty-check the whole chunk on every row.
        em.setFlushMode(FlushModeType.COMMIT);
        Run run = new Run(caller, mapping, write);
        PersonFile.read(file, format, run);
        if (run.columns == null) {
            throw ProblemException.invalid(FieldError.coded("file", "import.noHeader", "The file has no header line"));
        }
        if (run.total == 0) {
            throw ProblemException.invalid(FieldError.coded("file", "import.noRows",
                    "The file has a header but no rows"));
        }
        em.flush();
        em.clear();
        return run.report(write);
    }

    /** One pass over a file: the state kept between rows is counts, the listed rows and small lookup keys. */
    private final class Run implements PersonFile.Rows {

        private final CallerIdentity caller;
        private final String mapping;
        private final boolean write;
        private final Map<String, Optional<Long>> villages = new HashMap<>();
        private final Map<String, Integer> idsInFile = new HashMap<>();
        private final Map<String, Integer> newWithoutIdInFile = new HashMap<>();
        private final int[] counts = new int[Outcome.values().length];
        private final List<Row> listed = new ArrayList<>();
        private PersonColumns columns;
        private int total;
        private int warnings;
        private int unlisted;

        Run(CallerIdentity caller, String mapping, boolean write) {
            this.caller = caller;
            this.mapping = mapping;
            this.write = write;
        }

        @Override
        public void header(List<String> cells) {
            columns = PersonColumns.of(cells, mapping);
        }

        @Override
        public void row(int line, List<String> cells) {
            Row row = judge(line, cells);
            total++;
            counts[row.outcome().ordinal()]++;
            if (!row.warnings().isEmpty()) {
                warnings++;
            }
            if ((row.outcome() != Outcome.NEW || !row.warnings().isEmpty()) && listed.size() < MAX_LISTED) {
                listed.add(row);
            } else {
                unlisted++;
            }
            if (total % CHUNK == 0) {
                em.flush();
                em.clear();
            }
        }

        PersonImportReport report(boolean applied) {
            return new PersonImportReport(total, counts[0], counts[1], counts[2], counts[3], counts[4], warnings,
                    applied, unlisted, List.copyOf(listed));
        }

        private Row judge(int line, List<String> cells) {
            String name = columns.value(Field.FULL_NAME, cells);
            String pid = columns.value(Field.PERSONAL_ID, cells);
            List<FieldError> errors = new ArrayList<>();
            Sex sex = sex(columns.value(Field.SEX, cells), errors);
            LocalDate born = notFuture(date(columns.value(Field.BIRTH_DATE, cells), errors), errors);
            AdministrativeUnit village = village(columns.value(Field.VILLAGE_CODE, cells), errors);
            if (pid != null) {
                errors.addAll(PersonalIdRules.errors("personalId", pid, sex, born));
            }
            List<FieldError> warned = PersonalIdRules.provinceWarning("personalId", pid).stream().toList();
            if (pid != null) {
                Integer earlier = idsInFile.putIfAbsent(pid, line);
                if (earlier != null) {
                    errors.add(FieldError.coded("personalId", "import.personalIdRepeated",
                            "The personal ID is also on line " + earlier, earlier));
                }
            }
            if (!errors.isEmpty()) {
                return error(line, pid, name, errors, warned);
            }
            PersonDetails fromFile = new PersonDetails(name, sex, born, pid,
                    columns.value(Field.BHYT_NUMBER, cells), columns.value(Field.ETHNICITY, cells),
                    columns.value(Field.RELIGION, cells), columns.value(Field.OCCUPATION, cells),
                    columns.value(Field.PHONE, cells), village.getId(), columns.value(Field.ADDRESS, cells), null,
                    null, null, null);
            Person existing = pid == null ? null : persons.findByPersonalId(pid).orElse(null);
            return existing == null ? newPerson(line, fromFile, village, warned)
                    : existingPerson(line, existing, fromFile, village, warned);
        }

        private Row newPerson(int line, PersonDetails d, AdministrativeUnit village, List<FieldError> warned) {
            Person person;
            try {
                person = new Person(d, village, caller.username());
            } catch (ProblemException invalid) {
                return error(line, d.personalId(), d.fullName(), invalid.errors(), warned);
            }
            AdministrativeUnit commune = village.getParent();
            String key = TextFolding.fold(d.fullName()) + "|" + d.birthDate() + "|" + commune.getId();
            List<Long> similar = similar(TextFolding.fold(d.fullName()), d.birthDate(), commune.getId(),
                    d.personalId());
            Integer earlier = newWithoutIdInFile.get(key);
            if (!similar.isEmpty() || earlier != null) {
                List<FieldError> why = new ArrayList<>();
                String message = "Possible duplicate: same name and date of birth in this commune"
                        + (similar.isEmpty() ? "" : " as person " + similar)
                        + (earlier == null ? "" : " as line " + earlier) + "; not created, review it";
                why.add(similar.isEmpty()
                        ? FieldError.coded("fullName", "import.duplicate.line", message, earlier)
                        : earlier == null
                        ? FieldError.coded("fullName", "import.duplicate.person", message, similar)
                        : FieldError.coded("fullName", "import.duplicate.both", message, similar, earlier));
                return new Row(line, d.personalId(), d.fullName(), Outcome.DUPLICATE, null, List.of(), similar,
                        why, warned);
            }
            newWithoutIdInFile.put(key, line);
            if (write) {
                persons.add(person);
                audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(),
                        person.snapshot(), CONTEXT);
                checks.reviewIfUnknownProvince(person, EntrySource.IMPORT);
            }
            return new Row(line, d.personalId(), d.fullName(), Outcome.NEW, person.getId(), List.of(), List.of(),
                    List.of(), warned);
        }

        private Row existingPerson(int line, Person existing, PersonDetails file, AdministrativeUnit village,
                                   List<FieldError> warned) {
            String pid = existing.getPersonalId();
            if (!PersonChecks.mayActOn(caller, existing)) {
                ProblemException refused = checks.refusal(caller, existing,
                        PersonChecks.attempt(file, pid, existing.getId(), village, EntrySource.IMPORT));
                return error(line, pid, file.fullName(), refused.errors(), warned);
            }
            PersonDetails merged = new PersonDetails(file.fullName(), file.sex(), file.birthDate(), pid,
                    or(file.bhytNumber(), existing.getBhytNumber()), or(file.ethnicity(), existing.getEthnicity()),
                    or(file.religion(), existing.getReligion()), or(file.occupation(), existing.getOccupation()),
                    or(file.phone(), existing.getPhone()), village.getId(), or(file.address(), existing.getAddress()),
                    existing.getHouseholdId(), existing.getRelationToHead(), existing.getBloodAbo(),
                    existing.getBloodRh());
            Map<String, String> before = existing.snapshot();
            Map<String, String> after;
            try {
                after = new Person(merged, village, caller.username()).snapshot();
            } catch (ProblemException invalid) {
                return error(line, pid, file.fullName(), invalid.errors(), warned);
            }
            List<String> changed = COMPARED.stream().filter(k -> !Objects.equals(before.get(k), after.get(k)))
                    .toList();
            if (changed.isEmpty()) {
                return new Row(line, pid, file.fullName(), Outcome.UNCHANGED, existing.getId(), List.of(),
                        List.of(), List.of(), warned);
            }
            if (write) {
                existing.correct(merged, village, caller.username());
                audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, existing.getId(), before,
                        existing.snapshot(), CONTEXT);
            }
            return new Row(line, pid, file.fullName(), Outcome.UPDATED, existing.getId(), changed, List.of(),
                    List.of(), warned);
        }

        /** A current village of the caller's communes by code; looked up once per code. */
        private AdministrativeUnit village(String code, List<FieldError> errors) {
            if (code == null) {
                errors.add(FieldError.coded("villageCode", "required", "Village code is required", "villageCode"));
                return null;
            }
            Optional<Long> id = villages.computeIfAbsent(code, c -> units.findCurrentByCode(c)
                    .filter(u -> u.getLevel() == UnitLevel.VILLAGE && UnitScope.reaches(caller, u))
                    .map(AdministrativeUnit::getId));
            AdministrativeUnit village = id.flatMap(units::find).orElse(null);
            if (village == null) {
                errors.add(FieldError.coded("villageCode", "village.unknown",
                        "No current village " + code + " in your communes", code));
            }
            return village;
        }

        private Row error(int line, String pid, String name, List<FieldError> errors, List<FieldError> warned) {
            return new Row(line, pid, name, Outcome.ERROR, null, List.of(), List.of(), List.copyOf(errors), warned);
        }
    }

    /** Persons not voided with the same folded name and birth date in the commune, under no or another ID. */
    private List<Long> similar(String folded, LocalDate born, long communeId, String personalId) {
        return em.createQuery("select p.id from Person p where p.fullNameFolded = :name and p.birthDate = :born"
                        + " and p.village.parent.id = :commune and p.voided = false"
                        + " and (p.personalId is null or p.personalId <> :pid) order by p.id", Long.class)
                .setParameter("name", folded).setParameter("born", born).setParameter("commune", communeId)
                .setParameter("pid", personalId == null ? "" : personalId).setMaxResults(10).getResultList();
    }

    static Sex sex(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.coded("sex", "required", "Sex is required", "sex"));
            return null;
        }
        return switch (TextFolding.fold(value)) {
            case "nam", "male", "m", "trai" -> Sex.MALE;
            case "nu", "female", "f", "gai" -> Sex.FEMALE;
            default -> {
                errors.add(FieldError.coded("sex", "import.sex", "Sex is Nam/Nữ or male/female, not '" + value + "'",
                        value));
                yield null;
            }
        };
    }

    static LocalDate date(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.coded("birthDate", "required", "Date of birth is required", "birthDate"));
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(value, DMY);
            }
            if (value.matches("\\d{1,6}(\\.0+)?")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(value.replaceAll("\\..*", "")));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.coded("birthDate", "import.birthDate", "Date of birth must be dd/MM/yyyy or yyyy-MM-dd,"
                + " not '" + value + "'", value));
        return null;
    }

    /** A birth date after today (Vietnam time) is refused here as registration refuses it. */
    private static LocalDate notFuture(LocalDate born, List<FieldError> errors) {
        if (born != null && born.isAfter(FieldCheck.today())) {
            errors.add(FieldError.coded("birthDate", "future", "Date of birth cannot be in the future", "birthDate"));
        }
        return born;
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
