package vn.hssk.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jboss.logging.Logger;
import vn.hssk.household.Sex;
import vn.hssk.icd10.Icd10Code;
import vn.hssk.icd10.Icd10Repository;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;

/**
 * Demo parts B and D for the embedded stack: for about a third of the given demo residents, history lines that fit
 * their age and sex (habits, chronic diseases with their ICD-10 codes, allergies, family history, reproductive
 * history for women, condition at birth for small children, pesticide exposure for farmers) and one to three visits
 * at the station with plausible vital signs and common primary-care diagnoses. Seeded, so every fresh start shows the
 * same records; the caller binds the tenant ({@code TenantContext.callAs}); nothing happens if the province already
 * has visits. Lines go through the entities' own checks, like staff input.
 */
@Stateless
public class DemoClinical {

    private static final Logger LOG = Logger.getLogger(DemoClinical.class);
    private static final String ACTOR = "demo";
    private static final long SEED = 20261125L;
    private static final List<String> EXAMINERS = List.of("BS. Lê Thị Hương", "YS. Nguyễn Văn Toàn",
            "BS. Trần Minh Đức", "ĐD. Phạm Thị Lan");
    private static final List<String> DRUG_ALLERGENS = List.of("Penicillin", "Amoxicillin", "Aspirin", "Sulfamid",
            "Cephalexin");
    private static final List<String> FOOD_ALLERGENS = List.of("Tôm", "Cua biển", "Hải sản", "Nhộng tằm");
    private static final List<String> RELATIVES = List.of("Bố", "Mẹ", "Anh trai", "Chị gái", "Ông nội", "Bà ngoại");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private PersonRepository persons;

    @Inject
    private HistoryRepository history;

    @Inject
    private VisitRepository visits;

    @Inject
    private Icd10Repository icd10;

    /** Adds demo parts B and D to about a third of {@code personIds} of the bound tenant. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void addTo(String tenantCode, List<Long> personIds) {
        if (personIds == null || personIds.isEmpty()
                || !em.createQuery("select v.id from Visit v", Long.class).setMaxResults(1).getResultList()
                .isEmpty()) {
            return;
        }
        Random random = new Random(SEED + tenantCode.hashCode());
        int people = 0;
        int lines = 0;
        int visitCount = 0;
        for (Long id : personIds) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            Person person = persons.find(id).filter(p -> !p.isVoided()).orElse(null);
            if (person == null) {
                continue;
            }
            people++;
            History h = new History(person, random);
            lines += h.write();
            visitCount += visitsOf(person, random, h.hypertension, h.diabetes);
        }
        LOG.infof("Demo parts B and D of province %s: %d persons, %d history lines, %d visits", tenantCode, people,
                lines, visitCount);
    }

    /** The part-B lines of one person, chosen by age, sex and occupation. */
    private final class History {
        private final Person person;
        private final Random random;
        private final int age;
        private boolean hypertension;
        private boolean diabetes;
        private int written;

        History(Person person, Random random) {
            this.person = person;
            this.random = random;
            this.age = Period.between(person.getBirthDate(), FieldCheck.today()).getYears();
        }

        int write() {
            boolean male = person.getSex() == Sex.MALE;
            int born = person.getBirthDate().getYear();
            if (age < 6) {
                add("BIRTH", "DELIVERY", random.nextInt(4) == 0 ? "CAESAREAN" : "NORMAL", null, null, null, null);
                add("BIRTH", "BIRTH_WEIGHT", null, BigDecimal.valueOf(2500 + random.nextInt(13) * 100), null, null,
                        null);
            }
            if (age >= 18) {
                if (male && chance(40)) {
                    add("HABIT", "TOBACCO", chance(60) ? "REGULAR" : "YES", BigDecimal.valueOf(5 + random.nextInt(16)),
                            null, null, Math.min(born + 18 + random.nextInt(5), FieldCheck.today().getYear()));
                }
                if (male && chance(30)) {
                    add("HABIT", "ALCOHOL", chance(30) ? "REGULAR" : "YES", BigDecimal.valueOf(1 + random.nextInt(4)),
                            null, null, null);
                }
                if (chance(60)) {
                    add("HABIT", "PHYSICAL_ACTIVITY", pick(List.of("NO", "YES", "REGULAR")), null, null, null, null);
                }
                if ("Nông dân".equals(person.getOccupation()) && chance(40)) {
                    add("EXPOSURE", "PESTICIDE", null, BigDecimal.valueOf(Math.min(age - 16, 5 + random.nextInt(25))),
                            null, "Phun thuốc trừ sâu lúa", null);
                }
            }
            if (age >= 40) {
                if (chance(30)) {
                    hypertension = true;
                    add("DISEASE", "HYPERTENSION", null, null, null, "Đang điều trị tại trạm",
                            Math.max(born + 35, FieldCheck.today().getYear() - 1 - random.nextInt(10)));
                }
                if (chance(12)) {
                    diabetes = true;
                    addIcd("DISEASE", "DIABETES", "E11", "Type 2, theo dõi đường huyết",
                            Math.max(born + 35, FieldCheck.today().getYear() - 1 - random.nextInt(8)));
                }
                if (chance(10)) {
                    add("DISEASE", "STOMACH", null, null, null, "Đau thượng vị tái phát", null);
                }
            }
            if (chance(8)) {
                add("ALLERGY", "DRUG", null, null, null, pick(DRUG_ALLERGENS), null);
            }
            if (chance(5)) {
                add("ALLERGY", "FOOD", null, null, null, pick(FOOD_ALLERGENS), null);
            }
            if (chance(20)) {
                add("DISEASE", chance(60) ? "HYPERTENSION" : "DIABETES", null, null, pick(RELATIVES), null, null);
            }
            if (!male && age >= 20 && age <= 49) {
                add("REPRODUCTIVE", "CONTRACEPTION", pick(List.of("IUD", "PILL", "CONDOM", "NONE", "IUD")), null,
                        null, null, null);
                int pregnancies = random.nextInt(4);
                add("REPRODUCTIVE", "PREGNANCIES", null, BigDecimal.valueOf(pregnancies), null, null, null);
                add("REPRODUCTIVE", "LIVING_CHILDREN", null, BigDecimal.valueOf(pregnancies), null, null, null);
            }
            return written;
        }

        private void add(String category, String code, String status, BigDecimal number, String relative,
                         String description, Integer since) {
            line(category, code, status, number, relative, null, description, since);
        }

        private void addIcd(String category, String code, String icd, String description, Integer since) {
            line(category, code, null, null, null, icd, description, since);
        }

        private void line(String category, String code, String status, BigDecimal number, String relative,
                          String icd, String description, Integer since) {
            Optional<HistoryItem> item = history.item(HistoryCategory.valueOf(category), code);
            if (item.isEmpty()) {
                return;
            }
            if (item.get().isSingleEntry() && relative == null && history.hasCurrentOwn(person.getId(), item.get())) {
                return;
            }
            HistoryEntryDetails d = new HistoryEntryDetails(item.get().getId(), status, number, false, relative, icd,
                    description, since);
            try {
                history.add(new HistoryEntry(person, item.get(), d, icd != null ? icd : item.get().getIcd10Code(),
                        ACTOR));
                history.flush();
                written++;
            } catch (ProblemException refused) {
                LOG.debugf("Demo line %s/%s of person %d refused: %s", category, code, person.getId(),
                        refused.getMessage());
            }
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    private int visitsOf(Person person, Random random, boolean hypertension, boolean diabetes) {
        long ageDays = FieldCheck.today().toEpochDay() - person.getBirthDate().toEpochDay();
        if (ageDays < 14) {
            return 0;
        }
        int count = 1 + random.nextInt(3);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(FieldCheck.today().minusDays(random.nextInt((int) Math.min(700, ageDays - 1))));
        }
        days.sort(null);
        int made = 0;
        for (LocalDate day : days) {
            try {
                visits.add(new Visit(person, visit(person, day, random, hypertension, diabetes),
                        code -> icd10.find(code).map(Icd10Code::getName), ACTOR));
                made++;
            } catch (ProblemException refused) {
                LOG.debugf("Demo visit of person %d refused: %s", person.getId(), refused.getMessage());
            }
        }
        visits.flush();
        return made;
    }

    private static VisitDetails visit(Person person, LocalDate day, Random random, boolean hypertension,
                                      boolean diabetes) {
        double age = (day.toEpochDay() - person.getBirthDate().toEpochDay()) / 365.25;
        boolean male = person.getSex() == Sex.MALE;
        double height = age < 1 ? 50 + 25 * age : age < 18 ? Math.min(75 + 6.3 * (age - 1), male ? 168 : 158)
                : (male ? 158 : 148) + random.nextInt(17);
        double bmi = age < 18 ? 15 + random.nextDouble() * 3 : 18.5 + random.nextDouble() * (hypertension ? 10 : 7);
        BigDecimal h = BigDecimal.valueOf(height).setScale(1, RoundingMode.HALF_UP);
        BigDecimal w = BigDecimal.valueOf(bmi * height * height / 10_000).setScale(1, RoundingMode.HALF_UP);
        Integer systolic = null;
        Integer diastolic = null;
        if (age >= 12) {
            systolic = hypertension ? 135 + random.nextInt(35) : 105 + random.nextInt(25);
            diastolic = hypertension ? 85 + random.nextInt(15) : 65 + random.nextInt(15);
        }
        boolean fever = random.nextInt(4) == 0;
        BigDecimal temperature = BigDecimal.valueOf(fever ? 378 + random.nextInt(14) : 362 + random.nextInt(6), 1);
        int pulse = age < 1 ? 120 + random.nextInt(25) : age < 12 ? 85 + random.nextInt(25) : 64 + random.nextInt(24);
        int breaths = age < 1 ? 35 + random.nextInt(10) : age < 12 ? 22 + random.nextInt(6) : 16 + random.nextInt(5);
        BigDecimal waist = age >= 18 ? BigDecimal.valueOf(Math.round(bmi * 3.1 + random.nextInt(6))) : null;

        String diagnosis;
        String advice;
        List<VisitDetails.TestDetails> tests = new ArrayList<>();
        if (hypertension && random.nextInt(3) > 0) {
            diagnosis = "I10";
            advice = "Ăn nhạt, hạn chế rượu bia, uống thuốc đều, tái khám sau 1 tháng";
        } else if (diabetes && random.nextBoolean()) {
            diagnosis = "E11";
            tests.add(new VisitDetails.TestDetails(VisitTestGroup.LAB, "Đường huyết mao mạch lúc đói",
                    (7 + random.nextInt(40) / 10.0) + " mmol/l"));
            advice = "Chế độ ăn giảm đường bột, vận động 30 phút mỗi ngày, tái khám sau 1 tháng";
        } else if (fever) {
            diagnosis = age < 6 ? "J06" : random.nextBoolean() ? "J02" : "J20";
            advice = "Uống nhiều nước, hạ sốt khi trên 38,5 °C, khám lại nếu sốt quá 3 ngày";
        } else if (age < 6) {
            diagnosis = random.nextBoolean() ? "Z00.1" : "A09";
            advice = "Bú mẹ hoặc ăn bổ sung đúng độ tuổi, tiêm chủng đủ mũi";
        } else {
            diagnosis = List.of("Z00.0", "M54.5", "K29", "J06", "R51").get(random.nextInt(5));
            advice = "Giữ ấm, ăn uống điều độ, tái khám khi có dấu hiệu bất thường";
        }
        if (age >= 40 && random.nextInt(4) == 0) {
            tests.add(new VisitDetails.TestDetails(VisitTestGroup.LAB, "Tổng phân tích nước tiểu",
                    "Bình thường"));
        }
        String findings = fever ? "Họng đỏ, phổi không rale" : "Tỉnh, tiếp xúc tốt; tim đều, phổi không rale";
        return new VisitDetails(day, EXAMINERS.get(random.nextInt(EXAMINERS.size())),
                fever ? "Sốt, ho" : hypertension ? "Khám định kỳ tăng huyết áp" : "Khám sức khỏe",
                pulse, temperature, systolic, diastolic, breaths, h, w, waist, findings, tests, List.of(diagnosis),
                null, advice);
    }
}
