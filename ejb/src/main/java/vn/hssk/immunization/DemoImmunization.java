package vn.hssk.immunization;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;
import vn.hssk.record.Person;
import vn.hssk.shared.FieldCheck;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.unit.UnitRepository;

/**
 * Demo immunization data of the embedded stack for Quảng Đại (38, commune 16279): lots received and allocated to
 * its station, the past doses of its young children (most on time, some missing, so that the due list has overdue
 * children) and a session next week in Huệ Nghiêm. Seeded; the caller binds the tenant; nothing happens when the
 * province already has lots. Called by the demo loader ({@code DemoProvinces}) after the residents.
 */
@Stateless
public class DemoImmunization {

    private static final Logger LOG = Logger.getLogger(DemoImmunization.class);
    private static final String ACTOR = "demo";
    private static final List<String> VACCINES = List.of("HEPB-MONOVALENT", "BCG", "DPT-VGB-HIB", "OPV", "IPV",
            "MEASLES-MONOVALENT", "MR", "JE-VACCINE");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private ScheduleLoader loader;

    @Inject
    private StockLedger ledger;

    @Inject
    private StationRepository stations;

    @Inject
    private UnitRepository units;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (!"38".equals(tenantCode) || !repository.lots(null, null).isEmpty()) {
            return;
        }
        loader.ensureLoaded();
        HealthStation station = units.findCurrentByCode("16279").flatMap(stations::openMainStation).orElse(null);
        if (station == null) {
            LOG.warn("Demo station of Quảng Đại is missing: no demo immunization data");
            return;
        }
        LocalDate today = FieldCheck.today();
        LocalDate received = today.minusYears(2);
        Random random = new Random(20261125L);
        int n = 1;
        for (String code : VACCINES) {
            Vaccine vaccine = repository.vaccineByCode(code).orElse(null);
            if (vaccine == null) {
                continue;
            }
            VaccineLot old = new VaccineLot(vaccine, "QD" + (24000 + n), today.plusMonths(1), 300, received, ACTOR);
            VaccineLot current = new VaccineLot(vaccine, "QD" + (25000 + n++), today.plusMonths(10), 500,
                    today.minusMonths(1), ACTOR);
            repository.add(old);
            repository.add(current);
            repository.flush();
            ledger.takeFromProvince(old, 200);
            ledger.receive(station.getId(), old, 200, received, "allocation", ACTOR);
            ledger.takeFromProvince(current, 300);
            ledger.receive(station.getId(), current, 300, today.minusMonths(1), "allocation", ACTOR);
        }
        List<Person> children = em.createQuery("select p from Person p where p.voided = false and p.birthDate > :from"
                        + " and p.village.parent.code = '16279' order by p.id", Person.class)
                .setParameter("from", today.minusYears(2)).getResultList();
        List<ScheduleDose> schedule = repository.schedule(today, null).stream()
                .filter(s -> s.isRoutine() && s.getRecommendedAge() != null && VACCINES.contains(s.getVaccine()
                        .getCode())).toList();
        int doses = 0;
        for (Person child : children) {
            for (ScheduleDose s : schedule) {
                LocalDate on = s.getRecommendedAge().after(child.getBirthDate()).plusDays(random.nextInt(7));
                if (on.isBefore(today.minusDays(3)) && random.nextInt(100) < 85
                        && (s.getDoseNumber() == 1 || hasDose(child, s.getVaccine(), s.getDoseNumber() - 1))) {
                    repository.add(Immunization.historical(child.getId(), s.getVaccine(), s.getDoseNumber(), s, on,
                            "Trạm Y tế xã Quảng Đại", null, null, ACTOR));
                    repository.flush();
                    doses++;
                }
            }
        }
        units.findCurrentByCode("16279-01").ifPresent(village -> em.persist(new VaccinationSession(station,
                today.plusDays(7), "Nhà văn hóa thôn Huệ Nghiêm", village,
                new java.util.LinkedHashSet<>(List.of("DPT-VGB-HIB", "OPV", "IPV", "MEASLES-MONOVALENT")), null,
                ACTOR)));
        LOG.infof("Demo immunization of Quảng Đại: %d lots, %d past doses of %d children", VACCINES.size() * 2, doses,
                children.size());
    }

    private boolean hasDose(Person child, Vaccine vaccine, int number) {
        return repository.doses(child.getId(), false).stream()
                .anyMatch(d -> d.getVaccine().getId().equals(vaccine.getId()) && d.getDoseNumber() == number);
    }
}
