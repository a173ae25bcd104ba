package vn.hssk.immunization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.household.Sex;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * The due list of a village or a whole commune for a month ({@link DueList}), for the station that invites families
 * to a session. Only units the caller reaches are answered (others: 404); each person listed gets an audit read.
 */
@Stateless
public class DueListService {

    static final String AUDIT_CONTEXT = "due-list";

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private UnitRepository units;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private ScheduleLoader loader;

    @Inject
    private AuditTrail audit;

    /** {@code unitId} is a village or a commune; {@code vaccines} (codes) narrows the list when not empty. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<DueList.Entry> dueList(Long unitId, YearMonth month, Set<String> vaccines) {
        CallerIdentity caller = caller();
        if (unitId == null) {
            throw ProblemException.invalid(FieldError.coded("village", "dueList.unit",
                    "Name the village (or commune) of the due list"));
        }
        AdministrativeUnit unit = units.find(unitId)
                .filter(u -> (u.getLevel() == UnitLevel.VILLAGE || u.getLevel() == UnitLevel.COMMUNE)
                        && UnitScope.reaches(caller, u))
                .orElseThrow(() -> ProblemException.notFound("No village or commune " + unitId));
        return compute(caller, unit, month == null ? YearMonth.now(vn.hssk.shared.FieldCheck.VIETNAM) : month,
                vaccines);
    }

    /** The due list of a unit the caller was already found to reach (a session's village or commune). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<DueList.Entry> compute(CallerIdentity caller, AdministrativeUnit unit, YearMonth month,
                                Set<String> vaccines) {
        loader.ensureLoaded();
        LocalDate reference = month.atDay(1);
        List<ScheduleDose> schedule = repository.schedule(reference, null).stream()
                .filter(s -> vaccines == null || vaccines.isEmpty() || vaccines.contains(s.getVaccine().getCode()))
                .toList();
        LocalDate bornAfter = month.atEndOfMonth().minusMonths(DueList.oldestAgeMonths(schedule) + 12L);
        String where = unit.getLevel() == UnitLevel.VILLAGE ? "v.id = :unit" : "v.parent.id = :unit";
        List<Object[]> people = em.createQuery("select p.id, p.fullName, p.sex, p.birthDate, v.id, v.code, v.name"
                        + " from Person p join p.village v where " + where + " and p.voided = false"
                        + " and p.birthDate > :bornAfter and p.birthDate <= :end", Object[].class)
                .setParameter("unit", unit.getId()).setParameter("bornAfter", bornAfter)
                .setParameter("end", month.plusMonths(1).atEndOfMonth()).getResultList();
        List<DueList.Child> children = people.stream().map(r -> new DueList.Child((Long) r[0], (String) r[1],
                (Sex) r[2], (LocalDate) r[3], (Long) r[4], (String) r[5], (String) r[6])).toList();
        List<Object[]> given = em.createQuery("select i.personId, i.vaccine.id, i.doseNumber, i.givenOn"
                        + " from Immunization i, Person p join p.village v where p.id = i.personId and " + where
                        + " and i.voided = false and p.voided = false and p.birthDate > :bornAfter", Object[].class)
                .setParameter("unit", unit.getId()).setParameter("bornAfter", bornAfter).getResultList();
        Map<Long, Map<Long, Map<Integer, LocalDate>>> doses = new HashMap<>();
        for (Object[] r : given) {
            doses.computeIfAbsent((Long) r[0], k -> new HashMap<>()).computeIfAbsent((Long) r[1], k -> new HashMap<>())
                    .put((Integer) r[2], (LocalDate) r[3]);
        }
        List<DueList.Entry> entries = DueList.entries(children, doses, schedule, month);
        Set<Long> listed = new LinkedHashSet<>();
        entries.forEach(e -> listed.add(e.child().personId()));
        listed.forEach(id -> audit.read(caller, AuditService.PERSON, id, AUDIT_CONTEXT));
        return entries;
    }

    /** The current villages of the caller's communes (all the province's for province roles), by code. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<AdministrativeUnit> villages() {
        CallerIdentity caller = caller();
        Set<String> communes = caller.communeScope();
        var q = em.createQuery("select v from AdministrativeUnit v join v.parent c where v.level = :village"
                + " and v.validTo is null" + (communes == null ? "" : " and c.code in :communes")
                + " order by v.code", AdministrativeUnit.class).setParameter("village", UnitLevel.VILLAGE);
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.setMaxResults(2000).getResultList();
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
