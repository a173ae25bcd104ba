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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.ejb3.annotation.TransactionTimeout;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdDetails;
import vn.hssk.household.HouseholdMember;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.household.MemberDetails;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.imports.PersonColumns.Field;
import vn.hssk.imports.PersonImportReport.Other;
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
 * personal ID and the same person, some field differs), UNCHANGED, CONFLICT (the personal ID is a record of the
 * caller's communes with another name, birth date or sex: a different person, listed with that record for review and
 * never applied), DUPLICATE (same folded name and birth date in the commune under no or another ID: listed with the
 * other record or line for review, never created) or ERROR. The personal ID makes a re-import idempotent. A row's
 * village is found by code or by name ({@link VillageNames}); its household code ({@code ma_ho}) makes it join that
 * household of its village, which the first row naming it creates, with the member relation it gives. Reading a row
 * (cells, values, checks) is done by plain classes ({@link PersonFile}, {@link PersonCells}, {@link PersonValues},
 * {@link VillageNames}) that a batch job's reader and processor can call as well. An apply
 * writes as it reads, in one transaction, and rolls everything back when a row has errors unless only the valid rows
 * were asked for; the persistence context is emptied every {@value #CHUNK} rows so memory stays flat.
 */
@Stateless
public class PersonImportService {

    private static final int CHUNK = 200;
    private static final String CONTEXT = "import";
    /** Fields of the snapshot a list can change; the rest (keys, household, blood, voiding) the import never touches. */
    private static final List<String> COMPARED = List.of("fullName", "sex", "birthDate", "bhytNumber", "ethnicity",
            "religion", "occupation", "phone", "villageId", "address", "householdId", "relationToHead");

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
    private HouseholdRepository households;

    @Inject
    private PersonChecks checks;

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonImportReport preview(InputStream file, PersonFile.Format format, String mapping) {
        return preview(file, format, PersonFile.Encoding.UTF_8, mapping);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public PersonImportReport preview(InputStream file, PersonFile.Format format, PersonFile.Encoding encoding,
                                      String mapping) {
        return run(file, format, encoding, mapping, false);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    @TransactionTimeout(value = 1, unit = TimeUnit.HOURS)
    public PersonImportReport apply(InputStream file, PersonFile.Format format, String mapping,
                                    boolean onlyValidRows) {
        return apply(file, format, PersonFile.Encoding.UTF_8, mapping, onlyValidRows);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    @TransactionTimeout(value = 1, unit = TimeUnit.HOURS)
    public PersonImportReport apply(InputStream file, PersonFile.Format format, PersonFile.Encoding encoding,
                                    String mapping, boolean onlyValidRows) {
        PersonImportReport report = run(file, format, encoding, mapping, true);
        if (report.errorRows() > 0 && !onlyValidRows) {
            throw new ProblemException(422, FieldError.coded("file", "import.rowErrors", report.errorRows() + " of "
                    + report.total() + " rows have errors; nothing was written. Correct them, or apply only the"
                    + " valid rows.", report.errorRows(), report.total()))
                    .withDetails(report.applied(false));
        }
        return report;
    }

    private PersonImportReport run(InputStream file, PersonFile.Format format, PersonFile.Encoding encoding,
                                   String mapping, boolean write) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        // New persons are inserted at once (identity keys) and rows are flushed every chunk: the lookups need no
        // flush of their own, which would dirty-check the whole chunk on every row.
        em.setFlushMode(FlushModeType.COMMIT);
        Run run = new Run(caller, mapping, write);
        PersonFile.read(file, format, encoding, run);
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

    /**
     * One pass over a file: the state kept between rows is counts, the listed rows and small lookup keys (villages,
     * households by code, personal IDs and name keys seen).
     */
    private final class Run implements PersonFile.Rows {

        private final CallerIdentity caller;
        private final String mapping;
        private final boolean write;
        private VillageNames villages;
        private final Map<String, Boolean> communes = new HashMap<>();
        private final Map<String, HouseholdRef> householdsByCode = new HashMap<>();
        private final Map<String, Integer> idsInFile = new HashMap<>();
        private final Map<String, Integer> newWithoutIdInFile = new HashMap<>();
        private final int[] counts = new int[Outcome.values().length];
        private final PersonImportRows listed = new PersonImportRows();
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
        public void row(int line, int record, List<String> cells) {
            Row row = judge(line, record, cells);
            total++;
            counts[row.outcome().ordinal()]++;
            if (!row.warnings().isEmpty()) {
                warnings++;
            }
            if (row.outcome() != Outcome.NEW || !row.warnings().isEmpty()) {
                listed.list(row);
            } else {
                unlisted++;
            }
            if (total % CHUNK == 0) {
                em.flush();
                em.clear();
            }
        }

        PersonImportReport report(boolean applied) {
            return new PersonImportReport(total, counts[Outcome.NEW.ordinal()], counts[Outcome.UPDATED.ordinal()],
                    counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.DUPLICATE.ordinal()],
                    counts[Outcome.CONFLICT.ordinal()], counts[Outcome.ERROR.ordinal()], warnings, applied, unlisted,
                    listed);
        }

        private Row judge(int line, int record, List<String> cells) {
            List<FieldError> errors = new ArrayList<>();
            PersonCells row = new PersonCells(columns, cells, errors);
            String name = row.text(Field.FULL_NAME);
            String pid = row.text(Field.PERSONAL_ID);
            Sex sex = PersonValues.sex(row.text(Field.SEX), errors);
            LocalDate born = notFuture(PersonValues.date(row.text(Field.BIRTH_DATE), errors), errors);
            String communeCode = row.text(Field.COMMUNE_CODE);
            AdministrativeUnit village = village(communeCode, row.text(Field.VILLAGE_CODE), errors);
            String householdCode = row.text(Field.HOUSEHOLD_CODE);
            MemberRelation relation = PersonValues.relation(row.text(Field.RELATION), errors);
            if (householdCode != null && relation == null && columns.has(Field.RELATION)
                    && errors.stream().noneMatch(e -> "relationToHead".equals(e.field()))) {
                errors.add(FieldError.coded("relationToHead", "relationWithHousehold",
                        "Relation to the head of the household is required with a household"));
            }
            if (householdCode == null && relation != null) {
                relation = null;
            }
            String bhyt = row.text(Field.BHYT_NUMBER);
            String ethnicity = row.text(Field.ETHNICITY);
            String religion = row.text(Field.RELIGION);
            String occupation = row.text(Field.OCCUPATION);
            String phone = row.text(Field.PHONE);
            String address = row.text(Field.ADDRESS);
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
            HouseholdRef household = null;
            if (errors.isEmpty() && householdCode != null) {
                household = household(householdCode, village, name, phone, address, errors);
            }
            if (!errors.isEmpty()) {
                return error(line, record, pid, name != null ? name : PersonCells.shown(columns.value(Field.FULL_NAME,
                        cells)), errors, warned);
            }
            PersonDetails fromFile = new PersonDetails(name, sex, born, pid, bhyt, ethnicity, religion, occupation,
                    phone, village.getId(), address, null, null, null, null);
            Person existing = pid == null ? null : persons.findByPersonalId(pid).orElse(null);
            return existing == null ? newPerson(line, record, fromFile, village, household, relation, warned)
                    : existingPerson(line, record, existing, fromFile, village, household, relation, warned);
        }

        private Row newPerson(int line, int record, PersonDetails d, AdministrativeUnit village,
                              HouseholdRef household, MemberRelation relation, List<FieldError> warned) {
            Person person;
            try {
                person = new Person(d, village, caller.username());
            } catch (ProblemException invalid) {
                return error(line, record, d.personalId(), d.fullName(), invalid.errors(), warned);
            }
            AdministrativeUnit commune = village.getParent();
            String folded = TextFolding.fold(d.fullName());
            String key = folded + "|" + d.birthDate() + "|" + commune.getId();
            List<Long> similar = similar(folded, d.birthDate(), commune.getId(), d.personalId());
            Integer earlier = newWithoutIdInFile.get(key);
            if (!similar.isEmpty() || earlier != null) {
                String message = "Possible duplicate: same name and date of birth in this commune"
                        + (similar.isEmpty() ? "" : " as person " + similar)
                        + (earlier == null ? "" : " as line " + earlier) + "; not created, review it";
                FieldError why = similar.isEmpty()
                        ? FieldError.coded("fullName", "import.duplicate.line", message, earlier)
                        : earlier == null
                        ? FieldError.coded("fullName", "import.duplicate.person", message, similar)
                        : FieldError.coded("fullName", "import.duplicate.both", message, similar, earlier);
                List<Other> others = new ArrayList<>();
                for (Long id : similar) {
                    Person p = em.find(Person.class, id);
                    others.add(new Other(id, null, p.getPersonalId(), p.getFullName(), p.getSex(),
                            p.getBirthDate()));
                }
                if (earlier != null) {
                    others.add(new Other(null, earlier, null, null, null, d.birthDate()));
                }
                return new Row(line, record, d.personalId(), d.fullName(), Outcome.DUPLICATE, null, List.of(),
                        similar, List.copyOf(others), List.of(why), warned);
            }
            newWithoutIdInFile.put(key, line);
            if (write) {
                Long householdId = household == null ? null : household.write(d, relation);
                if (householdId != null) {
                    person = new Person(withHousehold(d, householdId, relation), village, caller.username());
                }
                persons.add(person);
                if (householdId != null) {
                    household.link(person.getId());
                }
                audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(),
                        person.snapshot(), CONTEXT);
                checks.reviewIfUnknownProvince(person, EntrySource.IMPORT);
            }
            return new Row(line, record, d.personalId(), d.fullName(), Outcome.NEW, person.getId(), List.of(),
                    List.of(), List.of(), List.of(), warned);
        }

        private Row existingPerson(int line, int record, Person existing, PersonDetails file,
                                   AdministrativeUnit village, HouseholdRef household, MemberRelation relation,
                                   List<FieldError> warned) {
            String pid = existing.getPersonalId();
            if (!PersonChecks.mayActOn(caller, existing)) {
                ProblemException refused = checks.refusal(caller, existing,
                        PersonChecks.attempt(file, pid, existing.getId(), village, EntrySource.IMPORT));
                return error(line, record, pid, file.fullName(), refused.errors(), warned);
            }
            if (!PersonValues.sameIdentity(file.fullName(), file.sex(), file.birthDate(), existing.getFullName(),
                    existing.getSex(), existing.getBirthDate())) {
                return new Row(line, record, pid, file.fullName(), Outcome.CONFLICT, existing.getId(), List.of(),
                        List.of(), List.of(new Other(existing.getId(), null, pid, existing.getFullName(),
                        existing.getSex(), existing.getBirthDate())), List.of(FieldError.coded("personalId",
                        "import.identityConflict", "Person " + existing.getId() + " has this personal ID with"
                        + " another name, date of birth or sex; nothing is changed, review both",
                        existing.getId())), warned);
            }
            List<FieldError> notes = new ArrayList<>(warned);
            Long householdId = existing.getHouseholdId();
            MemberRelation relationToHead = existing.getRelationToHead();
            boolean joins = household != null && householdId == null;
            if (household != null && householdId != null && !householdId.equals(household.id)) {
                notes.add(FieldError.coded("householdCode", "import.otherHousehold",
                        "The person belongs to another household; move them on the household screen"));
            }
            // The same name but for case keeps the record's spelling (a list in capitals changes nothing); a name
            // that differs in its marks or spaces is the same person's name corrected.
            String keptName = TextFolding.normalize(existing.getFullName()).equalsIgnoreCase(file.fullName())
                    ? TextFolding.normalize(existing.getFullName()) : file.fullName();
            PersonDetails merged = new PersonDetails(keptName, file.sex(), file.birthDate(), pid,
                    or(file.bhytNumber(), existing.getBhytNumber()), or(file.ethnicity(), existing.getEthnicity()),
                    or(file.religion(), existing.getReligion()), or(file.occupation(), existing.getOccupation()),
                    or(file.phone(), existing.getPhone()), village.getId(), or(file.address(), existing.getAddress()),
                    householdId, relationToHead, existing.getBloodAbo(), existing.getBloodRh());
            Map<String, String> before = existing.snapshot();
            Map<String, String> after;
            try {
                after = new Person(merged, village, caller.username()).snapshot();
            } catch (ProblemException invalid) {
                return error(line, record, pid, file.fullName(), invalid.errors(), notes);
            }
            List<String> changed = new ArrayList<>(COMPARED.stream()
                    .filter(k -> !Objects.equals(before.get(k), after.get(k))).toList());
            if (joins) {
                changed.add("householdId");
            }
            if (changed.isEmpty()) {
                return new Row(line, record, pid, file.fullName(), Outcome.UNCHANGED, existing.getId(), List.of(),
                        List.of(), List.of(), List.of(), List.copyOf(notes));
            }
            if (write) {
                if (joins) {
                    Long id = household.write(merged, relation);
                    merged = withHousehold(merged, id, relation);
                    household.link(existing.getId());
                }
                existing.correct(merged, village, caller.username());
                audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, existing.getId(), before,
                        existing.snapshot(), CONTEXT);
            }
            return new Row(line, record, pid, file.fullName(), Outcome.UPDATED, existing.getId(), List.copyOf(changed),
                    List.of(), List.of(), List.of(), List.copyOf(notes));
        }

        /**
         * The village of a row: by code or by name, in the row's commune ({@code ma_xa}, one of the caller's) when
         * the file gives one, else among the caller's communes.
         */
        private AdministrativeUnit village(String communeCode, String text, List<FieldError> errors) {
            if (communeCode != null && !communes.computeIfAbsent(communeCode, c -> units.findCurrentByCode(c)
                    .filter(u -> u.getLevel() == UnitLevel.COMMUNE && UnitScope.reaches(caller, u)).isPresent())) {
                errors.add(FieldError.coded("communeCode", "import.communeUnknown",
                        "No current commune " + communeCode + " in your communes", communeCode));
                return null;
            }
            if (text == null) {
                errors.add(FieldError.coded("villageCode", "required", "Village code is required", "villageCode"));
                return null;
            }
            VillageNames.Match match = villageNames().match(communeCode, text);
            if (!match.found()) {
                errors.add(match.ambiguous()
                        ? FieldError.coded("villageCode", "import.villageAmbiguous", "Several villages of your"
                        + " communes are named '" + text + "'; give the commune code (ma_xa) or the village code", text)
                        : FieldError.coded("villageCode", "village.unknown",
                        "No current village " + text + " in your communes", text));
                return null;
            }
            return units.find(match.village().id()).orElse(null);
        }

        private VillageNames villageNames() {
            if (villages == null) {
                Set<String> scope = caller.communeScope();
                var query = em.createQuery("select u.id, u.code, u.parent.code, u.name from AdministrativeUnit u"
                        + " where u.level = :level and u.validTo is null"
                        + (scope == null ? "" : " and u.parent.code in :communes"), Object[].class)
                        .setParameter("level", UnitLevel.VILLAGE);
                if (scope != null) {
                    query.setParameter("communes", scope.isEmpty() ? List.of("-") : scope);
                }
                villages = new VillageNames(query.getResultList().stream().map(r -> new VillageNames.Village(
                        (Long) r[0], (String) r[1], (String) r[2], (String) r[3])).toList());
            }
            return villages;
        }

        /**
         * The household {@code code} names for a person of {@code village}: an open household of that village, or
         * one this import creates (in preview, only planned). One outside the caller's communes, closed, or of
         * another village is refused without telling which.
         */
        private HouseholdRef household(String code, AdministrativeUnit village, String name, String phone,
                                       String address, List<FieldError> errors) {
            if (!code.matches("[0-9A-Za-z-]{1,20}")) {
                errors.add(FieldError.coded("householdCode", "import.householdCode",
                        "Household code must be 1 to 20 letters, digits or '-', not '" + code + "'", code));
                return null;
            }
            HouseholdRef ref = householdsByCode.get(code);
            if (ref == null) {
                Household found = households.findByCode(code).orElse(null);
                if (found != null && (found.isClosed() || !UnitScope.reaches(caller, found.getVillage()))) {
                    ref = new HouseholdRef(code, null, null, name, phone, address, false);
                } else {
                    ref = found == null ? new HouseholdRef(code, null, village.getId(), name, phone, address, true)
                            : new HouseholdRef(code, found.getId(), found.getVillage().getId(), null, null, null,
                            true);
                }
                householdsByCode.put(code, ref);
            }
            if (!ref.usable) {
                errors.add(FieldError.coded("householdCode", "import.householdUnavailable",
                        "Household " + code + " cannot take members from this list; check the code", code));
                return null;
            }
            if (!ref.villageId.equals(village.getId())) {
                errors.add(FieldError.coded("householdCode", "import.householdVillage",
                        "Household " + code + " lives in another village than this row", code));
                return null;
            }
            return ref;
        }

        private Row error(int line, int record, String pid, String name, List<FieldError> errors,
                          List<FieldError> warned) {
            return new Row(line, record, pid, name, Outcome.ERROR, null, List.of(), List.of(), List.of(),
                    List.copyOf(errors), warned);
        }

        /**
         * A household a row joins: found by its code, or to be created by the first row that names it (its head
         * named after that row until the head's own row comes).
         */
        private final class HouseholdRef {
            private final String code;
            private Long id;
            private final Long villageId;
            private final String firstName;
            private final String phone;
            private final String address;
            private final boolean usable;
            private boolean createdHere;

            HouseholdRef(String code, Long id, Long villageId, String firstName, String phone, String address,
                         boolean usable) {
                this.code = code;
                this.id = id;
                this.villageId = villageId;
                this.firstName = firstName;
                this.phone = phone;
                this.address = address;
                this.usable = usable;
            }

            /** Creates the household if needed and adds the person as a member; answers the household's id. */
            Long write(PersonDetails person, MemberRelation relation) {
                Household household;
                AdministrativeUnit village = units.find(villageId).orElseThrow();
                if (id == null) {
                    household = new Household(new HouseholdDetails(code, villageId, address,
                            relation == MemberRelation.HEAD ? person.fullName() : firstName, phone, null), village,
                            caller.username());
                    households.add(household);
                    id = household.getId();
                    createdHere = true;
                } else {
                    household = households.find(id).orElseThrow();
                    if (createdHere && relation == MemberRelation.HEAD
                            && !person.fullName().equals(household.getHeadName())) {
                        household.correct(new HouseholdDetails(code, null, household.getAddress(),
                                person.fullName(), household.getPhone(), household.getNotes()), caller.username());
                    }
                }
                pendingMember = household.addMember(new MemberDetails(person.fullName(), person.sex(),
                        person.birthDate(), relation == null ? MemberRelation.OTHER : relation,
                        person.personalId()), caller.username());
                households.add(pendingMember);
                return id;
            }

            private HouseholdMember pendingMember;

            void link(long personId) {
                pendingMember.linkPerson(personId, caller.username());
            }
        }
    }

    private static PersonDetails withHousehold(PersonDetails d, Long householdId, MemberRelation relation) {
        return new PersonDetails(d.fullName(), d.sex(), d.birthDate(), d.personalId(), d.bhytNumber(),
                d.ethnicity(), d.religion(), d.occupation(), d.phone(), d.villageId(), d.address(), householdId,
                relation == null ? MemberRelation.OTHER : relation, d.bloodAbo(), d.bloodRh());
    }

    /** Persons not voided with the same folded name and birth date in the commune, under no or another ID. */
    private List<Long> similar(String folded, LocalDate born, long communeId, String personalId) {
        return em.createQuery("select p.id from Person p where p.fullNameFolded = :name and p.birthDate = :born"
                        + " and p.village.parent.id = :commune and p.voided = false"
                        + " and (p.personalId is null or p.personalId <> :pid) order by p.id", Long.class)
                .setParameter("name", folded).setParameter("born", born).setParameter("commune", communeId)
                .setParameter("pid", personalId == null ? "" : personalId).setMaxResults(10).getResultList();
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
