package vn.hssk.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;

/**
 * The province administrator's questions to the audit trail: who saw or changed this person's record, and what did
 * this user touch, optionally within a period. Only province administrators ask; the answers stay inside their
 * province's schema.
 */
@Stateless
public class AuditService {

    public static final String PERSON = "Person";
    /** Part B of a person's record; the row's entity id is the person's, its context names the entry. */
    public static final String PERSON_HISTORY = "PersonHistory";
    /** Part D of a person's record; the row's entity id is the person's, its context names the visit. */
    public static final String VISIT = "Visit";
    /** A person's care programmes: enrolments, follow-ups, and their place on a care list. */
    public static final String CARE = "Care";
    /** A programme's rules, changed by the province (the id is the programme's position). */
    public static final String CARE_PROGRAMME = "CareProgramme";
    /** The entity types whose rows are about one person (entity id = the person's id). */
    public static final List<String> PERSON_PARTS = List.of(PERSON, PERSON_HISTORY, VISIT, CARE);
    private static final int MAX_PAGE = 500;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<AuditEvent> forPerson(long personId, int first, int max) {
        return search(AuditQuery.person(personId), first, max);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<AuditEvent> byUser(String username, int first, int max) {
        if (username == null || username.isBlank()) {
            throw ProblemException.invalid("user", "Name the user");
        }
        return search(AuditQuery.user(username), first, max);
    }

    /** The lines that match every given part of {@code query}, newest first. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<AuditEvent> search(AuditQuery query, int first, int max) {
        CallerIdentity.of(context).requireTenant();
        page(first, max);
        checkPeriod(query);
        return bind(em.createQuery("select e from AuditEvent e" + where(query)
                + " order by e.occurredAt desc, e.id desc", AuditEvent.class), query)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public long count(AuditQuery query) {
        CallerIdentity.of(context).requireTenant();
        checkPeriod(query);
        return bind(em.createQuery("select count(e) from AuditEvent e" + where(query), Long.class), query)
                .getSingleResult();
    }

    private static String where(AuditQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.personId() != null) {
            parts.add("e.entityType in :types and e.entityId = :id");
        }
        if (q.username() != null) {
            parts.add("e.username = :user");
        }
        if (q.from() != null) {
            parts.add("e.occurredAt >= :from");
        }
        if (q.to() != null) {
            parts.add("e.occurredAt < :to");
        }
        return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, AuditQuery q) {
        if (q.personId() != null) {
            query.setParameter("types", PERSON_PARTS).setParameter("id", q.personId());
        }
        if (q.username() != null) {
            query.setParameter("user", q.username());
        }
        if (q.from() != null) {
            query.setParameter("from", q.from());
        }
        if (q.to() != null) {
            query.setParameter("to", q.to());
        }
        return query;
    }

    private static void checkPeriod(AuditQuery q) {
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            throw ProblemException.invalid("to", "The end of the period must come after its start");
        }
    }

    private static void page(int first, int max) {
        if (first < 0) {
            throw ProblemException.invalid("first", "first must not be negative");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid("max", "max must be between 1 and " + MAX_PAGE);
        }
    }
}
