package vn.hssk.consult;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The demo hospital of the embedded stack: Thanh Hóa's provincial general hospital (38001), where the demo doctor
 * {@code th-hospital-doctor} works. The caller binds the tenant; nothing happens if the province has hospitals.
 */
@Stateless
public class DemoHospitals {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (!"38".equals(tenantCode)
                || em.createQuery("select count(h) from Hospital h", Long.class).getSingleResult() > 0) {
            return;
        }
        em.persist(new Hospital("38001", "Bệnh viện Đa khoa tỉnh Thanh Hóa", null, tenantCode, "demo"));
    }
}
