package vn.hssk.consult;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * The province's registry of hospitals that take tele-consultation requests. The province administrator registers,
 * corrects, closes and reopens them; station staff and commune chairs see the open ones, to choose where to send.
 */
@Stateless
public class HospitalService {

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** The hospitals by facility code; closed ones only for the province administrator who asks for them. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Hospital> list(boolean includeClosed) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        boolean closedToo = includeClosed && caller.hasRole(Roles.PROVINCE_ADMIN);
        return em.createQuery("select h from Hospital h" + (closedToo ? "" : " where h.open = true")
                + " order by h.facilityCode", Hospital.class).getResultList();
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Hospital get(long id) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return find(id, caller);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Hospital register(String facilityCode, String name, String address) {
        CallerIdentity caller = CallerIdentity.of(context);
        String province = caller.requireTenant();
        Hospital hospital = new Hospital(facilityCode, name, address, province, caller.username());
        String code = hospital.getFacilityCode();
        boolean taken = !em.createQuery("select h.id from Hospital h where h.facilityCode = :code", Long.class)
                .setParameter("code", code).getResultList().isEmpty()
                || !em.createQuery("select s.id from HealthStation s where s.facilityCode = :code", Long.class)
                .setParameter("code", code).getResultList().isEmpty();
        if (taken) {
            throw ProblemException.conflict(FieldError.coded("facilityCode", "hospital.codeTaken",
                    "Facility code " + code + " belongs to another facility", code));
        }
        em.persist(hospital);
        em.flush();
        return hospital;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Hospital amend(long id, String name, String address, Integer version) {
        CallerIdentity caller = CallerIdentity.of(context);
        Hospital hospital = current(id, caller, version);
        hospital.amend(name, address, caller.username());
        em.flush();
        return hospital;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Hospital close(long id, Integer version) {
        CallerIdentity caller = CallerIdentity.of(context);
        Hospital hospital = current(id, caller, version);
        hospital.close(caller.username());
        em.flush();
        return hospital;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Hospital reopen(long id, Integer version) {
        CallerIdentity caller = CallerIdentity.of(context);
        Hospital hospital = current(id, caller, version);
        hospital.reopen(caller.username());
        em.flush();
        return hospital;
    }

    private Hospital current(long id, CallerIdentity caller, Integer version) {
        caller.requireTenant();
        Hospital hospital = find(id, caller);
        if (version != null && version != hospital.getVersion()) {
            throw ProblemException.conflict(FieldError.coded("version", "changedMeanwhile",
                    "This was changed meanwhile; reload it"));
        }
        return hospital;
    }

    private Hospital find(long id, CallerIdentity caller) {
        Hospital hospital = em.find(Hospital.class, id);
        if (hospital == null || !hospital.isOpen() && !caller.hasRole(Roles.PROVINCE_ADMIN)) {
            throw ProblemException.notFound("No hospital " + id);
        }
        return hospital;
    }
}
