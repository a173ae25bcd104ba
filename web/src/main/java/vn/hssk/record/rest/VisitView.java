package vn.hssk.record.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.record.Visit;

/** One visit of part D with its computed BMI, tests, diagnoses and, if voided, why. */
public record VisitView(long id, long personId, LocalDate visitDate, String examiner, String reason, Integer pulse,
                        BigDecimal temperature, Integer bpSystolic, Integer bpDiastolic, Integer respiratoryRate,
                        BigDecimal heightCm, BigDecimal weightKg, BigDecimal waistCm, BigDecimal bmi,
                        String findings, List<TestView> tests, List<DiagnosisView> diagnoses, String conclusion,
                        String advice, boolean voided, String voidReason, Instant voidedAt, String voidedBy,
                        Instant createdAt, String createdBy) {

    /** A test row. */
    public record TestView(String group, String name, String result) {
    }

    /** A diagnosis: ICD-10 code and name. */
    public record DiagnosisView(String code, String name) {
    }

    public static VisitView of(Visit v) {
        return new VisitView(v.getId(), v.getPersonId(), v.getVisitDate(), v.getExaminer(), v.getReason(),
                v.getPulse(), v.getTemperature(), v.getBpSystolic(), v.getBpDiastolic(), v.getRespiratoryRate(),
                v.getHeightCm(), v.getWeightKg(), v.getWaistCm(), v.getBmi(), v.getFindings(),
                v.getTests().stream().map(t -> new TestView(t.getGroup().name(), t.getName(), t.getResult()))
                        .toList(),
                v.getDiagnoses().stream().map(d -> new DiagnosisView(d.getCode(), d.getName())).toList(),
                v.getConclusion(), v.getAdvice(), v.isVoided(), v.getVoidReason(), v.getVoidedAt(), v.getVoidedBy(),
                v.getCreatedAt(), v.getCreatedBy());
    }
}
