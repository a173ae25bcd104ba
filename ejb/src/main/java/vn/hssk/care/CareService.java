package vn.hssk.care;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.immunization.DueList;
import vn.hssk.immunization.DueListService;
import vn.hssk.record.Person;
import vn.hssk.record.PersonAccess;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDetails;
import vn.hssk.record.VisitService;
import vn.hssk.record.VisitTestGroup;
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
 * The station's care by household: the programmes and their rules (the province changes them), enrolment and
 * follow-up of a person, the village care list, the overdue follow-ups of a commune and the counts the commune chair
 * watches. Persons and units are reached through the same scope checks as the record (others answer 404); every
 * person read or changed is audited as part of their record ({@link AuditService#CARE}).
 */
@Stateless
public class CareService {

    static final String GLUCOSE_TEST = "Đường huyết (mmol/L)";
    private static final BigDecimal GLUCOSE_MIN = BigDecimal.valueOf(1);
    private static final BigDecimal GLUCOSE_MAX = BigDecimal.valueOf(40);
    private static final int MAX_MISSED = 2000;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonAccess access;

    @Inject
    private UnitRepository units;

    @Inject
    private AuditTrail audit;

    @EJB
    private VisitService visits;

    @EJB
    private DueListService dueLists;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<CareProgramme> programmes() {
        caller();
        return allProgrammes();
    }

    /** The province changes a programme's rules; {@code version} is the one the screen showed. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public CareProgramme changeRules(String code, int version, CareRulesDetails details) {
        CallerIdentity caller = caller();
        CareProgramme p = programme(code);
        if (p.getVersion() != version) {
            throw ProblemException.conflict(FieldError.coded("version", "changedMeanwhile",
                    "Someone changed this programme meanwhile; reload it"));
        }
        Map<String, String> before = p.snapshot();
        p.changeRules(details == null ? new CareRulesDetails(null, null, null, null, null, null, null, null)
                : details, caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.CARE_PROGRAMME, p.getPosition(), before,
                p.snapshot(), "programme " + p.getCode());
        return p;
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public EnrolmentView enrol(long personId, String programmeCode, LocalDate enrolledOn, String note) {
        CallerIdentity caller = caller();
        Person person = access.writable(caller, personId);
        if (programmeCode == null || programmeCode.isBlank()) {
            throw ProblemException.invalid(FieldError.coded("programme", "required", "Programme is required",
                    "programme"));
        }
        CareProgramme p = em.find(CareProgramme.class, programmeCode.trim());
        if (p == null) {
            throw ProblemException.invalid(FieldError.coded("programme", "care.unknown",
                    "No programme " + programmeCode, programmeCode));
        }
        em.find(Person.class, person.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (!em.createQuery("select e.id from CareEnrolment e where e.personId = :p and e.programme = :c"
                        + " and e.open is not null", Long.class).setParameter("p", person.getId())
                .setParameter("c", p.getCode()).getResultList().isEmpty()) {
            throw ProblemException.conflict(FieldError.coded("programme", "care.alreadyEnrolled",
                    "This person is already enrolled in this programme", p.getCode()));
        }
        CareEnrolment e = new CareEnrolment(person, p, enrolledOn, note, caller.username());
        em.persist(e);
        em.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.CARE, person.getId(), Map.of(), e.snapshot(),
                "enrolment " + e.getId());
        return view(e, p);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public EnrolmentView end(long personId, long enrolmentId, int version, LocalDate endedOn, String reason) {
        CallerIdentity caller = caller();
        Person person = access.visible(caller, personId);
        CareEnrolment e = enrolment(person, enrolmentId);
        if (e.getVersion() != version) {
            throw ProblemException.conflict(FieldError.coded("version", "changedMeanwhile",
                    "Someone changed this enrolment meanwhile; reload it"));
        }
        Map<String, String> before = e.snapshot();
        e.end(endedOn, reason, caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.CARE, person.getId(), before, e.snapshot(),
                "enrolment " + e.getId());
        return view(e, programme(e.getProgramme()));
    }

    /**
     * A follow-up visit of an open enrolment: recorded as a part D visit (its checks and audit) and linked to the
     * enrolment, in one transaction.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    public EnrolmentView followUp(long personId, long enrolmentId, FollowUpDetails d) {
        CallerIdentity caller = caller();
        Person person = access.writable(caller, personId);
        CareEnrolment e = enrolment(person, enrolmentId);
        if (d == null) {
            throw ProblemException.invalid(FieldError.coded("visitDate", "required", "Visit date is required",
                    "visitDate"));
        }
        e.requireFollowUpOn(d.visitDate());
        BigDecimal glucose = d.glucoseMmol();
        if (glucose != null && (glucose.compareTo(GLUCOSE_MIN) < 0 || glucose.compareTo(GLUCOSE_MAX) > 0
                || glucose.stripTrailingZeros().scale() > 1)) {
            throw ProblemException.invalid(FieldError.coded("glucoseMmol", "care.glucose",
                    "Blood glucose is between 1 and 40 mmol/L, with one decimal at most"));
        }
        CareProgramme p = programme(e.getProgramme());
        List<VisitDetails.TestDetails> tests = glucose == null ? List.of()
                : List.of(new VisitDetails.TestDetails(VisitTestGroup.LAB, GLUCOSE_TEST, glucose.toPlainString()));
        Visit visit = visits.record(person.getId(), new VisitDetails(d.visitDate(), d.examiner(),
                p.followUpReason(), null, null,
                d.bpSystolic(), d.bpDiastolic(), null, null, d.weightKg(), null,
                TextFolding.normalize(d.note()), tests, List.of(), null, null));
        CareFollowUp f = new CareFollowUp(e, visit.getId(), visit.getVisitDate(), glucose, caller.username());
        em.persist(f);
        em.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.CARE, person.getId(), Map.of(),
                Map.of("enrolment", String.valueOf(e.getId()), "visit", String.valueOf(visit.getId()),
                        "glucoseMmol", glucose == null ? "" : glucose.toPlainString()),
                "follow-up " + f.getId());
        return view(e, p);
    }

    /** A person's enrolments, open ones first, each with its follow-ups. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<EnrolmentView> enrolments(long personId) {
        CallerIdentity caller = caller();
        Person person = access.visible(caller, personId);
        List<CareEnrolment> list = em.createQuery("select e from CareEnrolment e where e.personId = :p"
                + " order by e.enrolledOn desc, e.id desc", CareEnrolment.class)
                .setParameter("p", person.getId()).getResultList();
        audit.read(caller, AuditService.CARE, person.getId(), "enrolments");
        Map<String, CareProgramme> programmes = byCode();
        return list.stream().map(e -> view(e, programmes.get(e.getProgramme())))
                .sorted(Comparator.comparing((EnrolmentView v) -> v.endedOn() != null)).toList();
    }

    /** A village's care list on {@code asOf} (today when null): a village the caller reaches, others 404. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public CareList careList(Long villageId, LocalDate asOf) {
        CallerIdentity caller = caller();
        if (villageId == null) {
            throw ProblemException.invalid(FieldError.coded("village", "care.village",
                    "Name the village of the care list"));
        }
        AdministrativeUnit village = units.find(villageId)
                .filter(u -> u.getLevel() == UnitLevel.VILLAGE && UnitScope.reaches(caller, u))
                .orElseThrow(() -> ProblemException.notFound("No village " + villageId));
        LocalDate today = asOf == null ? FieldCheck.today() : asOf;
        List<CareProgramme> programmes = allProgrammes();

        List<Object[]> people = em.createQuery("select p.id, p.fullName, p.sex, p.birthDate, p.householdId,"
                        + " p.relationToHead from Person p where p.village.id = :v and p.voided = false"
                        + " and p.birthDate <= :today order by p.birthDate", Object[].class)
                .setParameter("v", village.getId()).setParameter("today", today).getResultList();
        Map<Long, Set<String>> diagnoses = new HashMap<>();
        for (Object[] r : em.createQuery("select h.personId, h.icd10Code from HistoryEntry h, Person p"
                        + " where h.personId = p.id and p.village.id = :v and h.voided = false"
                        + " and h.icd10Code is not null and h.relative is null", Object[].class)
                .setParameter("v", village.getId()).getResultList()) {
            diagnoses.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]);
        }
        for (Object[] r : em.createQuery("select v.personId, d.code from Visit v join v.diagnoses d, Person p"
                        + " where v.personId = p.id and p.village.id = :v and v.voided = false", Object[].class)
                .setParameter("v", village.getId()).getResultList()) {
            diagnoses.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]);
        }
        Map<Long, LocalDate> lastVisit = new HashMap<>();
        for (Object[] r : em.createQuery("select v.personId, max(v.visitDate) from Visit v, Person p"
                        + " where v.personId = p.id and p.village.id = :v and v.voided = false"
                        + " and v.visitDate <= :today group by v.personId", Object[].class)
                .setParameter("v", village.getId()).setParameter("today", today).getResultList()) {
            lastVisit.put((Long) r[0], (LocalDate) r[1]);
        }
        Map<Long, Map<String, CareRules.Enrolment>> enrolments = new HashMap<>();
        for (EnrolmentRow r : openEnrolments("p.village.id = :unit", village.getId(), today)) {
            enrolments.computeIfAbsent(r.personId, k -> new HashMap<>()).put(r.programme, r.facts());
        }
        Map<Long, List<CareList.Item>> vaccinations = new HashMap<>();
        for (DueList.Entry d : dueLists.compute(caller, village, YearMonth.from(today), Set.of())) {
            vaccinations.computeIfAbsent(d.child().personId(), k -> new ArrayList<>()).add(new CareList.Item(
                    CareList.Kind.VACCINATION, d.vaccineCode(), d.vaccineNameVi() == null ? d.vaccineName()
                    : d.vaccineNameVi(), d.vaccineName(), d.doseLabel(), CareRules.Status.valueOf(d.status().name()),
                    d.dueDate(), null, false));
        }
        Map<String, CareProgramme> byCode = new HashMap<>();
        programmes.forEach(p -> byCode.put(p.getCode(), p));

        Map<Long, List<CareList.Member>> byHousehold = new LinkedHashMap<>();
        for (Object[] r : people) {
            long id = (Long) r[0];
            List<CareList.Item> items = new ArrayList<>(vaccinations.getOrDefault(id, List.of()));
            CareRules.PersonFacts facts = new CareRules.PersonFacts((Sex) r[2], (LocalDate) r[3],
                    diagnoses.getOrDefault(id, Set.of()), lastVisit.get(id), enrolments.getOrDefault(id, Map.of()));
            for (CareRules.Due due : CareRules.due(programmes, facts, today)) {
                CareProgramme p = byCode.get(due.programme());
                items.add(new CareList.Item(CareList.Kind.PROGRAMME, p.getCode(), p.getNameVi(), p.getNameEn(), null,
                        due.status(), due.dueOn(), due.lastContact(), due.enrolled()));
            }
            if (!items.isEmpty()) {
                byHousehold.computeIfAbsent((Long) r[4], k -> new ArrayList<>()).add(new CareList.Member(id,
                        (String) r[1], (Sex) r[2], (LocalDate) r[3], (MemberRelation) r[5], List.copyOf(items)));
            }
        }
        Map<Long, Object[]> households = new HashMap<>();
        List<Long> ids = byHousehold.keySet().stream().filter(java.util.Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            for (Object[] r : em.createQuery("select h.id, h.code, h.headName, h.address from Household h"
                    + " where h.id in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
                households.put((Long) r[0], r);
            }
        }
        List<CareList.Household> out = new ArrayList<>();
        byHousehold.forEach((hid, members) -> {
            Object[] h = hid == null ? null : households.get(hid);
            members.sort(Comparator.comparing((CareList.Member m) -> m.relation() == null ? 99
                    : m.relation().ordinal()).thenComparing(CareList.Member::birthDate));
            out.add(new CareList.Household(hid, h == null ? null : (String) h[1], h == null ? null : (String) h[2],
                    h == null ? null : (String) h[3], List.copyOf(members)));
        });
        out.sort(Comparator.comparing((CareList.Household h) -> h.id() == null)
                .thenComparing(h -> h.code() == null ? "" : h.code()));
        out.forEach(h -> h.members().forEach(m ->
                audit.read(caller, AuditService.CARE, m.personId(), "care-list")));
        AdministrativeUnit commune = village.getParent();
        return new CareList(village.getId(), village.getCode(), village.getName(),
                commune == null ? null : commune.getName(), today, List.copyOf(out));
    }

    /** A file made for download: its name, media type and bytes. */
    public record ExportFile(String name, String mediaType, byte[] content) {
    }

    /** The village's care list as {@code pdf} or {@code xlsx}, in the reader's language. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public ExportFile careListFile(Long villageId, LocalDate asOf, String format, java.util.Locale locale) {
        String f = format == null ? "" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("pdf") && !f.equals("xlsx")) {
            throw ProblemException.invalid(FieldError.coded("format", "care.format", "The format is pdf or xlsx"));
        }
        CareList list = careList(villageId, asOf);
        CareListReport report = new CareListReport(list, locale, caller().username());
        return f.equals("pdf") ? new ExportFile(report.fileName("pdf"), "application/pdf", report.pdf())
                : new ExportFile(report.fileName("xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.xlsx());
    }

    /** The enrolled people of a commune (or a village) whose follow-up is overdue, the longest overdue first. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<MissedFollowUp> missed(Long unitId) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = reachedUnit(caller, unitId);
        LocalDate today = FieldCheck.today();
        Map<String, CareProgramme> programmes = byCode();
        List<MissedFollowUp> out = new ArrayList<>();
        for (EnrolmentRow r : openEnrolments(where(unit), unit.getId(), today)) {
            CareProgramme p = programmes.get(r.programme);
            CareRules.next(p, new CareRules.PersonFacts(null, r.birthDate, Set.of(), null,
                    Map.of(p.getCode(), r.facts())), today)
                    .filter(d -> d.status() == CareRules.Status.OVERDUE)
                    .ifPresent(d -> out.add(new MissedFollowUp(r.personId, r.fullName, r.birthDate, r.villageName,
                            r.id, r.programme, r.lastFollowUp, d.dueOn())));
        }
        out.sort(Comparator.comparing(MissedFollowUp::dueOn).thenComparing(MissedFollowUp::fullName));
        List<MissedFollowUp> listed = out.size() > MAX_MISSED ? out.subList(0, MAX_MISSED) : out;
        listed.stream().map(MissedFollowUp::personId).distinct()
                .forEach(id -> audit.read(caller, AuditService.CARE, id, "missed-follow-ups"));
        return List.copyOf(listed);
    }

    /** Counts per programme that takes enrolments, for a commune the caller reaches: nobody is named. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<ProgrammeCounts> counts(Long communeId) {
        CallerIdentity caller = caller();
        AdministrativeUnit unit = reachedUnit(caller, communeId);
        LocalDate today = FieldCheck.today();
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<CareProgramme> programmes = allProgrammes().stream().filter(CareProgramme::isEnrolment).toList();
        programmes.forEach(p -> counts.put(p.getCode(), new long[3]));
        Map<String, CareProgramme> byCode = byCode();
        for (EnrolmentRow r : openEnrolments(where(unit), unit.getId(), today)) {
            long[] c = counts.computeIfAbsent(r.programme, k -> new long[3]);
            c[0]++;
            CareProgramme p = byCode.get(r.programme);
            if (CareRules.next(p, new CareRules.PersonFacts(null, r.birthDate, Set.of(), null,
                    Map.of(p.getCode(), r.facts())), today)
                    .filter(d -> d.status() == CareRules.Status.OVERDUE).isPresent()) {
                c[1]++;
            }
        }
        for (Object[] r : em.createQuery("select e.programme, count(f) from CareFollowUp f, CareEnrolment e,"
                        + " Visit v, Person p where f.enrolmentId = e.id and v.id = f.visitId and v.voided = false"
                        + " and p.id = e.personId and " + where(unit) + " and f.visitDate >= :from"
                        + " group by e.programme", Object[].class)
                .setParameter("unit", unit.getId()).setParameter("from", today.withDayOfMonth(1)).getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[2] = (Long) r[1];
        }
        List<ProgrammeCounts> out = new ArrayList<>();
        counts.forEach((code, c) -> {
            CareProgramme p = byCode.get(code);
            out.add(new ProgrammeCounts(code, p.getNameVi(), p.getNameEn(), c[0], c[1], c[2]));
        });
        return out;
    }

    private AdministrativeUnit reachedUnit(CallerIdentity caller, Long unitId) {
        if (unitId == null) {
            throw ProblemException.invalid(FieldError.coded("commune", "care.commune",
                    "Name the commune (or village)"));
        }
        return units.find(unitId)
                .filter(u -> (u.getLevel() == UnitLevel.VILLAGE || u.getLevel() == UnitLevel.COMMUNE)
                        && UnitScope.reaches(caller, u))
                .orElseThrow(() -> ProblemException.notFound("No commune or village " + unitId));
    }

    private static String where(AdministrativeUnit unit) {
        return unit.getLevel() == UnitLevel.VILLAGE ? "p.village.id = :unit" : "p.village.parent.id = :unit";
    }

    private record EnrolmentRow(long id, long personId, String programme, LocalDate enrolledOn,
                                LocalDate lastFollowUp, String fullName, LocalDate birthDate, String villageName) {
        CareRules.Enrolment facts() {
            return new CareRules.Enrolment(id, enrolledOn, lastFollowUp);
        }
    }

    /** Open enrolments of live persons matching {@code where} (on alias p), with the last live follow-up. */
    private List<EnrolmentRow> openEnrolments(String where, long unitId, LocalDate today) {
        return em.createQuery("select e.id, e.personId, e.programme, e.enrolledOn,"
                        + " (select max(f.visitDate) from CareFollowUp f, Visit v where f.enrolmentId = e.id"
                        + " and v.id = f.visitId and v.voided = false and f.visitDate <= :today),"
                        + " p.fullName, p.birthDate, p.village.name"
                        + " from CareEnrolment e, Person p where p.id = e.personId and e.open is not null"
                        + " and p.voided = false and " + where, Object[].class)
                .setParameter("unit", unitId).setParameter("today", today).getResultList().stream()
                .map(r -> new EnrolmentRow((Long) r[0], (Long) r[1], (String) r[2], (LocalDate) r[3],
                        (LocalDate) r[4], (String) r[5], (LocalDate) r[6], (String) r[7])).toList();
    }

    private EnrolmentView view(CareEnrolment e, CareProgramme p) {
        List<EnrolmentView.FollowUp> followUps = em.createQuery("select v.id, f.visitDate, v.bpSystolic,"
                        + " v.bpDiastolic, v.weightKg, f.glucoseMmol from CareFollowUp f, Visit v"
                        + " where f.enrolmentId = :e and v.id = f.visitId and v.voided = false"
                        + " order by f.visitDate desc, f.id desc", Object[].class)
                .setParameter("e", e.getId()).getResultList().stream()
                .map(r -> new EnrolmentView.FollowUp((Long) r[0], (LocalDate) r[1], (Integer) r[2], (Integer) r[3],
                        (BigDecimal) r[4], (BigDecimal) r[5])).toList();
        LocalDate nextDue = null;
        CareRules.Status status = null;
        if (e.isOpen()) {
            LocalDate today = FieldCheck.today();
            nextDue = CareRules.dueOn(p, followUps.isEmpty() ? null : followUps.get(0).visitDate(), e.getEnrolledOn(),
                    today);
            status = nextDue == null ? null : CareRules.status(p, nextDue, today);
        }
        return new EnrolmentView(e.getId(), e.getPersonId(), p.getCode(), p.getNameVi(), p.getNameEn(),
                e.getEnrolledOn(), e.getNote(), e.getEndedOn(), e.getEndReason(), e.getVersion(), followUps, nextDue,
                status);
    }

    private CareEnrolment enrolment(Person person, long enrolmentId) {
        CareEnrolment e = em.find(CareEnrolment.class, enrolmentId);
        if (e == null || !e.getPersonId().equals(person.getId())) {
            throw ProblemException.notFound("No enrolment " + enrolmentId + " of this person");
        }
        return e;
    }

    private CareProgramme programme(String code) {
        CareProgramme p = code == null ? null : em.find(CareProgramme.class, code.trim());
        if (p == null) {
            throw ProblemException.notFound("No programme " + code);
        }
        return p;
    }

    private List<CareProgramme> allProgrammes() {
        return em.createQuery("select p from CareProgramme p order by p.position", CareProgramme.class)
                .getResultList();
    }

    private Map<String, CareProgramme> byCode() {
        Map<String, CareProgramme> m = new HashMap<>();
        allProgrammes().forEach(p -> m.put(p.getCode(), p));
        return m;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
