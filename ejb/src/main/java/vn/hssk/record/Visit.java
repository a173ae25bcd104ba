package vn.hssk.record;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.hssk.icd10.Icd10Code;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * One examination at the station, part D of the 831 record. A visit is appended and never edited: a wrong one is
 * voided with a reason and recorded again. Its checks are those of a careful nurse: a date between the person's birth
 * and today, vital signs in plausible ranges (diastolic below systolic), known ICD-10 codes; the BMI is computed here
 * from height and weight, never typed.
 */
@Entity
@Table(name = "visit")
public class Visit extends Audited {

    static final int MAX_TESTS = 30;
    static final int MAX_DIAGNOSES = 10;
    private static final BigDecimal BMI_MIN = BigDecimal.valueOf(5);
    private static final BigDecimal BMI_MAX = BigDecimal.valueOf(150);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "visit_date", nullable = false)
    private LocalDate visitDate;

    @Column(length = 200)
    private String examiner;

    @Column(length = 1000)
    private String reason;

    private Integer pulse;

    @Column(precision = 4, scale = 1)
    private BigDecimal temperature;

    @Column(name = "bp_systolic")
    private Integer bpSystolic;

    @Column(name = "bp_diastolic")
    private Integer bpDiastolic;

    @Column(name = "respiratory_rate")
    private Integer respiratoryRate;

    @Column(name = "height_cm", precision = 5, scale = 1)
    private BigDecimal heightCm;

    @Column(name = "weight_kg", precision = 5, scale = 2)
    private BigDecimal weightKg;

    @Column(name = "waist_cm", precision = 5, scale = 1)
    private BigDecimal waistCm;

    @Column(precision = 5, scale = 1)
    private BigDecimal bmi;

    @Column(columnDefinition = "TEXT")
    private String findings;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "visit_test", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    private List<VisitTest> tests = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "visit_diagnosis", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    private List<VisitDiagnosis> diagnoses = new ArrayList<>();

    @Column(length = 2000)
    private String conclusion;

    @Column(columnDefinition = "TEXT")
    private String advice;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by", length = 100)
    private String voidedBy;

    protected Visit() {
    }

    /**
     * A visit of {@code person} (reached by the caller, not voided); {@code icdName} gives the catalog's name of a
     * code, or nothing for a code the province's catalog lacks.
     */
    public Visit(Person person, VisitDetails d, Function<String, Optional<String>> icdName, String actor) {
        FieldCheck f = new FieldCheck();
        LocalDate day = f.pastOrToday("visitDate", d.visitDate(), "Visit date");
        if (day != null && day.isBefore(person.getBirthDate())) {
            f.fail("visitDate", "visit.beforeBirth", "Visit date cannot be before the date of birth");
        }
        String who = f.text("examiner", d.examiner(), 200, false, "Examiner");
        String why = f.text("reason", d.reason(), 1000, false, "Reason");
        range(f, "pulse", d.pulse(), 20, 250, "Pulse", "/min");
        range(f, "temperature", d.temperature(), 30, 45, "Temperature", "°C");
        range(f, "bpSystolic", d.bpSystolic(), 50, 300, "Systolic blood pressure", "mmHg");
        range(f, "bpDiastolic", d.bpDiastolic(), 20, 200, "Diastolic blood pressure", "mmHg");
        if (d.bpSystolic() != null && d.bpDiastolic() != null && d.bpDiastolic() >= d.bpSystolic()) {
            f.fail("bpDiastolic", "visit.bpOrder", "Diastolic blood pressure must be below the systolic");
        } else if (d.bpSystolic() == null != (d.bpDiastolic() == null)) {
            f.fail(d.bpSystolic() == null ? "bpSystolic" : "bpDiastolic", "visit.bpBoth",
                    "Blood pressure needs both systolic and diastolic");
        }
        range(f, "respiratoryRate", d.respiratoryRate(), 5, 80, "Respiratory rate", "/min");
        range(f, "heightCm", d.heightCm(), 20, 250, "Height", "cm");
        range(f, "weightKg", d.weightKg(), 0.5, 400, "Weight", "kg");
        range(f, "waistCm", d.waistCm(), 20, 250, "Waist", "cm");
        decimals(f, "temperature", d.temperature(), 1);
        decimals(f, "heightCm", d.heightCm(), 1);
        decimals(f, "weightKg", d.weightKg(), 2);
        decimals(f, "waistCm", d.waistCm(), 1);
        BigDecimal computed = bmi(d.heightCm(), d.weightKg());
        if (computed != null && (computed.compareTo(BMI_MIN) < 0 || computed.compareTo(BMI_MAX) > 0)) {
            f.fail("weightKg", "visit.bmi", "Height and weight give a BMI of " + computed + ", which is not plausible",
                    computed);
        }
        String found = f.text("findings", d.findings(), 4000, false, "Findings");
        List<VisitTest> testRows = new ArrayList<>();
        List<VisitDetails.TestDetails> given = d.tests() == null ? List.of() : d.tests();
        if (given.size() > MAX_TESTS) {
            f.fail("tests", "visit.tests", "At most " + MAX_TESTS + " tests per visit", MAX_TESTS);
        }
        for (int i = 0; i < given.size() && i < MAX_TESTS; i++) {
            VisitDetails.TestDetails t = given.get(i);
            String field = "tests[" + i + "]";
            if (t == null) {
                f.fail(field + ".name", "required", "Test name is required", field + ".name");
                continue;
            }
            String name = f.text(field + ".name", t.name(), 200, true, "Test name");
            String result = f.text(field + ".result", t.result(), 1000, false, "Result");
            testRows.add(new VisitTest(t.group() == null ? VisitTestGroup.LAB : t.group(), name, result));
        }
        List<VisitDiagnosis> dx = new ArrayList<>();
        List<String> codes = d.diagnoses() == null ? List.of() : d.diagnoses();
        if (codes.size() > MAX_DIAGNOSES) {
            f.fail("diagnoses", "visit.diagnoses", "At most " + MAX_DIAGNOSES + " diagnoses per visit", MAX_DIAGNOSES);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < codes.size() && i < MAX_DIAGNOSES; i++) {
            String code = Icd10Code.normalize(codes.get(i));
            Optional<String> name = code == null ? Optional.empty() : icdName.apply(code);
            if (name.isEmpty()) {
                f.fail("diagnoses[" + i + "]", "icd10.unknown", "No ICD-10 code " + Objects.toString(codes.get(i), "")
                        + " in the province's catalog", Objects.toString(codes.get(i), ""));
            } else if (seen.add(code)) {
                dx.add(new VisitDiagnosis(code, name.get()));
            }
        }
        String concl = f.text("conclusion", d.conclusion(), 2000, false, "Conclusion");
        String adv = f.text("advice", d.advice(), 4000, false, "Advice");
        boolean anyVital = d.pulse() != null || d.temperature() != null || d.bpSystolic() != null
                || d.respiratoryRate() != null || d.heightCm() != null || d.weightKg() != null || d.waistCm() != null;
        if (!anyVital && found == null && testRows.isEmpty() && codes.isEmpty() && concl == null) {
            f.fail("findings", "visit.empty",
                    "Record at least a vital sign, a finding, a test, a diagnosis or a conclusion");
        }
        f.throwIfAny();
        this.personId = person.getId();
        this.visitDate = day;
        this.examiner = who;
        this.reason = why;
        this.pulse = d.pulse();
        this.temperature = d.temperature();
        this.bpSystolic = d.bpSystolic();
        this.bpDiastolic = d.bpDiastolic();
        this.respiratoryRate = d.respiratoryRate();
        this.heightCm = d.heightCm();
        this.weightKg = d.weightKg();
        this.waistCm = d.waistCm();
        this.bmi = computed;
        this.findings = found;
        this.tests.addAll(testRows);
        this.diagnoses.addAll(dx);
        this.conclusion = concl;
        this.advice = adv;
        recordCreation(actor);
    }

    /** Body-mass index, weight in kg over the square of height in m, to one decimal; null without both. */
    public static BigDecimal bmi(BigDecimal heightCm, BigDecimal weightKg) {
        if (heightCm == null || weightKg == null || heightCm.signum() <= 0) {
            return null;
        }
        BigDecimal metres = heightCm.divide(BigDecimal.valueOf(100));
        return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
    }

    public void voidVisit(String why, String actor) {
        if (voided) {
            throw ProblemException.conflict(FieldError.coded("voided", "visit.voided",
                    "This visit was already voided: " + voidReason, voidReason));
        }
        FieldCheck fields = new FieldCheck();
        String text = fields.text("reason", why, 500, true, "Reason");
        fields.throwIfAny();
        this.voided = true;
        this.voidReason = text;
        this.voidedAt = Instant.now();
        this.voidedBy = actor;
        recordChange(actor);
    }

    private static void range(FieldCheck f, String field, Number value, double min, double max, String label,
                              String unit) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            f.fail(field, "visit.range", label + " must be between " + plain(min) + " and " + plain(max) + " "
                    + unit, field, plain(min), plain(max), "/min".equals(unit) ? "perMinute" : unit);
        }
    }

    private static void decimals(FieldCheck f, String field, BigDecimal value, int max) {
        if (value != null && value.stripTrailingZeros().scale() > max) {
            if (max == 1) {
                f.fail(field, "decimals.one", "At most 1 decimal");
            } else {
                f.fail(field, "decimals", "At most " + max + " decimals", max);
            }
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The values the audit trail records, by the API's field names. */
    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("visitId", str(id));
        m.put("visitDate", str(visitDate));
        m.put("examiner", examiner);
        m.put("pulse", str(pulse));
        m.put("temperature", str(temperature));
        m.put("bp", bpSystolic == null ? null : bpSystolic + "/" + bpDiastolic);
        m.put("respiratoryRate", str(respiratoryRate));
        m.put("heightCm", str(heightCm));
        m.put("weightKg", str(weightKg));
        m.put("waistCm", str(waistCm));
        m.put("bmi", str(bmi));
        m.put("diagnoses", diagnoses.stream().map(VisitDiagnosis::getCode).toList().toString());
        m.put("tests", String.valueOf(tests.size()));
        m.put("voided", String.valueOf(voided));
        m.put("voidReason", voidReason);
        return m;
    }

    private static String str(Object o) {
        return Objects.toString(o, null);
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public LocalDate getVisitDate() {
        return visitDate;
    }

    public String getExaminer() {
        return examiner;
    }

    public String getReason() {
        return reason;
    }

    public Integer getPulse() {
        return pulse;
    }

    public BigDecimal getTemperature() {
        return temperature;
    }

    public Integer getBpSystolic() {
        return bpSystolic;
    }

    public Integer getBpDiastolic() {
        return bpDiastolic;
    }

    public Integer getRespiratoryRate() {
        return respiratoryRate;
    }

    public BigDecimal getHeightCm() {
        return heightCm;
    }

    public BigDecimal getWeightKg() {
        return weightKg;
    }

    public BigDecimal getWaistCm() {
        return waistCm;
    }

    public BigDecimal getBmi() {
        return bmi;
    }

    public String getFindings() {
        return findings;
    }

    public List<VisitTest> getTests() {
        return List.copyOf(tests);
    }

    public List<VisitDiagnosis> getDiagnoses() {
        return List.copyOf(diagnoses);
    }

    public String getConclusion() {
        return conclusion;
    }

    public String getAdvice() {
        return advice;
    }

    public boolean isVoided() {
        return voided;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public String getVoidedBy() {
        return voidedBy;
    }
}
