package vn.hssk.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;

/**
 * The province administrator's questions to the audit trail: who saw or changed this person's record, and what did
 * this user touch. Only province administrators ask; the answers stay inside their province's schema.
 */
@Stateless
public class AuditService {

    public static final String PERSON = "Person";
    private static final int MAX_PAGE = 500;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<AuditEvent> forPerson(long personId, int first, int max) {
        CallerIdentity.of(context).requireTenant();
        page(first, max);
        return em.createQuery("select e from AuditEvent e where e.entityType = :type and e.entityId = :id"
                        + " order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("type", PERSON).setParameter("id", personId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<AuditEvent> byUser(String username, int first, int max) {
        CallerIdentity.of(context).requireTenant();
        page(first, max);
        if (username == null || username.isBlank()) {
            throw ProblemException.invalid("user", "Name the user");
        }
        return em.createQuery("select e from AuditEvent e where e.username = :user"
                        + " order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("user", username.strip())
                .setFirstResult(first).setMaxResults(max).getResultList();
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
