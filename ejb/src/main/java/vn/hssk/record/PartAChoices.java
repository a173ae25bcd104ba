package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

/**
 * The province's lists of choices for part A's ethnicity and religion (table {@code part_a_choice}, loaded from the
 * catalogs by tenant migration V60 and correctable by the province): reference data, not personal data. A person
 * keeps the chosen name, so a record made before the list existed or with a name the list lacks stays valid.
 */
@Stateless
public class PartAChoices {

    public static final String ETHNICITY = "ETHNICITY";
    public static final String RELIGION = "RELIGION";

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<String> names(String kind) {
        CallerIdentity.of(context).requireTenant();
        return em.createNativeQuery("SELECT name FROM part_a_choice WHERE kind = ?1 ORDER BY position, code",
                String.class).setParameter(1, kind).getResultList().stream().map(String.class::cast).toList();
    }
}
