package vn.hssk.consult;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wildfly.security.http.oidc.OidcPrincipal;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.export.RecordSections;
import vn.hssk.export.SectionContent;
import vn.hssk.record.Person;
import vn.hssk.record.PersonAccess;
import vn.hssk.record.PersonRepository;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDetails;
import vn.hssk.record.VisitRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.UnitScope;

/**
 * The use cases of tele-consultation. Station staff send a request about a person of their communes (the person
 * reached through {@link PersonAccess}, like every part of the record), see their communes' requests, and cancel an
 * unanswered one. A hospital doctor sees the requests sent to the facility of their token, opens one (the shared parts
 * of the record only) and answers it; the answer is written into part D as a visit in the same transaction. A request
 * outside the caller's communes or facility answers 404, like one that does not exist. Every read of a request and
 * every change is audited against the person.
 */
@Stateless
public class ConsultationService {

    /** The reason of the part D visit an answer becomes. */
    public static final String VISIT_REASON = "Hội chẩn từ xa";
    private static final int MAX_PAGE = 200;

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonAccess access;

    @Inject
    private PersonRepository persons;

    @Inject
    private VisitRepository visits;

    @Inject
    private RecordSections sections;

    @Inject
    private AuditTrail audit;

    /** The station sends a request about a person of its communes to an open hospital of the province. */
    @RolesAllowed(Roles.STATION_STAFF)
    public ConsultationView send(ConsultationRequest request) {
        CallerIdentity caller = caller();
        ConsultationRequest.Checked checked = request.check();
        Person person = access.writable(caller, request.personId());
        Hospital hospital = Optional.ofNullable(em.find(Hospital.class, request.hospitalId()))
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("hospitalId", "consult.hospitalUnknown",
                        "No hospital " + request.hospitalId() + " in this province", request.hospitalId())));
        Consultation c = new Consultation(person.getId(), person.getCommune(), hospital, checked, caller.username());
        em.persist(c);
        em.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(), c.snapshot(),
                context(c));
        return ConsultationView.of(c, person.getFullName(), null);
    }

    /**
     * For station staff the requests of their communes, optionally of one person; for a hospital doctor the inbox of
     * their facility. Newest first, optionally of one status. A doctor's list shows the questions, so each item listed
     * is audited as a read.
     */
    @RolesAllowed({Roles.STATION_STAFF, Roles.HOSPITAL_DOCTOR})
    public List<ConsultationView> list(ConsultationStatus status, Long personId, int first, int max) {
        CallerIdentity caller = caller();
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and "
                    + MAX_PAGE, MAX_PAGE));
        }
        boolean station = caller.hasRole(Roles.STATION_STAFF);
        StringBuilder jpql = new StringBuilder("select c from Consultation c join fetch c.hospital where 1 = 1");
        if (station) {
            if (caller.communeScope() != null) {
                jpql.append(" and c.commune.code in :communes");
            }
            if (personId != null) {
                jpql.append(" and c.personId = :person");
            }
        } else {
            jpql.append(" and c.hospital.facilityCode = :facility");
        }
        if (status != null) {
            jpql.append(" and c.status = :status");
        }
        TypedQuery<Consultation> q = em.createQuery(jpql.append(" order by c.createdAt desc, c.id desc").toString(),
                Consultation.class);
        if (station) {
            if (caller.communeScope() != null) {
                q.setParameter("communes", caller.communeScope().isEmpty() ? List.of("-") : caller.communeScope());
            }
            if (personId != null) {
                q.setParameter("person", personId);
            }
        } else {
            q.setParameter("facility", caller.requireFacility());
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        List<Consultation> found = q.setFirstResult(first).setMaxResults(max).getResultList();
        Map<Long, String> names = station ? names(found) : Map.of();
        if (!station) {
            found.forEach(c -> audit.read(caller, AuditService.PERSON, c.getPersonId(), "consultation-inbox "
                    + c.getId()));
        }
        return found.stream().map(c -> ConsultationView.of(c, names.get(c.getPersonId()), null)).toList();
    }

    /** One request with the shared parts of the record, as they stand now; the read is audited. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.HOSPITAL_DOCTOR})
    public ConsultationView get(long id) {
        CallerIdentity caller = caller();
        Consultation c = visible(caller, id);
        Person person = persons.find(c.getPersonId())
                .orElseThrow(() -> ProblemException.notFound("No consultation " + id));
        audit.read(caller, AuditService.PERSON, person.getId(), context(c));
        List<SectionContent> shared = sections.contentOf(person,
                c.getSharedParts().stream().map(Enum::name).toList());
        return ConsultationView.of(c, nameFor(caller, c, person), shared);
    }

    /** The doctor's answer: the request becomes ANSWERED and part D gains a visit with the answer as conclusion. */
    @RolesAllowed(Roles.HOSPITAL_DOCTOR)
    public ConsultationView answer(long id, String text, Integer version) {
        CallerIdentity caller = caller();
        FieldCheck check = new FieldCheck();
        String answer = check.text("text", TextFolding.normalize(text), ConsultationRequest.MAX_ANSWER, true,
                "The answer");
        check.throwIfAny();
        Consultation c = forDoctor(caller, id);
        requireVersion(c, version);
        Person person = persons.find(c.getPersonId())
                .orElseThrow(() -> ProblemException.notFound("No consultation " + id));
        if (person.isVoided()) {
            throw ProblemException.conflict(FieldError.coded("voided", "record.voided",
                    "This record was voided: " + person.getVoidReason(), person.getVoidReason()));
        }
        Map<String, String> before = c.snapshot();
        Visit visit = new Visit(person, new VisitDetails(FieldCheck.today(), examiner(caller, c.getHospital()),
                VISIT_REASON, null, null, null, null, null, null, null, null, null, List.of(), List.of(), answer,
                null), code -> Optional.empty(), caller.username());
        visits.add(visit);
        visits.flush();
        c.answer(answer, visit.getId(), caller.username());
        em.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.VISIT, person.getId(), Map.of(), visit.snapshot(),
                "visit " + visit.getId() + ", " + context(c));
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, person.getId(), before, c.snapshot(),
                context(c));
        return ConsultationView.of(c, nameFor(caller, c, person), null);
    }

    /** The station withdraws a request the hospital has not answered yet. */
    @RolesAllowed(Roles.STATION_STAFF)
    public ConsultationView cancel(long id, Integer version) {
        CallerIdentity caller = caller();
        Consultation c = forStation(caller, id)
                .orElseThrow(() -> ProblemException.notFound("No consultation " + id));
        requireVersion(c, version);
        Map<String, String> before = c.snapshot();
        c.cancel(caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, c.getPersonId(), before, c.snapshot(),
                context(c));
        return ConsultationView.of(c, names(List.of(c)).get(c.getPersonId()), null);
    }

    /** The attachment of a request; 404 when it has none. The read is audited. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.HOSPITAL_DOCTOR})
    public Attachment attachment(long id) {
        CallerIdentity caller = caller();
        Consultation c = visible(caller, id);
        if (!c.hasAttachment()) {
            throw ProblemException.notFound("Consultation " + id + " has no attachment");
        }
        audit.read(caller, AuditService.PERSON, c.getPersonId(), "consultation-attachment " + c.getId());
        return new Attachment(c.getAttachmentType(), c.getAttachmentName(), c.getAttachment());
    }

    /** An attachment's type (checked by its bytes), file name and bytes. */
    public record Attachment(String type, String name, byte[] bytes) {
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }

    /** The request if the caller's communes or facility reach it; 404 otherwise, as for an unknown id. */
    private Consultation visible(CallerIdentity caller, long id) {
        return forStation(caller, id).or(() -> doctors(caller, id))
                .orElseThrow(() -> ProblemException.notFound("No consultation " + id));
    }

    private Consultation forDoctor(CallerIdentity caller, long id) {
        return doctors(caller, id).orElseThrow(() -> ProblemException.notFound("No consultation " + id));
    }

    /** Station staff reach a request through the commune it was sent from, by the one commune scope rule. */
    private Optional<Consultation> forStation(CallerIdentity caller, long id) {
        if (!caller.hasRole(Roles.STATION_STAFF)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Consultation.class, id)).filter(c -> UnitScope.reaches(caller,
                c.getCommune()));
    }

    /** A doctor reaches the requests sent to the facility their token names. */
    private Optional<Consultation> doctors(CallerIdentity caller, long id) {
        if (!caller.hasRole(Roles.HOSPITAL_DOCTOR) || caller.facility().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Consultation.class, id))
                .filter(c -> c.getHospital().getFacilityCode().equals(caller.facility().get()));
    }

    private static void requireVersion(Consultation c, Integer version) {
        if (version != null && version != c.getVersion()) {
            throw ProblemException.conflict(FieldError.coded("version", "changedMeanwhile",
                    "This was changed meanwhile; reload it"));
        }
    }

    /** The station always sees the name; the hospital only when part A was shared. */
    private static String nameFor(CallerIdentity caller, Consultation c, Person person) {
        boolean station = caller.hasRole(Roles.STATION_STAFF) && UnitScope.reaches(caller, c.getCommune());
        return station || c.getSharedParts().contains(RecordPart.A) ? person.getFullName() : null;
    }

    private Map<Long, String> names(List<Consultation> found) {
        Map<Long, String> names = new HashMap<>();
        if (!found.isEmpty()) {
            em.createQuery("select p from Person p where p.id in :ids", Person.class)
                    .setParameter("ids", found.stream().map(Consultation::getPersonId).distinct().toList())
                    .getResultList().forEach(p -> names.put(p.getId(), p.getFullName()));
        }
        return names;
    }

    /** Who examined, for part D: the doctor's name from the token (else the username) and the hospital. */
    private String examiner(CallerIdentity caller, Hospital hospital) {
        String name = caller.username();
        Principal principal = context.getCallerPrincipal();
        if (principal instanceof OidcPrincipal<?> oidc && oidc.getOidcSecurityContext() != null
                && oidc.getOidcSecurityContext().getToken() != null) {
            String full = oidc.getOidcSecurityContext().getToken().getName();
            if (full != null && !full.isBlank()) {
                name = full.strip();
            }
        }
        String examiner = name + " – " + hospital.getName();
        return examiner.length() > 200 ? examiner.substring(0, 200) : examiner;
    }

    private static String context(Consultation c) {
        return "consultation " + c.getId();
    }
}
