package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.PersonParts.PartRow;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitRepository;

/**
 * De-duplication of personal records. The same personal ID is one person, always (the database refuses a second);
 * what it cannot refuse are two records of one resident under different IDs or none: the same folded name and date
 * of birth in one commune, or the same BHYT number. The database keeps those pairs up to date on every write
 * (table {@code duplicate_candidate}, maintained by triggers on {@code person}, so merges keep it too; import jobs
 * pair their rows a chunk at a time, {@link DuplicatePairing}), so the first page is read, not computed. They are
 * listed for review; staff either judge them two people (never listed again) or merge them after a side-by-side
 * preview, keeping every part and visit, and can undo the merge. Everyone who may read the records sees the list;
 * only station staff decide, in their communes.
 */
@Stateless
public class DuplicateService {

    private static final int MAX_PAGE = 200;

    /** The part-A fields a merge chooses between; householdId carries the relation to the head with it. */
    static final List<String> FIELDS = List.of("fullName", "sex", "birthDate", "personalId", "bhytNumber",
            "ethnicity", "religion", "occupation", "phone", "villageId", "address", "householdId", "bloodAbo",
            "bloodRh");

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonRepository persons;

    @Inject
    private PersonChecks checks;

    @Inject
    private PersonParts parts;

    @Inject
    private UnitRepository units;

    @Inject
    private AuditTrail audit;

    /** The pairs to review in the caller's scope (both records in it), oldest records first; every record read. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<DuplicatePair> candidates(int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid(FieldError.coded("first", "page.first", "first must not be negative"));
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        List<Long> communes = caller.communeScope() == null ? null : units.communeIds(caller.communeScope());
        String scope = communes == null ? "" : " and d.commune_low in (:communes) and d.commune_high in (:communes)";
        var query = em.createNativeQuery("select d.person_low, d.person_high, group_concat(d.reason order by d.reason)"
                + " from duplicate_candidate d where not exists (select 1 from duplicate_decision x"
                + " where x.person_low = d.person_low and x.person_high = d.person_high)" + scope
                + " group by d.person_low, d.person_high order by d.person_low, d.person_high");
        if (communes != null) {
            query.setParameter("communes", communes.isEmpty() ? List.of(-1L) : communes);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(first).setMaxResults(max).getResultList();
        List<DuplicatePair> result = new ArrayList<>();
        for (Object[] row : rows) {
            Person a = persons.find(((Number) row[0]).longValue()).orElseThrow();
            Person b = persons.find(((Number) row[1]).longValue()).orElseThrow();
            audit.read(caller, AuditService.PERSON, a.getId(), "duplicates");
            audit.read(caller, AuditService.PERSON, b.getId(), "duplicates");
            result.add(new DuplicatePair(PersonService.result(a), PersonService.result(b),
                    Arrays.asList(String.valueOf(row[2]).split(","))));
        }
        return result;
    }

    /** Staff judged the two records to be two people: the pair is not listed again. */
    @RolesAllowed(Roles.STATION_STAFF)
    public void distinct(long firstId, long secondId, String note) {
        CallerIdentity caller = caller();
        if (firstId == secondId) {
            throw ProblemException.invalid(FieldError.coded("second", "duplicate.sameRecord",
                    "Name two different records"));
        }
        Person a = checks.visible(caller, Math.min(firstId, secondId));
        Person b = checks.visible(caller, Math.max(firstId, secondId));
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 500) {
            throw ProblemException.invalid(FieldError.coded("note", "tooLong", "Note is at most 500 characters",
                    "note", 500));
        }
        try {
            em.createNativeQuery("insert into duplicate_decision (person_low, person_high, decided_at, decided_by,"
                            + " note) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, a.getId()).setParameter(2, b.getId()).setParameter(3, Instant.now())
                    .setParameter(4, caller.username()).setParameter(5, why).executeUpdate();
        } catch (PersistenceException e) {
            throw ProblemException.conflict(FieldError.coded("second", "duplicate.alreadyDistinct",
                    "These two records were already judged distinct"));
        }
        audit.changed(caller, AuditAction.DISTINCT, AuditService.PERSON, a.getId(), Map.of(),
                Map.of("distinctFrom", String.valueOf(b.getId())), why);
        audit.changed(caller, AuditAction.DISTINCT, AuditService.PERSON, b.getId(), Map.of(),
                Map.of("distinctFrom", String.valueOf(a.getId())), why);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public MergePreview preview(long survivorId, long mergedId) {
        CallerIdentity caller = caller();
        Person survivor = live(caller, survivorId, "survivorId");
        Person merged = live(caller, mergedId, "mergedId");
        if (survivor == merged) {
            throw ProblemException.invalid(FieldError.coded("mergedId", "merge.self",
                    "A record cannot be merged into itself"));
        }
        audit.read(caller, AuditService.PERSON, survivor.getId(), "merge-preview");
        audit.read(caller, AuditService.PERSON, merged.getId(), "merge-preview");
        Map<String, String> s = survivor.snapshot();
        Map<String, String> m = merged.snapshot();
        List<MergeField> fields = FIELDS.stream().map(f -> new MergeField(f, s.get(f), m.get(f),
                !Objects.equals(s.get(f), m.get(f)), s.get(f) == null && m.get(f) != null)).toList();
        return new MergePreview(PersonService.result(survivor), PersonService.result(merged), fields,
                parts.count(survivor.getId()), parts.count(merged.getId()),
                parts.conflicts(survivor.getId(), merged.getId()));
    }

    /**
     * Merges the duplicate into the survivor in one transaction: the survivor takes the chosen part-A values (checked
     * like any correction), every part row of the duplicate moves to it, the duplicate is voided with a pointer to
     * the survivor and releases its personal ID; both records' audit trails say so.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    public MergeOutcome merge(MergeRequest request, EntrySource source) {
        CallerIdentity caller = caller();
        Person survivor = live(caller, request.survivorId(), "survivorId");
        Person merged = live(caller, request.mergedId(), "mergedId");
        if (survivor == merged) {
            throw ProblemException.invalid(FieldError.coded("mergedId", "merge.self",
                    "A record cannot be merged into itself"));
        }
        checkVersion("survivorVersion", request.survivorVersion(), survivor.getVersion());
        checkVersion("mergedVersion", request.mergedVersion(), merged.getVersion());
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalid(FieldError.coded("reason", "tooLong", "Reason is at most 500 characters",
                    "reason", 500));
        }
        requireNoConflicts(survivor, merged);
        Set<String> take = takeFromMerged(request.takeFromMerged(), survivor, merged);
        PersonDetails chosen = combine(survivor.details(), merged.details(), take);
        AdministrativeUnit village = checks.village(caller, chosen.villageId());

        Map<String, String> survivorBefore = survivor.snapshot();
        Map<String, String> mergedBefore = merged.snapshot();
        PersonMerge merge = new PersonMerge(survivor.getId(), merged.getId(), json(survivorBefore),
                json(mergedBefore), reason, caller.username());
        em.persist(merge);
        merged.mergeInto(survivor, caller.username());
        persons.flush();
        checks.requireFreePersonalId(caller, chosen, village, survivor.getId(), source);
        String idBefore = survivor.getPersonalId();
        survivor.correct(chosen, village, caller.username());
        checks.requireHousehold(chosen.householdId(), village);
        checks.savingPersonalId(survivor.getPersonalId() == null ? null
                : PersonChecks.attempt(chosen, survivor.getPersonalId(), null, village, source), persons::flush);
        if (!Objects.equals(idBefore, survivor.getPersonalId())) {
            checks.reviewIfUnknownProvince(survivor, source);
        }

        List<PartRow> moved = parts.move(merged.getId(), survivor.getId());
        for (PartRow row : moved) {
            em.createNativeQuery("insert into person_merge_row (merge_id, table_name, column_name, row_id)"
                            + " values (?1, ?2, ?3, ?4)").setParameter(1, merge.getId())
                    .setParameter(2, row.table()).setParameter(3, row.column()).setParameter(4, row.id())
                    .executeUpdate();
        }
        persons.flush();
        merge.survivorSettledAt(survivor.getVersion());
        String context = "merge " + merge.getId();
        audit.changed(caller, AuditAction.MERGE, AuditService.PERSON, survivor.getId(), survivorBefore,
                with(survivor.snapshot(), "absorbed", String.valueOf(merged.getId())), context);
        audit.changed(caller, AuditAction.MERGE, AuditService.PERSON, merged.getId(), mergedBefore,
                with(merged.snapshot(), "mergedInto", String.valueOf(survivor.getId())), context);
        return new MergeOutcome(merge, PersonService.result(survivor), countByTable(moved));
    }

    /**
     * Refuses a merge while both records hold a row that a part allows once per person (the same live dose, say):
     * which of the two is right is for a person to judge, and the part's own void (with its reason, and the stock
     * of a given dose) is the way to say it.
     */
    private void requireNoConflicts(Person survivor, Person merged) {
        List<PersonParts.Conflict> conflicts = parts.conflicts(survivor.getId(), merged.getId());
        if (!conflicts.isEmpty()) {
            PersonParts.Conflict c = conflicts.get(0);
            throw ProblemException.conflict(FieldError.coded("mergedId", "merge.conflict",
                    "Both records hold the same " + c.table() + " row (same " + String.join(", ", c.columns())
                            + "): row " + c.survivorRowId() + " of record " + survivor.getId() + " and row "
                            + c.mergedRowId() + " of record " + merged.getId() + (conflicts.size() > 1
                            ? " and " + (conflicts.size() - 1) + " more" : "")
                            + ". Void the wrong one on its record, then merge.",
                    c.table(), c.survivorRowId(), c.mergedRowId(), conflicts.size()));
        }
    }

    /**
     * Undoes a merge: both records get back part A as it was, the duplicate lives again with its personal ID, and the
     * rows the merge moved go back to it (rows added to the survivor since stay). Refused if the survivor's part A
     * changed after the merge, or if its personal ID has meanwhile been given to another record.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    public MergeOutcome undo(long mergeId, EntrySource source) {
        CallerIdentity caller = caller();
        PersonMerge merge = em.find(PersonMerge.class, mergeId);
        if (merge == null) {
            throw ProblemException.notFound("No merge " + mergeId);
        }
        Person survivor = checks.visible(caller, merge.getSurvivorId());
        Person merged = checks.visible(caller, merge.getMergedId());
        merge.undo(survivor.getVersion(), caller.username());
        Map<String, String> survivorBefore = survivor.snapshot();
        Map<String, String> mergedBefore = merged.snapshot();
        Map<String, String> survivorWas = map(merge.getSurvivorBefore());
        Map<String, String> mergedWas = map(merge.getMergedBefore());
        survivor.restore(survivorWas, villageOf(survivorWas), caller.username());
        persons.flush();
        AdministrativeUnit mergedVillage = villageOf(mergedWas);
        PersonDetails mergedDetails = merged.details();
        PersonDetails restoring = new PersonDetails(mergedWas.get("fullName"), mergedDetails.sex(),
                mergedDetails.birthDate(), mergedWas.get("personalId"), null, null, null, null, null, null, null,
                null, null, null, null);
        checks.requireFreePersonalId(caller, restoring, mergedVillage, merged.getId(), source);
        merged.restore(mergedWas, mergedVillage, caller.username());
        checks.savingPersonalId(merged.getPersonalId() == null ? null
                : PersonChecks.attempt(restoring, merged.getPersonalId(), null, mergedVillage, source),
                persons::flush);

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select table_name, column_name, row_id from person_merge_row"
                + " where merge_id = ?1").setParameter(1, merge.getId()).getResultList();
        List<PartRow> moved = rows.stream().map(r -> new PartRow(String.valueOf(r[0]), String.valueOf(r[1]),
                ((Number) r[2]).longValue())).toList();
        parts.moveBack(moved, survivor.getId(), merged.getId());
        String context = "undo merge " + merge.getId();
        audit.changed(caller, AuditAction.UNMERGE, AuditService.PERSON, survivor.getId(), survivorBefore,
                survivor.snapshot(), context);
        audit.changed(caller, AuditAction.UNMERGE, AuditService.PERSON, merged.getId(), mergedBefore,
                merged.snapshot(), context);
        return new MergeOutcome(merge, PersonService.result(survivor), countByTable(moved));
    }

    /** The merges a record took part in, newest first (as survivor or as duplicate). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<PersonMerge> merges(long personId) {
        CallerIdentity caller = caller();
        Person person = checks.visible(caller, personId);
        return em.createQuery("select m from PersonMerge m where m.survivorId = :id or m.mergedId = :id"
                + " order by m.mergedAt desc, m.id desc", PersonMerge.class)
                .setParameter("id", person.getId()).getResultList();
    }

    /** The latest merges whose survivor the caller reaches, newest first, for the review screen's undo. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<PersonMerge> recentMerges(int max) {
        CallerIdentity caller = caller();
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        Set<String> communes = caller.communeScope();
        String scope = communes == null ? "" : " and c.code in :communes";
        var query = em.createQuery("select m from PersonMerge m, Person s join s.village v join v.parent c"
                + " where s.id = m.survivorId" + scope + " order by m.mergedAt desc, m.id desc", PersonMerge.class);
        if (communes != null) {
            query.setParameter("communes", communes.isEmpty() ? List.of("-") : List.copyOf(communes));
        }
        return query.setMaxResults(max).getResultList();
    }

    private Person live(CallerIdentity caller, long id, String field) {
        Person person;
        try {
            person = checks.visible(caller, id);
        } catch (ProblemException notFound) {
            throw new ProblemException(404, FieldError.coded(field, "person.notFound", notFound.getMessage(), id));
        }
        if (person.isVoided()) {
            throw ProblemException.conflict(FieldError.coded(field, "merge.voided", "Record " + id + " is voided: "
                    + person.getVoidReason(), id, person.getVoidReason()));
        }
        return person;
    }

    private static Set<String> takeFromMerged(Set<String> requested, Person survivor, Person merged) {
        if (requested == null) {
            Map<String, String> s = survivor.snapshot();
            Map<String, String> m = merged.snapshot();
            Set<String> defaults = new HashSet<>();
            FIELDS.stream().filter(f -> s.get(f) == null && m.get(f) != null).forEach(defaults::add);
            return defaults;
        }
        for (String field : requested) {
            if (!FIELDS.contains(field)) {
                throw ProblemException.invalid(FieldError.coded("takeFromMerged", "merge.unknownField",
                        "Unknown field " + field + "; one of " + FIELDS, field, FIELDS));
            }
        }
        return Set.copyOf(requested);
    }

    private static PersonDetails combine(PersonDetails s, PersonDetails m, Set<String> take) {
        Function<String, Boolean> fromMerged = take::contains;
        boolean household = fromMerged.apply("householdId");
        return new PersonDetails(
                fromMerged.apply("fullName") ? m.fullName() : s.fullName(),
                fromMerged.apply("sex") ? m.sex() : s.sex(),
                fromMerged.apply("birthDate") ? m.birthDate() : s.birthDate(),
                fromMerged.apply("personalId") ? m.personalId() : s.personalId(),
                fromMerged.apply("bhytNumber") ? m.bhytNumber() : s.bhytNumber(),
                fromMerged.apply("ethnicity") ? m.ethnicity() : s.ethnicity(),
                fromMerged.apply("religion") ? m.religion() : s.religion(),
                fromMerged.apply("occupation") ? m.occupation() : s.occupation(),
                fromMerged.apply("phone") ? m.phone() : s.phone(),
                fromMerged.apply("villageId") ? m.villageId() : s.villageId(),
                fromMerged.apply("address") ? m.address() : s.address(),
                household ? m.householdId() : s.householdId(),
                household ? m.relationToHead() : s.relationToHead(),
                fromMerged.apply("bloodAbo") ? m.bloodAbo() : s.bloodAbo(),
                fromMerged.apply("bloodRh") ? m.bloodRh() : s.bloodRh());
    }

    private AdministrativeUnit villageOf(Map<String, String> snapshot) {
        return units.find(Long.parseLong(snapshot.get("villageId"))).orElseThrow();
    }

    private static void checkVersion(String field, Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.conflict(FieldError.coded(field, "merge.changed",
                    "The record was changed by someone else; reload the preview"));
        }
    }

    private static Map<String, String> with(Map<String, String> snapshot, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(snapshot);
        m.put(key, value);
        return m;
    }

    private static Map<String, Long> countByTable(List<PartRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.table(), 1L, Long::sum));
        return counts;
    }

    private static String json(Map<String, String> snapshot) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        snapshot.forEach((k, v) -> {
            if (v == null) {
                b.addNull(k);
            } else {
                b.add(k, v);
            }
        });
        return b.build().toString();
    }

    private static Map<String, String> map(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            o.forEach((k, v) -> m.put(k, v.getValueType() == JsonValue.ValueType.NULL ? null
                    : o.getString(k)));
        }
        return m;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
