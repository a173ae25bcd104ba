package vn.hssk.citizen;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.EntrySource;
import vn.hssk.record.Person;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.PersonService;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;

/**
 * Citizens' requests to correct a phone number or an address, as the station decides them. Station staff of the
 * record's commune approve a request (the record is then corrected by {@link PersonService#correct}, with its checks
 * and audit, as if they had typed it) or reject it with a reason; commune chairs and province administrators see
 * them. A request outside the caller's communes answers 404 like one that does not exist.
 */
@Stateless
public class ChangeRequests {

    static final String CONTEXT = "citizen-change-request";
    static final int MAX_ADDRESS = 300;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonService persons;

    @Inject
    private AuditTrail audit;

    /** The requests of the caller's communes (or the province), newest first, optionally of one status. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.COMMUNE_CHAIR, Roles.PROVINCE_ADMIN})
    public List<ChangeRequestView> list(ChangeRequest.Status status, int first, int max) {
        CallerIdentity caller = CallerIdentity.of(context);
        List<ChangeRequest> requests = CitizenMessages.inScope(em, ChangeRequest.class, caller, status, first, max);
        Map<Long, Person> people = CitizenMessages.persons(em, requests);
        return requests.stream().map(r -> ChangeRequestView.of(r, caller.requireTenant(),
                people.get(r.getPersonId()))).toList();
    }

    /** Approves the request and corrects the record with what it asks for; {@code version} is the one seen. */
    @RolesAllowed(Roles.STATION_STAFF)
    public ChangeRequestView approve(long id, Integer version, EntrySource source) {
        CallerIdentity caller = CallerIdentity.of(context);
        ChangeRequest request = visible(caller, id, version);
        Person person = em.find(Person.class, request.getPersonId());
        request.approve(caller.username());
        PersonDetails d = person.details();
        persons.correct(person.getId(), new PersonDetails(d.fullName(), d.sex(), d.birthDate(), d.personalId(),
                d.bhytNumber(), d.ethnicity(), d.religion(), d.occupation(),
                request.getPhone() == null ? d.phone() : request.getPhone(), d.villageId(),
                request.getAddress() == null ? d.address() : request.getAddress(), d.householdId(),
                d.relationToHead(), d.bloodAbo(), d.bloodRh()), person.getVersion(), source);
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, person.getId(), Map.of("changeRequest",
                "PENDING"), Map.of("changeRequest", "APPROVED " + request.getId()), CONTEXT);
        return ChangeRequestView.of(request, caller.requireTenant(), person);
    }

    /** Rejects the request, saying why (the citizen reads the reason); the record stays as it is. */
    @RolesAllowed(Roles.STATION_STAFF)
    public ChangeRequestView reject(long id, String reason, Integer version) {
        CallerIdentity caller = CallerIdentity.of(context);
        FieldCheck check = new FieldCheck();
        String why = check.text("reason", TextFolding.normalize(reason), 1000, true, "The reason");
        check.throwIfAny();
        ChangeRequest request = visible(caller, id, version);
        request.reject(why, caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, request.getPersonId(), Map.of("changeRequest",
                "PENDING"), Map.of("changeRequest", "REJECTED " + request.getId(), "reason", why), CONTEXT);
        return ChangeRequestView.of(request, caller.requireTenant(), em.find(Person.class, request.getPersonId()));
    }

    private ChangeRequest visible(CallerIdentity caller, long id, Integer version) {
        ChangeRequest request = CitizenMessages.visible(em, ChangeRequest.class, caller, id);
        CitizenMessages.requireVersion(request, version);
        return request;
    }
}
