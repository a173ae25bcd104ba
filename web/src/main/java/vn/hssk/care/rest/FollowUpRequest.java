package vn.hssk.care.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The body of a follow-up visit: day, examiner, blood pressure, weight, blood glucose (mmol/L), note. */
public record FollowUpRequest(LocalDate visitDate, String examiner, Integer bpSystolic, Integer bpDiastolic,
                              BigDecimal weightKg, BigDecimal glucoseMmol, String note) {
}
