package vn.hssk.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What station staff record at a visit (part D): date, examiner, reason, vital signs, findings, tests with results,
 * diagnoses as ICD-10 codes (the first is the main one), conclusion and advice. BMI is not given: it is computed.
 */
public record VisitDetails(LocalDate visitDate, String examiner, String reason, Integer pulse,
                           BigDecimal temperature, Integer bpSystolic, Integer bpDiastolic, Integer respiratoryRate,
                           BigDecimal heightCm, BigDecimal weightKg, BigDecimal waistCm, String findings,
                           List<TestDetails> tests, List<String> diagnoses, String conclusion, String advice) {

    /** One test row; {@code group} is LAB, IMAGING or OTHER. */
    public record TestDetails(VisitTestGroup group, String name, String result) {
    }
}
