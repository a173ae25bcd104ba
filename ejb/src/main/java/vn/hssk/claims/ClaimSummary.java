package vn.hssk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the summary table (XML1, {@code TONG_HOP}) of one claim says, in either encoding: the key, who the patient is
 * (name, personal ID, birth date, sex, BHYT cards, commune of residence), where and when (facility, in, out), the
 * diagnoses (main and secondary ICD-10 codes, and the written diagnosis), referral and discharge, and advice.
 * {@code birthDate} is null when the claim gives only a year or a month (zeros for the unknown parts).
 */
public record ClaimSummary(ClaimEncoding encoding, String claimKey, String patientCode, String fullName,
                           String personalId, LocalDate birthDate, Integer sex, List<String> bhytCards,
                           String address, String residenceCommune, String facility, LocalDateTime admittedAt,
                           LocalDateTime dischargedAt, String mainIcd, List<String> secondaryIcds,
                           String diagnosisText, String reason, String referredFrom, String referredTo,
                           String referralPaper, String outcome, String dischargeType, String advice,
                           BigDecimal weightKg, String followUp) {
}
