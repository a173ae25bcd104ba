package vn.hssk.record.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/persons/{id}/visits}. {@code visitDate} is yyyy-MM-dd; vital signs in their usual
 * units (beats/min, °C, mmHg, breaths/min, cm, kg); {@code diagnoses} are ICD-10 codes, the first being the main one;
 * {@code tests} rows have a {@code group} (LAB, IMAGING, OTHER), a name and a result. BMI is computed, not sent.
 */
public record VisitRequest(String visitDate, String examiner, String reason, Integer pulse, BigDecimal temperature,
                           Integer bpSystolic, Integer bpDiastolic, Integer respiratoryRate, BigDecimal heightCm,
                           BigDecimal weightKg, BigDecimal waistCm, String findings, List<TestRequest> tests,
                           List<String> diagnoses, String conclusion, String advice) {

    /** One test row of a visit. */
    public record TestRequest(String group, String name, String result) {
    }
}
