package vn.hssk.citizen;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditEvent;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.export.RecordSections;
import vn.hssk.household.HouseholdMember;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.household.MemberRelation;
import vn.hssk.immunization.CertificateService;
import vn.hssk.immunization.IssuedCertificate;
import vn.hssk.immunization.PersonDosesReader;
import vn.hssk.immunization.SessionBookings;
import vn.hssk.record.Person;
import vn.hssk.record.PersonRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A citizen's records in the province {@link CitizenPortal} bound, one transaction per call. The citizen reaches the
 * live record with their personal ID and, when that record is the head or the spouse of a household, the live records
 * of the household's present children under 18; nothing else, and anything else answers 404 like a record that does
 * not exist. Every read is audited under the citizen's username with the context {@value #CONTEXT}.
 */
@Stateless
@RolesAllowed(Roles.CITIZEN)
public class CitizenRecords {

    static final String CONTEXT = "citizen-portal";
    static final String FEEDBACK_CONTEXT = "citizen-feedback";
    static final String BOOKING_CONTEXT = "citizen-booking";
    static final int ADULT_AGE = 18;
    private static final Set<MemberRelation> PARENTS = EnumSet.of(MemberRelation.HEAD, MemberRelation.SPOUSE);
    private static final int HISTORY_LINES = 200;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonRepository persons;

    @Inject
    private HouseholdRepository households;

    @Inject
    private StationRepository stations;

    @Inject
    private RecordSections sections;

    @Inject
    private PersonDosesReader doses;

    @Inject
    private CertificateService certificates;

    @Inject
    private SessionBookings bookings;

    @Inject
    private AuditTrail audit;

    /** The citizen's place in this province, read and audited; empty when the province holds no live record. */
    public Optional<CitizenPlace> place(CitizenIdentity citizen) {
        TenantEntry tenant = TenantContext.current().orElseThrow();
        Optional<Person> self = self(citizen);
        if (self.isEmpty()) {
            return Optional.empty();
        }
        CallerIdentity caller = citizen.in(tenant.code().value());
        List<CitizenRecord> children = new ArrayList<>();
        for (Person child : children(self.get())) {
            children.add(read(caller, child));
        }
        return Optional.of(new CitizenPlace(tenant.code().value(), tenant.name(), read(caller, self.get()),
                children));
    }

    /** A certificate of the citizen's or a child's doses, as station staff would issue it. */
    public IssuedCertificate certificate(CitizenIdentity citizen, long personId, Locale locale) {
        Person person = reachable(citizen, personId);
        return certificates.issueToCitizen(person, citizen.in(TenantContext.current().orElseThrow().code().value()),
                locale);
    }

    /** Who read or changed the record and when, newest first (the last {@value #HISTORY_LINES} lines). */
    public List<AccessEntry> accessHistory(CitizenIdentity citizen, long personId) {
        Person person = reachable(citizen, personId);
        return em.createQuery("select e from AuditEvent e where e.entityType in :types and e.entityId = :id"
                        + " order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("types", AuditService.PERSON_PARTS).setParameter("id", person.getId())
                .setMaxResults(HISTORY_LINES).getResultList().stream()
                .map(e -> new AccessEntry(e.getOccurredAt(), e.getUsername(), e.getRoles(), e.getAction().name(),
                        e.getContext()))
                .toList();
    }

    /**
     * Sends feedback about the citizen's or a child's record to the station of that record's commune, audited as a
     * change of the record ({@value #FEEDBACK_CONTEXT}).
     */
    public FeedbackView sendFeedback(CitizenIdentity citizen, long personId, FeedbackRequest request) {
        Person person = reachable(citizen, personId);
        FeedbackRequest.Checked checked = request.check();
        Feedback feedback = new Feedback(person.getId(), person.getCommune(), checked.category(), checked.text(),
                checked.photo(), checked.photoType(), citizen.username());
        em.persist(feedback);
        em.flush();
        String province = TenantContext.current().orElseThrow().code().value();
        audit.changed(citizen.in(province), AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(),
                Map.of("feedback", String.valueOf(feedback.getId()), "category", checked.category().name()),
                FEEDBACK_CONTEXT);
        return FeedbackView.of(feedback, province, person.getFullName()).forCitizen();
    }

    /**
     * Asks the station of the record's commune to correct the phone number and/or the address of the citizen's or a
     * child's record. Nothing is written to the record until station staff approve.
     */
    public ChangeRequestView requestChange(CitizenIdentity citizen, long personId, String phone, String address) {
        Person person = reachable(citizen, personId);
        FieldCheck check = new FieldCheck();
        String newPhone = check.phone("phone", phone);
        String newAddress = check.text("address", TextFolding.normalize(address), ChangeRequests.MAX_ADDRESS, false,
                "The address");
        if (newPhone == null && newAddress == null && check.isEmpty()) {
            check.fail("phone", "change.nothing", "Give a new phone number, a new address, or both");
        }
        check.throwIfAny();
        ChangeRequest request = new ChangeRequest(person.getId(), person.getCommune(), newPhone, newAddress,
                citizen.username());
        em.persist(request);
        em.flush();
        String province = TenantContext.current().orElseThrow().code().value();
        audit.changed(citizen.in(province), AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(),
                Map.of("changeRequest", String.valueOf(request.getId())), ChangeRequests.CONTEXT);
        return ChangeRequestView.of(request, province, person).forCitizen();
    }

    /** The change requests the citizen made about their own or their children's records here, newest first. */
    public List<ChangeRequestView> changeRequests(CitizenIdentity citizen) {
        Map<Long, Person> mine = mine(citizen);
        if (mine.isEmpty()) {
            return List.of();
        }
        String province = TenantContext.current().orElseThrow().code().value();
        return em.createQuery("select r from ChangeRequest r join fetch r.commune where r.personId in :persons"
                        + " order by r.createdAt desc, r.id desc", ChangeRequest.class)
                .setParameter("persons", mine.keySet()).getResultList().stream()
                .map(r -> ChangeRequestView.of(r, province, mine.get(r.getPersonId())).forCitizen()).toList();
    }

    /** The sessions of the record's commune the citizen may book a place in for that person, earliest first. */
    public List<SessionBookings.OpenSession> sessions(CitizenIdentity citizen, long personId) {
        return bookings.openFor(reachable(citizen, personId));
    }

    /** Books a place for the citizen or a child in a session of the record's commune, audited as a change. */
    public SessionBookings.OpenSession book(CitizenIdentity citizen, long personId, long sessionId) {
        Person person = reachable(citizen, personId);
        bookings.book(person, sessionId, citizen.username());
        auditBooking(citizen, person, "booked", sessionId);
        return session(person, sessionId);
    }

    /** Gives a booked place back. */
    public SessionBookings.OpenSession cancelBooking(CitizenIdentity citizen, long personId, long sessionId) {
        Person person = reachable(citizen, personId);
        bookings.cancel(person, sessionId, citizen.username());
        auditBooking(citizen, person, "cancelled", sessionId);
        return session(person, sessionId);
    }

    private SessionBookings.OpenSession session(Person person, long sessionId) {
        em.flush();
        return bookings.openFor(person).stream().filter(s -> s.sessionId() == sessionId).findFirst().orElseThrow();
    }

    private void auditBooking(CitizenIdentity citizen, Person person, String what, long sessionId) {
        audit.changed(citizen.in(TenantContext.current().orElseThrow().code().value()), AuditAction.UPDATE,
                AuditService.PERSON, person.getId(), Map.of(), Map.of("session " + sessionId, what),
                BOOKING_CONTEXT);
    }

    /** The citizen's record and their children's here, by id; empty when the province holds none. */
    private Map<Long, Person> mine(CitizenIdentity citizen) {
        Optional<Person> self = self(citizen);
        if (self.isEmpty()) {
            return Map.of();
        }
        Map<Long, Person> mine = new LinkedHashMap<>();
        mine.put(self.get().getId(), self.get());
        children(self.get()).forEach(c -> mine.put(c.getId(), c));
        return mine;
    }

    /** The feedback the citizen sent about their own or their children's records here, newest first. */
    public List<FeedbackView> feedback(CitizenIdentity citizen) {
        Map<Long, Person> mine = mine(citizen);
        if (mine.isEmpty()) {
            return List.of();
        }
        String province = TenantContext.current().orElseThrow().code().value();
        return em.createQuery("select f from Feedback f join fetch f.commune where f.personId in :persons"
                        + " order by f.createdAt desc, f.id desc", Feedback.class)
                .setParameter("persons", mine.keySet()).getResultList().stream()
                .map(f -> FeedbackView.of(f, province, mine.get(f.getPersonId()).getFullName()).forCitizen())
                .toList();
    }

    private Optional<Person> self(CitizenIdentity citizen) {
        return persons.findByPersonalId(citizen.personalId()).filter(p -> !p.isVoided());
    }

    /** The citizen's own record or a child's; 404 for any other id, the same answer as for an unknown one. */
    private Person reachable(CitizenIdentity citizen, long personId) {
        Optional<Person> self = self(citizen);
        if (self.isPresent()) {
            if (self.get().getId().longValue() == personId) {
                return self.get();
            }
            for (Person child : children(self.get())) {
                if (child.getId().longValue() == personId) {
                    return child;
                }
            }
        }
        throw ProblemException.notFound("No record " + personId + " of yours here");
    }

    /**
     * The live records of the parent's household registered as children of its head and under 18, when the parent's
     * own record is the head's or the spouse's (the household register's relations are to the head). A child whose
     * household member entry says they left the household is no longer the parent's to see.
     */
    List<Person> children(Person parent) {
        if (parent.getHouseholdId() == null || !PARENTS.contains(parent.getRelationToHead())) {
            return List.of();
        }
        LocalDate adultBorn = FieldCheck.today().minusYears(ADULT_AGE);
        List<Person> children = em.createQuery("select p from Person p where p.householdId = :household"
                        + " and p.relationToHead = :child and p.voided = false and p.birthDate > :adultBorn"
                        + " order by p.birthDate, p.id", Person.class)
                .setParameter("household", parent.getHouseholdId()).setParameter("child", MemberRelation.CHILD)
                .setParameter("adultBorn", adultBorn).getResultList();
        Set<Long> left = households.find(parent.getHouseholdId()).map(h -> h.getMembers().stream()
                        .filter(m -> !m.isPresent() && m.getPersonId() != null).map(HouseholdMember::getPersonId)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return children.stream().filter(c -> !left.contains(c.getId())).toList();
    }

    private CitizenRecord read(CallerIdentity caller, Person person) {
        audit.read(caller, AuditService.PERSON, person.getId(), CONTEXT);
        AdministrativeUnit commune = person.getCommune();
        String station = commune == null ? null
                : stations.openMainStation(commune).map(HealthStation::getName).orElse(null);
        return new CitizenRecord(person.getId(), person.getFullName(), person.getBirthDate(),
                person.getVillage().getName(), commune == null ? null : commune.getName(), station,
                sections.contentOf(person), doses.of(person));
    }
}
