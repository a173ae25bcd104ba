package vn.hssk.citizen;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.Person;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;

/**
 * Citizens' feedback as the station and the province see it. Station staff and commune chairs see the feedback of
 * their communes, province administrators the whole province; station staff answer and close it. An item outside the
 * caller's communes answers 404 like one that does not exist. Reading an item's photo and every answer are audited
 * against the person the feedback is about.
 */
@Stateless
public class FeedbackService {

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /** Per commune: how many items, how many still open, and the mean hours until the first answer. */
    public record CommuneSummary(String communeCode, String communeName, long total, long open, long answered,
                                 long closed, Double meanHoursToAnswer) implements Serializable {
    }

    /** The items of the caller's communes (or the province), newest first, optionally of one status. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.COMMUNE_CHAIR, Roles.PROVINCE_ADMIN})
    public List<FeedbackView> list(FeedbackStatus status, int first, int max) {
        CallerIdentity caller = CallerIdentity.of(context);
        List<Feedback> items = CitizenMessages.inScope(em, Feedback.class, caller, status, first, max);
        Map<Long, Person> people = CitizenMessages.persons(em, items);
        return items.stream().map(f -> FeedbackView.of(f, caller.requireTenant(),
                people.containsKey(f.getPersonId()) ? people.get(f.getPersonId()).getFullName() : null)).toList();
    }

    /** The station's answer to an item of its commune; {@code version} is the one the answerer saw. */
    @RolesAllowed(Roles.STATION_STAFF)
    public FeedbackView answer(long id, String text, Integer version) {
        CallerIdentity caller = CallerIdentity.of(context);
        FieldCheck check = new FieldCheck();
        String answer = check.text("text", TextFolding.normalize(text), FeedbackRequest.MAX_TEXT, true,
                "The answer");
        check.throwIfAny();
        Feedback f = CitizenMessages.visible(em, Feedback.class, caller, id);
        CitizenMessages.requireVersion(f, version);
        f.answer(answer, caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, f.getPersonId(), Map.of(),
                Map.of("feedback", String.valueOf(f.getId()), "answer", answer), CitizenRecords.FEEDBACK_CONTEXT);
        return view(caller, f);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public FeedbackView close(long id, Integer version) {
        CallerIdentity caller = CallerIdentity.of(context);
        Feedback f = CitizenMessages.visible(em, Feedback.class, caller, id);
        CitizenMessages.requireVersion(f, version);
        f.close(caller.username());
        em.flush();
        audit.changed(caller, AuditAction.UPDATE, AuditService.PERSON, f.getPersonId(), Map.of("status", "OPEN"),
                Map.of("status", "CLOSED", "feedback", String.valueOf(f.getId())), CitizenRecords.FEEDBACK_CONTEXT);
        return view(caller, f);
    }

    /** The photo of an item; 404 when it has none. */
    @RolesAllowed({Roles.STATION_STAFF, Roles.COMMUNE_CHAIR, Roles.PROVINCE_ADMIN})
    public Photo photo(long id) {
        CallerIdentity caller = CallerIdentity.of(context);
        Feedback f = CitizenMessages.visible(em, Feedback.class, caller, id);
        if (!f.hasPhoto()) {
            throw ProblemException.notFound("Feedback " + id + " has no photo");
        }
        audit.read(caller, AuditService.PERSON, f.getPersonId(), "feedback-photo " + f.getId());
        return new Photo(f.getPhotoType(), f.getPhoto());
    }

    /** A photo and its type. */
    public record Photo(String type, byte[] bytes) {
    }

    /** Counts and response times per commune of the caller's scope (the province for its administrators). */
    @RolesAllowed({Roles.COMMUNE_CHAIR, Roles.PROVINCE_ADMIN})
    public List<CommuneSummary> summary() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        Set<String> communes = caller.communeScope();
        String sql = "select c.code, c.name, count(*),"
                + " sum(case when f.status = 'OPEN' then 1 else 0 end),"
                + " sum(case when f.status = 'ANSWERED' then 1 else 0 end),"
                + " sum(case when f.status = 'CLOSED' then 1 else 0 end),"
                + " avg(case when f.answered_at is null then null"
                + " else timestampdiff(SECOND, f.created_at, f.answered_at) / 3600.0 end)"
                + " from citizen_feedback f join admin_unit c on c.id = f.commune_id"
                + (communes == null ? "" : " where c.code in (:communes)")
                + " group by c.code, c.name order by c.code";
        var q = em.createNativeQuery(sql);
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        List<CommuneSummary> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new CommuneSummary((String) r[0], (String) r[1], number(r[2]), number(r[3]), number(r[4]),
                    number(r[5]), r[6] == null ? null : ((Number) r[6]).doubleValue()));
        }
        return rows;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private FeedbackView view(CallerIdentity caller, Feedback f) {
        Person person = em.find(Person.class, f.getPersonId());
        return FeedbackView.of(f, caller.requireTenant(), person == null ? null : person.getFullName());
    }
}
