package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.icd10.Icd10Code;
import vn.hssk.icd10.Icd10Repository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * Use cases on part D of a person's record: the visits at the station. Station staff of the person's commune record
 * a visit and void a wrong one (never edit it); commune chairs and province administrators read within their scope.
 * Every read and change writes an audit row ({@code Visit}, entity id = the person) in the same transaction.
 */
@Stateless
public class VisitService {

    private static final int MAX_PAGE = 200;

    @Resource
    private EJBContext context;

    @Inject
    private PersonAccess access;

    @Inject
    private VisitRepository visits;

    @Inject
    private Icd10Repository icd10;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Visit> list(long personId, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0) {
            throw ProblemException.invalid(FieldError.coded("first", "page.first", "first must not be negative"));
        }
        if (max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        Person person = access.visible(caller, personId);
        audit.read(caller, AuditService.VISIT, person.getId(), "visits");
        return visits.forPerson(person.getId(), first, max);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public Visit get(long personId, long visitId) {
        CallerIdentity caller = caller();
        Person person = access.visible(caller, personId);
        Visit visit = visits.find(person.getId(), visitId)
                .orElseThrow(() -> ProblemException.notFound("No visit " + visitId + " of this person"));
        audit.read(caller, AuditService.VISIT, person.getId(), "visit " + visit.getId());
        return visit;
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public Visit record(long personId, VisitDetails details) {
        CallerIdentity caller = caller();
        Person person = access.writable(caller, personId);
        Visit visit = new Visit(person, details, code -> icd10.find(code).map(Icd10Code::getName),
                caller.username());
        visits.add(visit);
        visits.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.VISIT, person.getId(), Map.of(), visit.snapshot(),
                "visit " + visit.getId());
        return visit;
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public Visit voidVisit(long personId, long visitId, String reason) {
        CallerIdentity caller = caller();
        Person person = access.visible(caller, personId);
        Visit visit = visits.find(person.getId(), visitId)
                .orElseThrow(() -> ProblemException.notFound("No visit " + visitId + " of this person"));
        Map<String, String> before = visit.snapshot();
        visit.voidVisit(reason, caller.username());
        visits.flush();
        audit.changed(caller, AuditAction.VOID, AuditService.VISIT, person.getId(), before, visit.snapshot(),
                "visit " + visit.getId());
        return visit;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
