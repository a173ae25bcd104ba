package vn.hssk.fhir;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.immunization.DoseDetails;
import vn.hssk.immunization.Immunization;
import vn.hssk.immunization.ImmunizationService;
import vn.hssk.record.EntrySource;
import vn.hssk.record.HistoryEntry;
import vn.hssk.record.Person;
import vn.hssk.record.PersonChecks;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.PersonFilter;
import vn.hssk.record.PersonRepository;
import vn.hssk.record.PersonResult;
import vn.hssk.record.PersonService;
import vn.hssk.record.Visit;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationStaff;
import vn.hssk.tenant.TenantContext;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitScope;

/**
 * The FHIR R4 API's reads, searches and writes, with the scope rules of the rest of the platform: the caller's
 * province only; commune chairs and station staff only the persons, stations, staff and units of their communes; an
 * id outside them is answered like one that does not exist. Every resource of a person that leaves is an audited
 * read of that person (context {@value #AUDIT_CONTEXT}), once per person and call; writes go through the same use
 * cases as the screens ({@link PersonService#register}, {@link ImmunizationService#record}), with their checks and
 * audit.
 */
@Stateless
public class FhirService {

    public static final String AUDIT_CONTEXT = "fhir";
    /** The resource types this API serves, in the order a bulk export writes them. */
    public static final List<String> TYPES = List.of("Patient", "Immunization", "Encounter", "Observation",
            "Condition", "AllergyIntolerance", "Organization", "Location", "Practitioner");
    /** The types whose search needs a patient. */
    public static final Set<String> PATIENT_TYPES = Set.of("Immunization", "Encounter", "Observation", "Condition",
            "AllergyIntolerance");
    private static final int MAX_PER_PATIENT = 10_000;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonChecks checks;

    @Inject
    private AuditTrail audit;

    @Inject
    private PersonService persons;

    @Inject
    private ImmunizationService immunizations;

    @Inject
    private FhirInput input;

    @Inject
    private PersonRepository personRows;

    /** One page of a search: its resources and how many the search finds in all. */
    public record Page(List<JsonObject> resources, long total) {
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public JsonObject read(String type, String id) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        JsonObject found = switch (type) {
            case "Patient" -> row(tenant, id).map(rid -> {
                Person p = checks.visible(caller, rid);
                audited(caller, p.getId());
                return FhirPatient.of(p, tenant);
            }).orElse(null);
            case "Immunization" -> row(tenant, id).map(rid -> {
                Immunization dose = em.find(Immunization.class, rid);
                return dose == null ? null : FhirClinical.immunization(dose, tenantOf(caller, dose.getPersonId()));
            }).orElse(null);
            case "Encounter" -> row(tenant, id).map(rid -> {
                Visit visit = em.find(Visit.class, rid);
                return visit == null ? null : FhirClinical.encounter(visit, tenantOf(caller, visit.getPersonId()));
            }).orElse(null);
            case "Observation" -> visitPart(caller, tenant, id, FhirClinical::observation);
            case "Condition" -> condition(caller, tenant, id);
            case "AllergyIntolerance" -> row(tenant, id).map(rid -> {
                HistoryEntry e = em.find(HistoryEntry.class, rid);
                if (e == null || !FhirClinical.mapped(e) || !"AllergyIntolerance".equals(
                        FhirClinical.historyType(e))) {
                    return null;
                }
                return FhirClinical.history(e, tenantOf(caller, e.getPersonId()));
            }).orElse(null);
            case "Organization" -> organization(caller, tenant, id);
            case "Location" -> row(tenant, id).map(rid -> {
                AdministrativeUnit u = em.find(AdministrativeUnit.class, rid);
                return u == null || !unitVisible(caller, u) ? null : FhirDirectory.location(u, tenant);
            }).orElse(null);
            case "Practitioner" -> row(tenant, id).map(rid -> {
                StationStaff s = em.find(StationStaff.class, rid);
                return s == null || !UnitScope.reaches(caller, s.getStation().getCommune())
                        ? null : FhirDirectory.practitioner(s, tenant);
            }).orElse(null);
            default -> throw ProblemException.notFound("This server has no resource type " + type);
        };
        if (found == null) {
            throw ProblemException.notFound("No " + type + " " + id);
        }
        return found;
    }

    /** A search of {@code type}; {@code params} are the request's parameters less the paging ones. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Page search(String type, Map<String, List<String>> params, int offset, int count) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        FhirParams p = new FhirParams(type, params);
        if (PATIENT_TYPES.contains(type)) {
            return patientSearch(caller, tenant, type, p, offset, count);
        }
        return switch (type) {
            case "Patient" -> patients(caller, tenant, p, offset, count);
            case "Organization" -> organizations(caller, tenant, p, offset, count);
            case "Location" -> locations(caller, tenant, p, offset, count);
            case "Practitioner" -> practitioners(caller, tenant, p, offset, count);
            default -> throw ProblemException.notFound("This server has no resource type " + type);
        };
    }

    /** The patient and every resource of their record ({@code Patient/{id}/$everything}). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Page everything(String id, int offset, int count) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        long rowId = row(tenant, id).orElseThrow(() -> ProblemException.notFound("No Patient " + id));
        Person person = checks.visible(caller, rowId);
        audited(caller, person.getId());
        List<JsonObject> all = new ArrayList<>();
        all.add(FhirPatient.of(person, tenant));
        for (String type : PATIENT_TYPES.stream().sorted().toList()) {
            all.addAll(ofPatient(tenant, type, person.getId()));
        }
        return slice(all, offset, count);
    }

    /** Registers a person sent as a Patient; answers the new Patient. */
    @RolesAllowed(Roles.STATION_STAFF)
    public JsonObject createPatient(JsonObject patient) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        PersonDetails details = input.person(patient);
        PersonResult made = persons.register(details, EntrySource.API);
        Person person = checks.visible(caller, made.person().getId());
        return FhirPatient.of(person, tenant);
    }

    /** Records a dose sent as an Immunization, with the dose screen's checks; answers the new Immunization. */
    @RolesAllowed(Roles.STATION_STAFF)
    public JsonObject createImmunization(JsonObject immunization) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        FhirInput.Dose dose = input.dose(tenant, immunization);
        DoseDetails details = dose.details();
        Immunization made = immunizations.record(dose.personId(), details);
        return FhirClinical.immunization(made, tenant);
    }

    // ---- reads

    private static java.util.Optional<Long> row(String tenant, String id) {
        OptionalLong r = Fhir.rowId(tenant, id);
        return r.isPresent() ? java.util.Optional.of(r.getAsLong()) : java.util.Optional.empty();
    }

    /** The tenant, once the caller is known to reach the person (audited); otherwise a 404. */
    private String tenantOf(CallerIdentity caller, long personId) {
        Person p = checks.visible(caller, personId);
        audited(caller, p.getId());
        return caller.requireTenant();
    }

    private void audited(CallerIdentity caller, long personId) {
        audit.read(caller, AuditService.PERSON, personId, AUDIT_CONTEXT);
    }

    private interface VisitPart {
        JsonObject of(Visit visit, String tenant, String part);
    }

    private JsonObject visitPart(CallerIdentity caller, String tenant, String id, VisitPart part) {
        Fhir.PartId pid = Fhir.partId(tenant, id);
        if (pid == null) {
            return null;
        }
        Visit visit = em.find(Visit.class, pid.rowId());
        if (visit == null) {
            return null;
        }
        JsonObject found = part.of(visit, tenant, pid.part());
        return found == null ? null : part.of(visit, tenantOf(caller, visit.getPersonId()), pid.part());
    }

    private JsonObject condition(CallerIdentity caller, String tenant, String id) {
        Fhir.PartId pid = Fhir.partId(tenant, id);
        if (pid == null) {
            return null;
        }
        if ("h".equals(pid.part())) {
            HistoryEntry e = em.find(HistoryEntry.class, pid.rowId());
            if (e == null || !FhirClinical.mapped(e) || !"Condition".equals(FhirClinical.historyType(e))) {
                return null;
            }
            return FhirClinical.history(e, tenantOf(caller, e.getPersonId()));
        }
        return visitPart(caller, tenant, id, FhirClinical::diagnosis);
    }

    private JsonObject organization(CallerIdentity caller, String tenant, String id) {
        if (tenant.equals(id)) {
            return FhirDirectory.department(tenant, provinceName(tenant));
        }
        return row(tenant, id).map(rid -> {
            HealthStation s = em.find(HealthStation.class, rid);
            return s == null || !UnitScope.reaches(caller, s.getCommune()) ? null : FhirDirectory.station(s, tenant);
        }).orElse(null);
    }

    private static String provinceName(String tenant) {
        return TenantContext.current().map(t -> t.name()).orElse(tenant);
    }

    private static boolean unitVisible(CallerIdentity caller, AdministrativeUnit u) {
        return caller.communeScope() == null || u.getLevel() == UnitLevel.PROVINCE
                || u.getLevel() == UnitLevel.DISTRICT || UnitScope.reaches(caller, u);
    }

    // ---- searches

    /**
     * Patients. A search by name (with gender and birth date at most) is the platform's own person search, which
     * walks the folded-name indexes in tiers (the exact name, then the given name, then names that start so) and
     * stops at the page, so it stays fast at a million residents; any other parameter makes one query in id order.
     */
    private Page patients(CallerIdentity caller, String tenant, FhirParams p, int offset, int count) {
        if (p.single("name") != null && p.only(Set.of("name", "gender", "birthdate"))) {
            return patientsByName(caller, tenant, p, offset, count);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        String id = p.single("_id");
        if (id != null) {
            OptionalLong rid = Fhir.rowId(tenant, id);
            if (rid.isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.append(" and p.id = :id");
            binds.put("id", rid.getAsLong());
        } else {
            where.append(" and p.voided = false");
        }
        String identifier = p.single("identifier");
        if (identifier != null) {
            FhirParams.Token token = FhirParams.token(identifier);
            String column = switch (token.system() == null ? "" : token.system()) {
                case Fhir.PERSONAL_ID -> "p.personalId = :identifier";
                case Fhir.SOCIAL_INSURANCE -> "p.bhytNumber = :identifier";
                case Fhir.PROVISIONAL -> "p.provisionalKey = :identifier";
                case "" -> "(p.personalId = :identifier or p.bhytNumber = :identifier"
                        + " or p.provisionalKey = :identifier)";
                default -> null;
            };
            if (column == null) {
                return new Page(List.of(), 0);
            }
            where.append(" and ").append(column);
            binds.put("identifier", token.value());
        }
        String name = p.single("name");
        if (name != null) {
            String[] words = TextFolding.fold(name).split(" ");
            for (int i = 0; i < words.length; i++) {
                if (words[i].isEmpty()) {
                    continue;
                }
                where.append(" and (p.fullNameFolded like :w").append(i).append(" or p.fullNameFolded like :v")
                        .append(i).append(")");
                binds.put("w" + i, FhirParams.escapeLike(words[i]) + "%");
                binds.put("v" + i, "% " + FhirParams.escapeLike(words[i]) + "%");
            }
        }
        String gender = p.single("gender");
        if (gender != null) {
            where.append(" and p.sex = :sex");
            binds.put("sex", sex(gender));
        }
        p.dateRanges("birthdate").forEach(r -> {
            int n = binds.size();
            if (r.from() != null) {
                where.append(" and p.birthDate >= :b").append(n);
                binds.put("b" + n, r.from());
            }
            if (r.to() != null) {
                where.append(" and p.birthDate <= :c").append(n);
                binds.put("c" + n, r.to());
            }
        });
        lastUpdated(p, "p", where, binds);
        Set<String> communes = caller.communeScope();
        if (communes != null) {
            List<Long> villages = villagesOf(communes);
            if (villages.isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.append(" and p.village.id in :villages");
            binds.put("villages", villages);
        }
        TypedQuery<Long> total = em.createQuery("select count(p) from Person p" + where, Long.class);
        TypedQuery<Person> page = em.createQuery("select p from Person p" + where + " order by p.id", Person.class);
        binds.forEach((k, v) -> {
            total.setParameter(k, v);
            page.setParameter(k, v);
        });
        List<Person> found = count == 0 ? List.of()
                : page.setFirstResult(offset).setMaxResults(count).getResultList();
        List<JsonObject> out = new ArrayList<>();
        for (Person person : found) {
            audited(caller, person.getId());
            out.add(FhirPatient.of(person, tenant));
        }
        return new Page(out, total.getSingleResult());
    }

    private Page patientsByName(CallerIdentity caller, String tenant, FhirParams p, int offset, int count) {
        java.time.LocalDate from = null;
        java.time.LocalDate to = null;
        for (FhirParams.DateRange r : p.dateRanges("birthdate")) {
            if (r.from() != null && (from == null || r.from().isAfter(from))) {
                from = r.from();
            }
            if (r.to() != null && (to == null || r.to().isBefore(to))) {
                to = r.to();
            }
        }
        PersonFilter filter = new PersonFilter(p.single("name"), null, sex(p.single("gender")), from, to);
        List<JsonObject> out = new ArrayList<>();
        if (count > 0) {
            for (Person person : personRows.search(filter, caller.communeScope(), offset, count)) {
                audited(caller, person.getId());
                out.add(FhirPatient.of(person, tenant));
            }
        }
        return new Page(out, personRows.count(filter, caller.communeScope()));
    }

    private static vn.hssk.household.Sex sex(String gender) {
        if (gender == null) {
            return null;
        }
        return switch (gender) {
            case "male" -> vn.hssk.household.Sex.MALE;
            case "female" -> vn.hssk.household.Sex.FEMALE;
            default -> throw ProblemException.invalid(FieldError.coded("gender", "fhir.gender",
                    "gender is male or female"));
        };
    }

    private static void lastUpdated(FhirParams p, String alias, StringBuilder where, Map<String, Object> binds) {
        for (FhirParams.InstantRange r : p.instantRanges("_lastUpdated")) {
            int n = binds.size();
            String updated = "coalesce(" + alias + ".changedAt, " + alias + ".createdAt)";
            if (r.from() != null) {
                where.append(" and ").append(updated).append(" >= :u").append(n);
                binds.put("u" + n, r.from());
            }
            if (r.to() != null) {
                where.append(" and ").append(updated).append(" < :t").append(n);
                binds.put("t" + n, r.to());
            }
        }
    }

    private List<Long> villagesOf(Set<String> communes) {
        return em.createQuery("select v.id from AdministrativeUnit v where v.parent.code in :communes", Long.class)
                .setParameter("communes", communes).getResultList();
    }

    private Page patientSearch(CallerIdentity caller, String tenant, String type, FhirParams p, int offset,
                               int count) {
        String reference = p.single("patient");
        if (reference == null && !"Immunization".equals(type) && !"AllergyIntolerance".equals(type)) {
            reference = p.single("subject");
        }
        if (reference == null) {
            throw ProblemException.invalid(FieldError.coded("patient", "fhir.patientRequired", "A search of " + type
                    + " names the patient (patient=Patient/...); the whole province comes out with $export", type));
        }
        OptionalLong rid = Fhir.referenced(tenant, "Patient", reference);
        if (rid.isEmpty()) {
            return new Page(List.of(), 0);
        }
        Person person;
        try {
            person = checks.visible(caller, rid.getAsLong());
        } catch (ProblemException outside) {
            return new Page(List.of(), 0);
        }
        List<JsonObject> all = ofPatient(tenant, type, person.getId());
        List<FhirParams.DateRange> dates = p.dateRanges("date");
        List<FhirParams.InstantRange> updated = p.instantRanges("_lastUpdated");
        Predicate<JsonObject> keep = r -> dates.stream().allMatch(d -> d.contains(FhirParams.dateOf(r)))
                && updated.stream().allMatch(u -> u.contains(FhirParams.lastUpdatedOf(r)));
        String category = p.single("category");
        String code = p.single("Immunization".equals(type) ? "vaccine-code" : "code");
        List<JsonObject> matching = all.stream().filter(keep)
                .filter(r -> category == null || FhirParams.hasCode(r.get("category"), category))
                .filter(r -> code == null || FhirParams.hasCode(r.get("code"), code) || FhirParams.hasCode(
                        r.get("vaccineCode"), code))
                .toList();
        if (!matching.isEmpty()) {
            audited(caller, person.getId());
        }
        return slice(matching, offset, count);
    }

    /** Every live resource of {@code type} of one person (no audit: the caller audits). */
    private List<JsonObject> ofPatient(String tenant, String type, long personId) {
        List<JsonObject> out = new ArrayList<>();
        switch (type) {
            case "Immunization" -> em.createQuery("select i from Immunization i where i.personId = :p"
                            + " and i.voided = false order by i.givenOn, i.id", Immunization.class)
                    .setParameter("p", personId).setMaxResults(MAX_PER_PATIENT).getResultList()
                    .forEach(i -> out.add(FhirClinical.immunization(i, tenant)));
            case "Encounter" -> visits(personId).forEach(v -> out.add(FhirClinical.encounter(v, tenant)));
            case "Observation" -> visits(personId).forEach(v -> out.addAll(FhirClinical.observations(v, tenant)));
            case "Condition" -> {
                visits(personId).forEach(v -> out.addAll(FhirClinical.diagnoses(v, tenant)));
                history(personId).stream().filter(e -> "Condition".equals(FhirClinical.historyType(e)))
                        .forEach(e -> out.add(FhirClinical.history(e, tenant)));
            }
            case "AllergyIntolerance" -> history(personId).stream()
                    .filter(e -> "AllergyIntolerance".equals(FhirClinical.historyType(e)))
                    .forEach(e -> out.add(FhirClinical.history(e, tenant)));
            default -> throw new IllegalArgumentException(type);
        }
        return out;
    }

    private List<Visit> visits(long personId) {
        return em.createQuery("select v from Visit v where v.personId = :p and v.voided = false"
                        + " order by v.visitDate, v.id", Visit.class)
                .setParameter("p", personId).setMaxResults(MAX_PER_PATIENT).getResultList();
    }

    private List<HistoryEntry> history(long personId) {
        return em.createQuery("select e from HistoryEntry e where e.personId = :p and e.voided = false"
                        + " order by e.id", HistoryEntry.class)
                .setParameter("p", personId).setMaxResults(MAX_PER_PATIENT).getResultList()
                .stream().filter(FhirClinical::mapped).toList();
    }

    private Page organizations(CallerIdentity caller, String tenant, FhirParams p, int offset, int count) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        String name = p.single("name");
        if (name != null) {
            where.append(" and lower(s.name) like :name");
            binds.put("name", "%" + FhirParams.escapeLike(name.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        String identifier = p.single("identifier");
        if (identifier != null) {
            where.append(" and s.facilityCode = :code");
            binds.put("code", FhirParams.token(identifier).value());
        }
        if (caller.communeScope() != null) {
            where.append(" and s.commune.code in :communes");
            binds.put("communes", caller.communeScope());
        }
        List<JsonObject> all = new ArrayList<>();
        if (name == null && identifier == null) {
            all.add(FhirDirectory.department(tenant, provinceName(tenant)));
        }
        TypedQuery<HealthStation> q = em.createQuery("select s from HealthStation s" + where + " order by s.id",
                HealthStation.class);
        binds.forEach(q::setParameter);
        q.getResultList().forEach(s -> all.add(FhirDirectory.station(s, tenant)));
        return slice(all, offset, count);
    }

    private Page locations(CallerIdentity caller, String tenant, FhirParams p, int offset, int count) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        String name = p.single("name");
        if (name != null) {
            where.append(" and lower(u.name) like :name");
            binds.put("name", "%" + FhirParams.escapeLike(name.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        String identifier = p.single("identifier");
        if (identifier != null) {
            where.append(" and u.code = :code");
            binds.put("code", FhirParams.token(identifier).value());
        }
        String partOf = p.single("partof");
        if (partOf != null) {
            OptionalLong parent = Fhir.referenced(tenant, "Location", partOf);
            if (parent.isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.append(" and u.parent.id = :parent");
            binds.put("parent", parent.getAsLong());
        }
        Set<String> communes = caller.communeScope();
        if (communes != null) {
            where.append(" and (u.level in :open or u.code in :communes or u.parent.code in :communes)");
            binds.put("open", List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT));
            binds.put("communes", communes);
        }
        TypedQuery<Long> total = em.createQuery("select count(u) from AdministrativeUnit u left join u.parent"
                + where, Long.class);
        TypedQuery<AdministrativeUnit> q = em.createQuery("select u from AdministrativeUnit u left join u.parent"
                + where + " order by u.id", AdministrativeUnit.class);
        binds.forEach((k, v) -> {
            total.setParameter(k, v);
            q.setParameter(k, v);
        });
        List<JsonObject> out = new ArrayList<>();
        if (count > 0) {
            q.setFirstResult(offset).setMaxResults(count).getResultList()
                    .forEach(u -> out.add(FhirDirectory.location(u, tenant)));
        }
        return new Page(out, total.getSingleResult());
    }

    private Page practitioners(CallerIdentity caller, String tenant, FhirParams p, int offset, int count) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        String name = p.single("name");
        if (name != null) {
            where.append(" and lower(s.fullName) like :name");
            binds.put("name", "%" + FhirParams.escapeLike(name.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        String identifier = p.single("identifier");
        if (identifier != null) {
            where.append(" and s.licenceNumber = :licence");
            binds.put("licence", FhirParams.token(identifier).value());
        }
        if (caller.communeScope() != null) {
            where.append(" and s.station.commune.code in :communes");
            binds.put("communes", caller.communeScope());
        }
        TypedQuery<StationStaff> q = em.createQuery("select s from StationStaff s" + where + " order by s.id",
                StationStaff.class);
        binds.forEach(q::setParameter);
        List<JsonObject> all = new ArrayList<>();
        q.getResultList().forEach(s -> all.add(FhirDirectory.practitioner(s, tenant)));
        return slice(all, offset, count);
    }

    private static Page slice(List<JsonObject> all, int offset, int count) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + count);
        return new Page(List.copyOf(all.subList(from, to)), all.size());
    }

    /** The parameters this server reads for each type (the rest are refused, as the CapabilityStatement says). */
    public static final Map<String, Set<String>> SEARCH_PARAMS = Map.of(
            "Patient", new LinkedHashSet<>(List.of("_id", "identifier", "name", "birthdate", "gender",
                    "_lastUpdated")),
            "Immunization", new LinkedHashSet<>(List.of("patient", "date", "_lastUpdated", "vaccine-code")),
            "Encounter", new LinkedHashSet<>(List.of("patient", "subject", "date", "_lastUpdated")),
            "Observation", new LinkedHashSet<>(List.of("patient", "subject", "date", "category", "code",
                    "_lastUpdated")),
            "Condition", new LinkedHashSet<>(List.of("patient", "subject", "category", "code", "_lastUpdated")),
            "AllergyIntolerance", new LinkedHashSet<>(List.of("patient", "_lastUpdated")),
            "Organization", new LinkedHashSet<>(List.of("name", "identifier")),
            "Location", new LinkedHashSet<>(List.of("name", "identifier", "partof")),
            "Practitioner", new LinkedHashSet<>(List.of("name", "identifier")));
}
