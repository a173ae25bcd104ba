package vn.hssk.care;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A follow-up visit of an enrolment as staff record it: the day, the examiner, blood pressure, weight, blood glucose
 * (mmol/L) and a note. It becomes a part D visit; the visit's own checks apply to the shared measurements.
 */
public record FollowUpDetails(LocalDate visitDate, String examiner, Integer bpSystolic, Integer bpDiastolic,
                              BigDecimal weightKg, BigDecimal glucoseMmol, String note) {
}
