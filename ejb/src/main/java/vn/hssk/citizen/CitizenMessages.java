package vn.hssk.citizen;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.record.Person;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.UnitScope;

/** How the station and the province find what citizens sent: by the commune scope of the caller, like records. */
final class CitizenMessages {

    static final int MAX_PAGE = 200;

    private CitizenMessages() {
    }

    /** The messages of the caller's communes (the whole province for province roles), newest first. */
    static <T extends CitizenMessage> List<T> inScope(EntityManager em, Class<T> type, CallerIdentity caller,
                                                      Enum<?> status, int first, int max) {
        caller.requireTenant();
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid("max", "Ask for 1 to " + MAX_PAGE + " items from a first of 0 or more");
        }
        Set<String> communes = caller.communeScope();
        StringBuilder jpql = new StringBuilder("select m from " + type.getSimpleName()
                + " m join fetch m.commune where 1 = 1");
        if (communes != null) {
            jpql.append(" and m.commune.code in :communes");
        }
        if (status != null) {
            jpql.append(" and m.status = :status");
        }
        TypedQuery<T> q = em.createQuery(jpql.append(" order by m.createdAt desc, m.id desc").toString(), type);
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The records the messages are about, by id. */
    static Map<Long, Person> persons(EntityManager em, List<? extends CitizenMessage> messages) {
        Map<Long, Person> people = new HashMap<>();
        if (!messages.isEmpty()) {
            em.createQuery("select p from Person p where p.id in :ids", Person.class)
                    .setParameter("ids", messages.stream().map(CitizenMessage::getPersonId).distinct().toList())
                    .getResultList().forEach(p -> people.put(p.getId(), p));
        }
        return people;
    }

    /** The message, when it is in the caller's communes; 404 otherwise, like one that does not exist. */
    static <T extends CitizenMessage> T visible(EntityManager em, Class<T> type, CallerIdentity caller, long id) {
        caller.requireTenant();
        T message = em.find(type, id);
        if (message == null || !UnitScope.reaches(caller, message.getCommune())) {
            throw ProblemException.notFound("No " + type.getSimpleName() + " " + id);
        }
        return message;
    }

    /** 409 when the message changed since the caller saw it. */
    static void requireVersion(CitizenMessage message, Integer version) {
        if (version == null) {
            throw ProblemException.invalid("version", "The version is required");
        }
        if (message.getVersion() != version) {
            throw ProblemException.conflict(ProblemException.FieldError.coded("version", "changedMeanwhile",
                    "This was changed meanwhile; reload it"));
        }
    }
}
