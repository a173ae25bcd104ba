package vn.hssk.care;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jboss.logging.Logger;
import vn.hssk.household.Sex;
import vn.hssk.record.Person;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDetails;
import vn.hssk.record.VisitTestGroup;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;

/**
 * Demo follow-up for the embedded stack: most people whose part B names hypertension or diabetes are enrolled in the
 * programme some months ago and followed up about monthly, some of them late; a few young women are followed for a
 * pregnancy. Seeded, so every fresh start shows the same lists; nothing happens once the province has an enrolment.
 * Visits and enrolments go through the entities' own checks, like staff input.
 */
@Stateless
public class DemoCare {

    private static final Logger LOG = Logger.getLogger(DemoCare.class);
    private static final String ACTOR = "demo";
    private static final long SEED = 20261205L;
    private static final List<String> EXAMINERS = List.of("BS. Lê Thị Hương", "YS. Nguyễn Văn Toàn");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (!em.createQuery("select e.id from CareEnrolment e", Long.class).setMaxResults(1).getResultList()
                .isEmpty()) {
            return;
        }
        List<CareProgramme> programmes = em.createQuery("select p from CareProgramme p where p.enrolment = true"
                + " and p.active = true order by p.position", CareProgramme.class).getResultList();
        Random random = new Random(SEED + tenantCode.hashCode());
        LocalDate today = FieldCheck.today();
        int enrolled = 0;
        int followUps = 0;
        List<Object[]> diagnosed = em.createQuery("select h.personId, h.icd10Code from HistoryEntry h"
                + " where h.voided = false and h.relative is null and h.icd10Code is not null order by h.personId",
                Object[].class).getResultList();
        for (Object[] row : diagnosed) {
            for (CareProgramme p : programmes) {
                if (p.covers((String) row[1]) && random.nextInt(10) < 7) {
                    int made = enrol((Long) row[0], p, today.minusDays(60 + random.nextInt(240)), random);
                    enrolled += made < 0 ? 0 : 1;
                    followUps += Math.max(made, 0);
                }
            }
        }
        CareProgramme anc = programmes.stream().filter(p -> "ANC".equals(p.getCode())).findFirst().orElse(null);
        if (anc != null) {
            List<Long> women = em.createQuery("select p.id from Person p where p.voided = false and p.sex = :f"
                    + " and p.birthDate between :from and :to order by p.id", Long.class)
                    .setParameter("f", Sex.FEMALE).setParameter("from", today.minusYears(38))
                    .setParameter("to", today.minusYears(20)).getResultList();
            for (Long id : women) {
                if (random.nextInt(8) == 0) {
                    int made = enrol(id, anc, today.minusDays(20 + random.nextInt(200)), random);
                    enrolled += made < 0 ? 0 : 1;
                    followUps += Math.max(made, 0);
                }
            }
        }
        LOG.infof("Demo care of province %s: %d enrolments, %d follow-ups", tenantCode, enrolled, followUps);
    }

    /** Enrols one person and follows them up about every interval, the last one or two possibly missed. */
    private int enrol(long personId, CareProgramme p, LocalDate on, Random random) {
        Person person = em.find(Person.class, personId);
        if (person == null || person.isVoided() || on.isBefore(person.getBirthDate())) {
            return -1;
        }
        try {
            CareEnrolment e = new CareEnrolment(person, p, on, null, ACTOR);
            em.persist(e);
            em.flush();
            int made = 0;
            LocalDate stop = FieldCheck.today().minusDays(random.nextInt(4) == 0 ? 45 : random.nextInt(20));
            for (LocalDate day = on.plusDays(p.getIntervalDays() - 3 + random.nextInt(7)); !day.isAfter(stop);
                 day = day.plusDays(p.getIntervalDays() - 3 + random.nextInt(7))) {
                followUp(person, e, p, day, random);
                made++;
            }
            return made;
        } catch (ProblemException refused) {
            LOG.debugf("Demo enrolment of person %d refused: %s", personId, refused.getMessage());
            return -1;
        }
    }

    private void followUp(Person person, CareEnrolment e, CareProgramme p, LocalDate day, Random random) {
        boolean htn = "HTN".equals(p.getCode());
        boolean dm = "DM".equals(p.getCode());
        int age = Period.between(person.getBirthDate(), day).getYears();
        Integer systolic = age >= 12 ? (htn ? 128 + random.nextInt(35) : 105 + random.nextInt(20)) : null;
        Integer diastolic = systolic == null ? null : htn ? 80 + random.nextInt(15) : 65 + random.nextInt(12);
        BigDecimal glucose = dm ? BigDecimal.valueOf(55 + random.nextInt(60), 1) : null;
        List<VisitDetails.TestDetails> tests = glucose == null ? List.of()
                : List.of(new VisitDetails.TestDetails(VisitTestGroup.LAB, CareService.GLUCOSE_TEST,
                glucose.toPlainString()));
        Visit visit = new Visit(person, new VisitDetails(day, EXAMINERS.get(random.nextInt(EXAMINERS.size())),
                p.followUpReason(), null, null, systolic,
                diastolic, null, null, null, null, null, tests, List.of(), null, null), code -> Optional.empty(),
                ACTOR);
        em.persist(visit);
        em.flush();
        em.persist(new CareFollowUp(e, visit.getId(), day, glucose, ACTOR));
    }
}
