package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.record.Person;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Places in the vaccination sessions of a person's commune, in the caller's transaction. The caller (the citizen
 * portal) has checked that the person is the citizen's or a child's, and audits. A session is open for booking from
 * today to {@value #DAYS_AHEAD} days ahead while it is not cancelled; a session with a capacity takes no more bookings
 * once full, and the session row is locked while a place is taken, so two citizens cannot take its last place.
 */
@Dependent
public class SessionBookings {

    static final int DAYS_AHEAD = 60;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** An open session as a citizen sees it for one person: whether that person holds a place, and places left. */
    public record OpenSession(long sessionId, LocalDate date, String place, String station, List<String> vaccines,
                              Integer placesLeft, boolean booked) implements Serializable {
    }

    /** The open sessions of the stations of the person's commune, earliest first. */
    public List<OpenSession> openFor(Person person) {
        LocalDate today = FieldCheck.today();
        List<VaccinationSession> sessions = em.createQuery("select s from VaccinationSession s join s.station st"
                        + " where st.commune.id = :commune and s.cancelled = false and s.sessionDate >= :from"
                        + " and s.sessionDate <= :to order by s.sessionDate, s.id", VaccinationSession.class)
                .setParameter("commune", person.getCommune().getId()).setParameter("from", today)
                .setParameter("to", today.plusDays(DAYS_AHEAD)).getResultList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        List<Long> ids = sessions.stream().map(VaccinationSession::getId).toList();
        Map<Long, Long> taken = taken(ids);
        Set<Long> mine = new HashSet<>(em.createQuery("select b.session.id from SessionBooking b where"
                        + " b.personId = :person and b.cancelledAt is null and b.session.id in :ids", Long.class)
                .setParameter("person", person.getId()).setParameter("ids", ids).getResultList());
        return sessions.stream().map(s -> new OpenSession(s.getId(), s.getSessionDate(), s.getPlace(),
                s.getStation().getName(), List.copyOf(s.getVaccines()), s.getCapacity() == null ? null
                : (int) Math.max(0, s.getCapacity() - taken.getOrDefault(s.getId(), 0L)), mine.contains(s.getId())))
                .toList();
    }

    /** The places taken in each of the sessions (sessions without a booking are absent). */
    Map<Long, Long> taken(List<Long> sessionIds) {
        Map<Long, Long> taken = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            em.createQuery("select b.session.id, count(b) from SessionBooking b where b.session.id in :ids"
                            + " and b.cancelledAt is null group by b.session.id", Object[].class)
                    .setParameter("ids", sessionIds).getResultList().forEach(r -> taken.put((Long) r[0], (Long) r[1]));
        }
        return taken;
    }

    /** Books a place for the person; 404 for a session that is not open to them, 409 when booked or full. */
    public SessionBooking book(Person person, long sessionId, String actor) {
        VaccinationSession session = open(person, sessionId);
        em.lock(session, LockModeType.PESSIMISTIC_WRITE);
        SessionBooking existing = booking(sessionId, person.getId());
        if (existing != null && existing.isActive()) {
            throw ProblemException.conflict(FieldError.coded("sessionId", "booking.taken",
                    "This person already has a place in that session"));
        }
        if (session.getCapacity() != null) {
            long taken = em.createQuery("select count(b) from SessionBooking b where b.session.id = :id"
                    + " and b.cancelledAt is null", Long.class).setParameter("id", sessionId).getSingleResult();
            if (taken >= session.getCapacity()) {
                throw ProblemException.conflict(FieldError.coded("sessionId", "booking.full",
                        "That session is full"));
            }
        }
        if (existing != null) {
            existing.revive(actor);
            return existing;
        }
        SessionBooking booking = new SessionBooking(session, person.getId(), actor);
        em.persist(booking);
        em.flush();
        return booking;
    }

    /** Gives the person's place back; 404 when they hold none. */
    public SessionBooking cancel(Person person, long sessionId, String actor) {
        SessionBooking existing = booking(sessionId, person.getId());
        if (existing == null || !existing.isActive()) {
            throw ProblemException.notFound("No place of this person in session " + sessionId);
        }
        existing.cancel(actor);
        return existing;
    }

    /** The people holding a place in the session, in booking order, for the station. */
    List<SessionBooking> holders(long sessionId) {
        return em.createQuery("select b from SessionBooking b where b.session.id = :id and b.cancelledAt is null"
                + " order by b.createdAt, b.id", SessionBooking.class).setParameter("id", sessionId).getResultList();
    }

    private VaccinationSession open(Person person, long sessionId) {
        LocalDate today = FieldCheck.today();
        VaccinationSession s = em.find(VaccinationSession.class, sessionId);
        if (s == null || s.isCancelled() || s.getSessionDate().isBefore(today)
                || s.getSessionDate().isAfter(today.plusDays(DAYS_AHEAD))
                || !s.getStation().getCommune().getId().equals(person.getCommune().getId())) {
            throw ProblemException.notFound("No open session " + sessionId + " for this person");
        }
        return s;
    }

    private SessionBooking booking(long sessionId, long personId) {
        return em.createQuery("select b from SessionBooking b where b.session.id = :session"
                        + " and b.personId = :person", SessionBooking.class).setParameter("session", sessionId)
                .setParameter("person", personId).getResultList().stream().findFirst().orElse(null);
    }
}
