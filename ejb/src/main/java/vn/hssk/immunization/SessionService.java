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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitScope;

/**
 * Vaccination sessions: station staff plan them (day, place, village, vaccines) and cancel them; the session's due
 * list is the due list of its village (or commune) for the session's month, narrowed to the vaccines planned.
 */
@Stateless
public class SessionService {

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private StationRepository stations;

    @Inject
    private UnitRepository units;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private DueListService dueLists;

    @Inject
    private SessionBookings bookingsOf;

    @RolesAllowed(Roles.STATION_STAFF)
    public VaccinationSession plan(Long stationId, LocalDate date, String place, Long villageId,
                                   List<String> vaccineCodes, String notes) {
        return plan(stationId, date, place, villageId, vaccineCodes, notes, null);
    }

    /** Plans a session that citizens may book up to {@code capacity} places of (null: as many as come). */
    @RolesAllowed(Roles.STATION_STAFF)
    public VaccinationSession plan(Long stationId, LocalDate date, String place, Long villageId,
                                   List<String> vaccineCodes, String notes, Integer capacity) {
        CallerIdentity caller = caller();
        FieldCheck check = new FieldCheck();
        check.required("stationId", stationId, "Station");
        check.required("sessionDate", date, "Session date");
        check.throwIfAny();
        HealthStation station = stations.find(stationId)
                .filter(s -> UnitScope.reaches(caller, s.getCommune()) && !s.isClosed())
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("stationId", "station.unknown",
                        "No open station " + stationId + " in your communes", stationId)));
        AdministrativeUnit village = null;
        if (villageId != null) {
            village = units.find(villageId).filter(u -> u.getLevel() == UnitLevel.VILLAGE
                            && u.getParent() != null && u.getParent().getId().equals(station.getCommune().getId()))
                    .orElseThrow(() -> ProblemException.invalid(FieldError.coded("villageId", "session.village",
                            "No village " + villageId + " in the station's commune", villageId)));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : vaccineCodes == null ? List.<String>of() : vaccineCodes) {
            String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (repository.vaccineByCode(c).filter(Vaccine::isActive).isEmpty()) {
                throw ProblemException.invalid(FieldError.coded("vaccines", "vaccine.unknown",
                        "No vaccine with code " + code, code));
            }
            codes.add(c);
        }
        VaccinationSession session = new VaccinationSession(station, date, place, village, codes, notes,
                caller.username());
        session.limitTo(capacity);
        em.persist(session);
        em.flush();
        return session;
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<VaccinationSession> sessions(Long stationId, LocalDate from, LocalDate to) {
        CallerIdentity caller = caller();
        Set<String> communes = caller.communeScope();
        StringBuilder jpql = new StringBuilder("select s from VaccinationSession s join s.station st"
                + " join st.commune c where 1 = 1");
        if (stationId != null) {
            jpql.append(" and st.id = :station");
        }
        if (communes != null) {
            jpql.append(" and c.code in :communes");
        }
        if (from != null) {
            jpql.append(" and s.sessionDate >= :from");
        }
        if (to != null) {
            jpql.append(" and s.sessionDate <= :to");
        }
        jpql.append(" order by s.sessionDate desc, s.id desc");
        var q = em.createQuery(jpql.toString(), VaccinationSession.class);
        if (stationId != null) {
            q.setParameter("station", stationId);
        }
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return q.setMaxResults(500).getResultList();
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public VaccinationSession session(long id) {
        return visible(caller(), id);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public VaccinationSession cancel(long id, String reason) {
        CallerIdentity caller = caller();
        VaccinationSession session = visible(caller, id);
        session.cancel(reason, caller.username());
        em.flush();
        return session;
    }

    /** Who to invite: the due list of the session's village (or commune) for its month, for the vaccines planned. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<DueList.Entry> invitations(long id) {
        CallerIdentity caller = caller();
        VaccinationSession session = visible(caller, id);
        AdministrativeUnit unit = session.getVillage() != null ? session.getVillage()
                : session.getStation().getCommune();
        return dueLists.compute(caller, unit, YearMonth.from(session.getSessionDate()), session.getVaccines());
    }

    /** Who holds a place in the session (booked from the citizen portal), in booking order. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Booked> bookings(long id) {
        CallerIdentity caller = caller();
        visible(caller, id);
        List<Booked> booked = new java.util.ArrayList<>();
        for (SessionBooking b : bookingsOf.holders(id)) {
            vn.hssk.record.Person p = em.find(vn.hssk.record.Person.class, b.getPersonId());
            booked.add(new Booked(p.getId(), p.getFullName(), p.getBirthDate(), b.getCreatedAt()));
        }
        return booked;
    }

    /** How many places are booked in each of the caller's sessions listed (absent: none). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Map<Long, Long> bookedPlaces(List<VaccinationSession> listed) {
        CallerIdentity caller = caller();
        return bookingsOf.taken(listed.stream().filter(s -> UnitScope.reaches(caller, s.getStation().getCommune()))
                .map(VaccinationSession::getId).toList());
    }

    /** A place held in a session: the person, and when it was booked. */
    public record Booked(long personId, String fullName, LocalDate birthDate, java.time.Instant bookedAt) {
    }

    private VaccinationSession visible(CallerIdentity caller, long id) {
        VaccinationSession session = em.find(VaccinationSession.class, id);
        if (session == null || !UnitScope.reaches(caller, session.getStation().getCommune())) {
            throw ProblemException.notFound("No session " + id);
        }
        return session;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
