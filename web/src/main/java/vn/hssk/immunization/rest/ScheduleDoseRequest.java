package vn.hssk.immunization.rest;

/**
 * The body of {@code POST /api/schedule}: a dose of a vaccine's series from {@code validFrom}. Ages and intervals are
 * months plus days; {@code sex} restricts the dose to MALE or FEMALE. {@code PUT /api/schedule/{id}} reads only
 * {@code validTo} (ends the row) and {@code routine}.
 */
public record ScheduleDoseRequest(String vaccine, Integer doseNumber, String doseLabel, String targetGroup,
                                  String sex, Integer recommendedAgeMonths, Integer recommendedAgeDays,
                                  Integer minimumAgeMonths, Integer minimumAgeDays, Integer minIntervalMonths,
                                  Integer minIntervalDays, Boolean routine, String validFrom, String validTo,
                                  String legalBasis, String confidence, String notes) {
}
