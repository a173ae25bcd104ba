package vn.hssk.imports;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdDetails;
import vn.hssk.household.MemberDetails;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.imports.PersonColumns.Field;
import vn.hssk.imports.PersonImportReport.Other;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.record.DuplicatePairing;
import vn.hssk.record.EntrySource;
import vn.hssk.record.Person;
import vn.hssk.record.PersonChecks;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.PersonalIdRules;
import vn.hssk.shared.BulkInsert;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.LongIntMap;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * Judges and writes part-A resident lists a chunk at a time, for the synchronous import and for import jobs alike.
 * Each row is judged by the rules of registration themselves (the {@link Person} constructor, {@link
 * PersonalIdRules}) and is NEW, UPDATED (same personal ID and the same person, some field differs), UNCHANGED,
 * CONFLICT (the ID is a record of the caller's communes with another name, birth date or sex: never applied),
 * DUPLICATE (same folded name and birth date in the commune under no or another ID: listed with the other side,
 * never created) or ERROR. A row's village is found by code or by name ({@link VillageNames}) within its commune
 * ({@code ma_xa}, one of the caller's); its household code ({@code ma_ho}) makes it join that household, which the
 * first row naming it creates, with the member relation it gives.
 * <p>
 * The work is done in sets: a chunk's existing records, households and possible duplicates are found with one query
 * each, and its new households, persons, household members and audit rows are written with a few multi-row inserts
 * ({@link BulkInsert}); only updates of existing records go through the ORM. What the handler remembers between
 * chunks (personal IDs and name keys of the file, planned households) only sharpens messages: after a restart the
 * database answers the same questions, so a resumed job never creates a person twice.
 */
@Dependent
public class PersonImportHandler implements ImportHandler {

    static final String CONTEXT = "import";
    /** Fields of the snapshot a list can change; the rest (keys, household, blood, voiding) the import never touches. */
    private static final List<String> COMPARED = List.of("fullName", "sex", "birthDate", "bhytNumber", "ethnicity",
            "religion", "occupation", "phone", "villageId", "address", "householdId", "relationToHead");
    private static final List<String> PERSON_COLUMNS = List.of("full_name", "full_name_folded", "sex", "birth_date",
            "personal_id", "provisional_key", "bhyt_number", "ethnicity", "religion", "occupation", "phone",
            "village_id", "address", "household_id", "relation_to_head", "voided", "version", "created_at",
            "created_by", "completed_at", "import_job_id");
    private static final List<String> HOUSEHOLD_COLUMNS = List.of("code", "village_id", "address", "address_folded",
            "head_name", "head_name_folded", "phone", "version", "created_at", "created_by");
    private static final List<String> MEMBER_COLUMNS = List.of("household_id", "full_name", "full_name_folded", "sex",
            "birth_date", "relation", "personal_id", "person_id", "version", "created_at", "created_by");
    private static final int NONE = -1;
    private static final Pattern HOUSEHOLD_CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private UnitRepository units;

    @Inject
    private AuditTrail audit;

    @Inject
    private PersonChecks checks;

    private ImportRun run;
    private CallerIdentity caller;
    private PersonColumns columns;
    private VillageNames villages;
    private final Map<String, Boolean> communes = new HashMap<>();
    /** Personal IDs of the file so far, with their line. */
    private final LongIntMap idsInFile = new LongIntMap();
    /** Name, birth date and commune keys of the file's new rows so far, with their line. */
    private final LongIntMap newKeysInFile = new LongIntMap();
    /** Households a preview plans to create (code to village), as an apply would have created them by now. */
    private final Map<String, Long> plannedHouseholds = new HashMap<>();
    private ImportPhases phases = new ImportPhases();
    /** Communes known to hold a live record this run did not write (see {@link #communesWithOthers}). */
    private final Set<Long> othersIn = new HashSet<>();
    private final Map<Long, List<Long>> villagesByCommune = new HashMap<>();
    /** Households this run created without their head, named after another member until the head's row comes. */
    private final Set<String> createdWithoutHead = new HashSet<>();

    @Override
    public void timeInto(ImportPhases into) {
        this.phases = into;
    }

    @Override
    public void open(ImportRun importRun, List<String> header) {
        this.run = importRun;
        this.caller = importRun.caller();
        caller.requireTenant();
        this.columns = PersonColumns.of(header, importRun.mapping());
    }

    /** A row read and checked on its own, before the chunk's look-ups. */
    private static final class Parsed {
        final PersonFile.Record source;
        final List<FieldError> errors = new ArrayList<>();
        List<FieldError> warned = List.of();
        String name;
        String pid;
        Sex sex;
        LocalDate born;
        AdministrativeUnit village;
        String householdCode;
        MemberRelation relation;
        PersonDetails details;
        Person existing;
        Household household;
        Row row;
        Person created;
        boolean joins;
        PersonDetails merged;

        Parsed(PersonFile.Record source) {
            this.source = source;
        }
    }

    /** The caller's current villages with their communes, loaded once per run (read only, never changed here). */
    private Map<Long, AdministrativeUnit> runVillages;

    @Override
    public List<Row> chunk(List<PersonFile.Record> records) {
        phases.lap("handler, other");
        List<Parsed> rows = new ArrayList<>(records.size());
        for (PersonFile.Record r : records) {
            rows.add(parse(r));
        }
        phases.lap("parse and check rows");
        Map<String, Person> existing = existing(rows);
        phases.lap("find personal IDs");
        Map<String, Household> households = households(rows);
        phases.lap("find households");
        Map<String, List<Person>> similar = similar(rows, existing);
        phases.lap("find possible duplicates");
        Map<String, Long> chunkHouseholdVillage = new HashMap<>();
        for (Parsed p : rows) {
            if (p.row == null) {
                judge(p, existing, households, similar, chunkHouseholdVillage);
            }
        }
        phases.lap("judge rows");
        if (run.write()) {
            write(rows, households);
        }
        List<Row> answer = new ArrayList<>(rows.size());
        for (Parsed p : rows) {
            answer.add(p.row);
        }
        return answer;
    }

    private Parsed parse(PersonFile.Record record) {
        Parsed p = new Parsed(record);
        List<FieldError> errors = p.errors;
        PersonCells row = new PersonCells(columns, record.cells(), errors);
        // Every cell is read (and checked for control characters and formulas) before the row is judged.
        String bhyt = row.text(Field.BHYT_NUMBER);
        String ethnicity = row.text(Field.ETHNICITY);
        String religion = row.text(Field.RELIGION);
        String occupation = row.text(Field.OCCUPATION);
        String phone = row.text(Field.PHONE);
        String address = row.text(Field.ADDRESS);
        p.name = row.text(Field.FULL_NAME);
        p.pid = row.text(Field.PERSONAL_ID);
        p.sex = PersonValues.sex(row.text(Field.SEX), errors);
        p.born = PersonValues.date(row.text(Field.BIRTH_DATE), errors);
        if (p.born != null && p.born.isAfter(FieldCheck.today())) {
            errors.add(FieldError.coded("birthDate", "future", "Date of birth cannot be in the future", "birthDate"));
        }
        p.village = village(row.text(Field.COMMUNE_CODE), row.text(Field.VILLAGE_CODE), errors);
        p.householdCode = row.text(Field.HOUSEHOLD_CODE);
        p.relation = PersonValues.relation(row.text(Field.RELATION), errors);
        if (p.householdCode != null && p.relation == null && columns.has(Field.RELATION)
                && errors.stream().noneMatch(e -> "relationToHead".equals(e.field()))) {
            errors.add(FieldError.coded("relationToHead", "relationWithHousehold",
                    "Relation to the head of the household is required with a household"));
        }
        if (p.householdCode == null) {
            p.relation = null;
        } else if (!HOUSEHOLD_CODE.matcher(p.householdCode).matches()) {
            errors.add(FieldError.coded("householdCode", "import.householdCode",
                    "Household code must be 1 to 20 letters, digits or '-', not '" + p.householdCode + "'",
                    p.householdCode));
        }
        if (p.pid != null) {
            errors.addAll(PersonalIdRules.errors("personalId", p.pid, p.sex, p.born));
        }
        p.warned = PersonalIdRules.provinceWarning("personalId", p.pid).stream().toList();
        if (p.pid != null && TWELVE_DIGITS.matcher(p.pid).matches()) {
            int earlier = idsInFile.putIfAbsent(Long.parseLong(p.pid), record.line(), NONE);
            if (earlier != NONE) {
                errors.add(FieldError.coded("personalId", "import.personalIdRepeated",
                        "The personal ID is also on line " + earlier, earlier));
            }
        }
        if (!errors.isEmpty()) {
            p.row = error(p, p.name != null ? p.name
                    : PersonCells.shown(columns.value(Field.FULL_NAME, record.cells())), errors, p.warned);
            return p;
        }
        p.details = new PersonDetails(p.name, p.sex, p.born, p.pid, bhyt, ethnicity, religion, occupation, phone,
                p.village.getId(), address, null, null, null, null);
        return p;
    }

    /** The chunk's records that hold one of its personal IDs, by ID (one query). */
    private Map<String, Person> existing(List<Parsed> rows) {
        Set<String> ids = new HashSet<>();
        for (Parsed p : rows) {
            if (p.row == null && p.pid != null) {
                ids.add(p.pid);
            }
        }
        Map<String, Person> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Person person : heldBy(Person.class, "SELECT id FROM person WHERE personal_id IN ", ids)) {
            found.put(person.getPersonalId(), person);
        }
        return found;
    }

    /**
     * The entities ({@link Person} or {@link Household}, with their village) whose ids {@code select} (ending in
     * {@code IN }) finds for {@code values}. The ids by plain SQL first: a new list finds few records, and the ORM's
     * query of a thousand parameters cost more than the look-up itself (it is translated anew for each count of
     * parameters).
     */
    private <T> List<T> heldBy(Class<T> type, String select, Collection<String> values) {
        List<Long> held = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> held.addAll(idsWhereIn(connection, select,
                new ArrayList<>(values))));
        return held.isEmpty() ? List.of() : em.createQuery("select x from " + type.getSimpleName()
                + " x join fetch x.village where x.id in :ids", type).setParameter("ids", held).getResultList();
    }

    /** The ids that {@code select} (ending in {@code IN }) finds for {@code values}, 500 values a statement. */
    private static List<Long> idsWhereIn(Connection connection, String select, List<String> values)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 500) {
            List<String> slice = values.subList(from, Math.min(values.size(), from + 500));
            try (PreparedStatement statement = connection.prepareStatement(select + "("
                    + String.join(", ", java.util.Collections.nCopies(slice.size(), "?")) + ")")) {
                for (int i = 0; i < slice.size(); i++) {
                    statement.setString(i + 1, slice.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** The chunk's households by code (one query). */
    private Map<String, Household> households(List<Parsed> rows) {
        Set<String> codes = new HashSet<>();
        for (Parsed p : rows) {
            if (p.row == null && p.householdCode != null) {
                codes.add(p.householdCode);
            }
        }
        Map<String, Household> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        for (Household h : heldBy(Household.class, "SELECT id FROM household WHERE code IN ", codes)) {
            found.put(h.getCode(), h);
        }
        return found;
    }

    /**
     * Live records with the folded name and birth date of the chunk's rows that are not records already, by
     * name|birth|commune key (one query over the name and birth date index).
     */
    private Map<String, List<Person>> similar(List<Parsed> rows, Map<String, Person> existing) {
        Map<String, List<Person>> found = new HashMap<>();
        List<Parsed> candidates = new ArrayList<>();
        Set<AdministrativeUnit> communes = new HashSet<>();
        for (Parsed p : rows) {
            if (p.row == null && (p.pid == null || !existing.containsKey(p.pid))) {
                candidates.add(p);
                communes.add(p.village.getParent());
            }
        }
        if (candidates.isEmpty()) {
            return found;
        }
        Set<Long> others = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> others.addAll(communesWithOthers(connection, communes)));
        Map<String, LocalDate> pairs = new LinkedHashMap<>();
        for (Parsed p : candidates) {
            if (others.contains(p.village.getParent().getId())) {
                pairs.put(TextFolding.fold(p.name) + "|" + p.born, p.born);
            }
        }
        if (pairs.isEmpty()) {
            return found;
        }
        List<Long> ids = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> ids.addAll(similarIds(connection, pairs)));
        if (ids.isEmpty()) {
            return found;
        }
        for (Person person : em.createQuery("select p from Person p join fetch p.village"
                + " where p.id in :ids order by p.id", Person.class).setParameter("ids", ids).getResultList()) {
            String key = person.getFullNameFolded() + "|" + person.getBirthDate() + "|"
                    + person.getVillage().getParent().getId();
            found.computeIfAbsent(key, k -> new ArrayList<>()).add(person);
        }
        return found;
    }

    /**
     * Of {@code communes}, those that may hold a live record this run has not written: only there can a new row be a
     * possible duplicate of a record, since the rows the run has written are in its own memory ({@link
     * #newKeysInFile}). A commune once found so stays so for the run; the others are asked again each chunk, all in one
     * query over {@code ix_person_village_import}, which finds a village's records of other origins without reading
     * the run's own. A run that is not fresh (its job wrote before it, and it does not remember what) counts every
     * record, as does a synchronous import, which is no job.
     */
    private Set<Long> communesWithOthers(Connection connection, Set<AdministrativeUnit> communes)
            throws SQLException {
        Set<Long> answer = new HashSet<>();
        Map<Long, Long> communeOfVillage = new HashMap<>();
        for (AdministrativeUnit commune : communes) {
            if (!run.fresh() || run.jobId() == 0 || othersIn.contains(commune.getId())) {
                answer.add(commune.getId());
            } else {
                villagesOf(connection, commune.getId()).forEach(v -> communeOfVillage.put(v, commune.getId()));
            }
        }
        List<Long> villages = new ArrayList<>(communeOfVillage.keySet());
        // Slices under the server's in_predicate_conversion_threshold (1,000), past which the list becomes a table
        // joined by a full scan.
        for (int from = 0; from < villages.size(); from += 500) {
            List<Long> slice = villages.subList(from, Math.min(villages.size(), from + 500));
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT village_id FROM person"
                    + " FORCE INDEX (ix_person_village_import) WHERE village_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(slice.size(), "?"))
                    + ") AND (import_job_id IS NULL OR import_job_id <> ?) AND voided = FALSE")) {
                int i = 1;
                for (Long village : slice) {
                    select.setLong(i++, village);
                }
                select.setLong(i, run.jobId());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Long commune = communeOfVillage.get(rs.getLong(1));
                        othersIn.add(commune);
                        answer.add(commune);
                    }
                }
            }
        }
        return answer;
    }

    /** Every village of {@code commune}, current or not (a record may still sit in a retired one), read once a run. */
    private List<Long> villagesOf(Connection connection, long commune) throws SQLException {
        List<Long> known = villagesByCommune.get(commune);
        if (known != null) {
            return known;
        }
        List<Long> villages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM admin_unit WHERE parent_id = ?")) {
            select.setLong(1, commune);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    villages.add(rs.getLong(1));
                }
            }
        }
        villagesByCommune.put(commune, villages);
        return villages;
    }

    private static List<Long> similarIds(Connection connection, Map<String, LocalDate> pairs) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Map.Entry<String, LocalDate>> all = new ArrayList<>(pairs.entrySet());
        for (int from = 0; from < all.size(); from += 500) {
            List<Map.Entry<String, LocalDate>> slice = all.subList(from, Math.min(all.size(), from + 500));
            // The index is named: on a table growing fast (an import into a commune) the statistics lag, and the
            // optimizer then read the whole table for a few hundred pairs (45 % of a resumed apply's time).
            StringBuilder sql = new StringBuilder("SELECT id FROM person FORCE INDEX (ix_person_name_birth)"
                    + " WHERE voided = FALSE AND (full_name_folded, birth_date) IN (");
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            }
            sql.append(")");
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (Map.Entry<String, LocalDate> e : slice) {
                    select.setString(i++, e.getKey().substring(0, e.getKey().lastIndexOf('|')));
                    select.setObject(i++, java.sql.Date.valueOf(e.getValue()));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private void judge(Parsed p, Map<String, Person> existing, Map<String, Household> households,
                       Map<String, List<Person>> similar, Map<String, Long> chunkHouseholdVillage) {
        List<FieldError> errors = new ArrayList<>();
        if (p.householdCode != null) {
            p.household = households.get(p.householdCode);
            Long villageId;
            if (p.household != null) {
                if (p.household.isClosed() || !UnitScope.reaches(caller, p.household.getVillage())) {
                    errors.add(FieldError.coded("householdCode", "import.householdUnavailable", "Household "
                            + p.householdCode + " cannot take members from this list; check the code",
                            p.householdCode));
                }
                villageId = p.household.getVillage().getId();
            } else {
                villageId = plannedHouseholds.get(p.householdCode);
                if (villageId == null) {
                    villageId = chunkHouseholdVillage.computeIfAbsent(p.householdCode, c -> p.village.getId());
                }
            }
            if (errors.isEmpty() && !villageId.equals(p.village.getId())) {
                errors.add(FieldError.coded("householdCode", "import.householdVillage",
                        "Household " + p.householdCode + " lives in another village than this row", p.householdCode));
            }
        }
        if (!errors.isEmpty()) {
            p.row = error(p, p.name, errors, p.warned);
            return;
        }
        p.existing = p.pid == null ? null : existing.get(p.pid);
        if (p.existing == null) {
            newPerson(p, similar);
        } else {
            existingPerson(p);
        }
    }

    private void newPerson(Parsed p, Map<String, List<Person>> similarByKey) {
        Person person;
        try {
            person = new Person(p.details, p.village, caller.username());
        } catch (ProblemException invalid) {
            p.row = error(p, p.name, invalid.errors(), p.warned);
            return;
        }
        AdministrativeUnit commune = p.village.getParent();
        String folded = TextFolding.fold(p.name);
        String key = folded + "|" + p.born + "|" + commune.getId();
        List<Long> similar = new ArrayList<>();
        List<Other> others = new ArrayList<>();
        for (Person s : similarByKey.getOrDefault(key, List.of())) {
            if (s.getPersonalId() == null || !s.getPersonalId().equals(p.pid)) {
                if (similar.size() < 10) {
                    similar.add(s.getId());
                    others.add(new Other(s.getId(), null, s.getPersonalId(), s.getFullName(), s.getSex(),
                            s.getBirthDate()));
                }
            }
        }
        long hash = hash64(key);
        int earlier = newKeysInFile.get(hash, NONE);
        if (!similar.isEmpty() || earlier != NONE) {
            String message = "Possible duplicate: same name and date of birth in this commune"
                    + (similar.isEmpty() ? "" : " as person " + similar)
                    + (earlier == NONE ? "" : " as line " + earlier) + "; not created, review it";
            FieldError why = similar.isEmpty()
                    ? FieldError.coded("fullName", "import.duplicate.line", message, earlier)
                    : earlier == NONE
                    ? FieldError.coded("fullName", "import.duplicate.person", message, similar)
                    : FieldError.coded("fullName", "import.duplicate.both", message, similar, earlier);
            if (earlier != NONE) {
                others.add(new Other(null, earlier, null, null, null, p.born));
            }
            p.row = new Row(p.source.line(), p.source.record(), p.pid, p.name, Outcome.DUPLICATE, null, List.of(),
                    similar, List.copyOf(others), List.of(why), p.warned);
            return;
        }
        newKeysInFile.putIfAbsent(hash, p.source.line(), NONE);
        if (p.household == null && p.householdCode != null && !run.write()) {
            plannedHouseholds.putIfAbsent(p.householdCode, p.village.getId());
        }
        p.created = person;
        p.row = new Row(p.source.line(), p.source.record(), p.pid, p.name, Outcome.NEW, null, List.of(), List.of(),
                List.of(), List.of(), p.warned);
    }

    private void existingPerson(Parsed p) {
        Person existing = p.existing;
        String pid = existing.getPersonalId();
        if (!PersonChecks.mayActOn(caller, existing)) {
            ProblemException refused = checks.refusalInJob(caller, existing,
                    PersonChecks.attempt(p.details, pid, existing.getId(), p.village, EntrySource.IMPORT));
            p.row = error(p, p.name, refused.errors(), p.warned);
            return;
        }
        if (!PersonValues.sameIdentity(p.name, p.sex, p.born, existing.getFullName(), existing.getSex(),
                existing.getBirthDate())) {
            p.row = new Row(p.source.line(), p.source.record(), pid, p.name, Outcome.CONFLICT, existing.getId(),
                    List.of(), List.of(), List.of(new Other(existing.getId(), null, pid, existing.getFullName(),
                    existing.getSex(), existing.getBirthDate())), List.of(FieldError.coded("personalId",
                    "import.identityConflict", "Person " + existing.getId() + " has this personal ID with"
                            + " another name, date of birth or sex; nothing is changed, review both",
                    existing.getId())), p.warned);
            return;
        }
        List<FieldError> notes = new ArrayList<>(p.warned);
        Long householdId = existing.getHouseholdId();
        boolean inHousehold = p.householdCode != null;
        p.joins = inHousehold && householdId == null;
        if (inHousehold && householdId != null && (p.household == null || !householdId.equals(p.household.getId()))) {
            notes.add(FieldError.coded("householdCode", "import.otherHousehold",
                    "The person belongs to another household; move them on the household screen"));
        }
        // The same name but for case keeps the record's spelling (a list in capitals changes nothing); a name that
        // differs in its marks or spaces is the same person's name corrected.
        String keptName = TextFolding.normalize(existing.getFullName()).equalsIgnoreCase(p.name)
                ? TextFolding.normalize(existing.getFullName()) : p.name;
        PersonDetails file = p.details;
        p.merged = new PersonDetails(keptName, file.sex(), file.birthDate(), pid,
                or(file.bhytNumber(), existing.getBhytNumber()), or(file.ethnicity(), existing.getEthnicity()),
                or(file.religion(), existing.getReligion()), or(file.occupation(), existing.getOccupation()),
                or(file.phone(), existing.getPhone()), p.village.getId(), or(file.address(), existing.getAddress()),
                householdId, existing.getRelationToHead(), existing.getBloodAbo(), existing.getBloodRh());
        Map<String, String> before = existing.snapshot();
        Map<String, String> after;
        try {
            after = new Person(p.merged, p.village, caller.username()).snapshot();
        } catch (ProblemException invalid) {
            p.row = error(p, p.name, invalid.errors(), notes);
            return;
        }
        List<String> changed = new ArrayList<>(COMPARED.stream()
                .filter(k -> !Objects.equals(before.get(k), after.get(k))).toList());
        if (p.joins) {
            changed.add("householdId");
        }
        Outcome outcome = changed.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
        if (outcome == Outcome.UPDATED && p.joins && p.household == null && !run.write()) {
            plannedHouseholds.putIfAbsent(p.householdCode, p.village.getId());
        }
        p.row = new Row(p.source.line(), p.source.record(), pid, p.name, outcome, existing.getId(),
                List.copyOf(changed), List.of(), List.of(), List.of(), List.copyOf(notes));
    }

    /** Writes the chunk's valid rows: new households, new persons and their memberships in bulk, then updates. */
    private void write(List<Parsed> rows, Map<String, Household> households) {
        Map<String, Parsed> firstOfNewHousehold = new LinkedHashMap<>();
        Set<String> headInChunk = new HashSet<>();
        for (Parsed p : rows) {
            boolean writes = p.row.outcome() == Outcome.NEW || p.row.outcome() == Outcome.UPDATED && p.joins;
            if (writes && p.householdCode != null && p.household == null) {
                firstOfNewHousehold.putIfAbsent(p.householdCode, p);
                if (p.relation == MemberRelation.HEAD) {
                    headInChunk.add(p.householdCode);
                    firstOfNewHousehold.put(p.householdCode, p);
                }
            }
        }
        Map<String, Long> householdIds = new HashMap<>();
        households.forEach((code, h) -> householdIds.put(code, h.getId()));
        em.unwrap(Session.class).doWork(connection -> {
            insertHouseholds(connection, firstOfNewHousehold.values(), householdIds);
            phases.lap("write households");
            insertPersons(connection, rows, householdIds);
            phases.lap("write persons and members");
        });
        for (String code : firstOfNewHousehold.keySet()) {
            if (!headInChunk.contains(code)) {
                createdWithoutHead.add(code);
            }
        }
        List<AuditTrail.Change> created = new ArrayList<>();
        for (Parsed p : rows) {
            if (p.row.outcome() == Outcome.NEW) {
                created.add(new AuditTrail.Change(p.row.personId(), Map.of(), p.created.snapshot()));
            } else if (p.row.outcome() == Outcome.UPDATED) {
                update(p, householdIds);
            }
            if (p.householdCode != null && p.relation == MemberRelation.HEAD
                    && createdWithoutHead.remove(p.householdCode) && households.containsKey(p.householdCode)) {
                Household h = households.get(p.householdCode);
                h.correct(new HouseholdDetails(h.getCode(), null, h.getAddress(), p.name, h.getPhone(),
                        h.getNotes()), caller.username());
            }
        }
        phases.lap("snapshots for the audit, updates");
        audit.changedInBulk(caller, AuditAction.CREATE, AuditService.PERSON, created, CONTEXT);
        phases.lap("write audit");
        for (Parsed p : rows) {
            if (p.row.outcome() == Outcome.NEW && !p.row.warnings().isEmpty()
                    && PersonalIdRules.hasUnknownProvince(p.pid)) {
                checks.reviewIfUnknownProvince(caller, em.find(Person.class, p.row.personId()), EntrySource.IMPORT);
            }
        }
        em.flush();
        phases.lap("write reviews, flush");
    }

    private void insertHouseholds(Connection connection, Collection<Parsed> firsts, Map<String, Long> ids)
            throws SQLException {
        if (firsts.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Parsed p : firsts) {
            Household h = new Household(new HouseholdDetails(p.householdCode, p.village.getId(), p.details.address(),
                    p.name, p.details.phone(), null), p.village, caller.username());
            values.add(new Object[] {h.getCode(), p.village.getId(), h.getAddress(), h.getAddressFolded(),
                    h.getHeadName(), h.getHeadNameFolded(), h.getPhone(), 0, h.getCreatedAt(), h.getCreatedBy()});
            codes.add(p.householdCode);
        }
        List<Long> created = BulkInsert.returningIds(connection, "household", HOUSEHOLD_COLUMNS, values);
        for (int i = 0; i < codes.size(); i++) {
            ids.put(codes.get(i), created.get(i));
        }
    }

    private void insertPersons(Connection connection, List<Parsed> rows, Map<String, Long> householdIds)
            throws SQLException {
        List<Object[]> values = new ArrayList<>();
        for (Parsed p : rows) {
            if (p.row.outcome() != Outcome.NEW) {
                continue;
            }
            Person person = p.created;
            if (p.householdCode != null) {
                person = new Person(withHousehold(p.details, householdIds.get(p.householdCode), p.relation), p.village,
                        caller.username());
                p.created = person;
            }
            values.add(new Object[] {person.getFullName(), person.getFullNameFolded(), person.getSex(),
                    person.getBirthDate(), person.getPersonalId(), person.getProvisionalKey(), person.getBhytNumber(),
                    person.getEthnicity(), person.getReligion(), person.getOccupation(), person.getPhone(),
                    p.village.getId(), person.getAddress(), person.getHouseholdId(), person.getRelationToHead(),
                    false, 0, person.getCreatedAt(), person.getCreatedBy(), person.getCompletedAt(),
                    run.jobId() == 0 ? null : run.jobId()});
        }
        if (values.isEmpty()) {
            return;
        }
        List<Long> ids = run.jobId() == 0
                ? BulkInsert.returningIds(connection, "person", PERSON_COLUMNS, values)
                : DuplicatePairing.insertForJob(connection, run.jobId(),
                        () -> BulkInsert.returningIds(connection, "person", PERSON_COLUMNS, values));
        List<Object[]> members = new ArrayList<>();
        int next = 0;
        for (Parsed p : rows) {
            if (p.row.outcome() != Outcome.NEW) {
                continue;
            }
            Person person = p.created;
            Long id = ids.get(next++);
            p.row = new Row(p.row.line(), p.row.record(), p.row.personalId(), p.row.fullName(), Outcome.NEW, id,
                    List.of(), List.of(), List.of(), List.of(), p.row.warnings());
            if (person.getHouseholdId() != null) {
                members.add(new Object[] {person.getHouseholdId(), person.getFullName(), person.getFullNameFolded(),
                        person.getSex(), person.getBirthDate(), person.getRelationToHead(), person.getPersonalId(),
                        id, 0, person.getCreatedAt(), person.getCreatedBy()});
            }
        }
        BulkInsert.into(connection, "household_member", MEMBER_COLUMNS, members);
    }

    /** An existing record corrected by its row, joining the row's household when it had none. */
    private void update(Parsed p, Map<String, Long> householdIds) {
        Person existing = p.existing;
        Map<String, String> before = existing.snapshot();
        PersonDetails merged = p.merged;
        if (p.joins) {
            Long householdId = householdIds.get(p.householdCode);
            Household household = em.find(Household.class, householdId);
            merged = withHousehold(merged, householdId, p.relation);
            var member = household.addMember(new MemberDetails(merged.fullName(), merged.sex(), merged.birthDate(),
                    p.relation == null ? MemberRelation.OTHER : p.relation, merged.personalId()), caller.username());
            em.persist(member);
            member.linkPerson(existing.getId(), caller.username());
        }
        existing.correct(merged, p.village, caller.username());
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, existing.getId(), before, existing.snapshot(),
                CONTEXT);
    }

    /**
     * The village of a row: by code or by name, in the row's commune ({@code ma_xa}, one of the caller's) when the
     * file gives one, else among the caller's communes.
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
        if (runVillages == null) {
            runVillages = new HashMap<>();
            Set<String> scope = caller.communeScope();
            var query = em.createQuery("select u from AdministrativeUnit u join fetch u.parent where u.level = :level"
                    + " and u.validTo is null" + (scope == null ? "" : " and u.parent.code in :communes"),
                    AdministrativeUnit.class).setParameter("level", UnitLevel.VILLAGE);
            if (scope != null) {
                query.setParameter("communes", scope.isEmpty() ? List.of("-") : scope);
            }
            query.getResultList().forEach(u -> runVillages.put(u.getId(), u));
        }
        AdministrativeUnit village = runVillages.get(match.village().id());
        return village != null ? village : units.find(match.village().id()).orElse(null);
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

    private static Row error(Parsed p, String name, List<FieldError> errors, List<FieldError> warned) {
        return new Row(p.source.line(), p.source.record(), p.pid, name, Outcome.ERROR, null, List.of(), List.of(),
                List.of(), List.copyOf(errors), warned);
    }

    private static PersonDetails withHousehold(PersonDetails d, Long householdId, MemberRelation relation) {
        return new PersonDetails(d.fullName(), d.sex(), d.birthDate(), d.personalId(), d.bhytNumber(),
                d.ethnicity(), d.religion(), d.occupation(), d.phone(), d.villageId(), d.address(), householdId,
                relation == null ? MemberRelation.OTHER : relation, d.bloodAbo(), d.bloodRh());
    }

    /** A 64-bit FNV-1a hash of {@code text}: the file's name keys are remembered by it, not as strings. */
    static long hash64(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == Long.MIN_VALUE ? 0 : h;
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
