package vn.hssk.immunization.rest;

import java.time.LocalDate;
import vn.hssk.immunization.AgeSpan;
import vn.hssk.immunization.ScheduleDose;

/** A dose of the schedule; ages and intervals as months and days (null when the schedule states none). */
public record ScheduleDoseView(long id, String vaccine, String vaccineName, String antigen, int doseNumber,
                               String doseLabel, String targetGroup, String sex, Integer recommendedAgeMonths,
                               Integer recommendedAgeDays, Integer minimumAgeMonths, Integer minimumAgeDays,
                               Integer minIntervalMonths, Integer minIntervalDays, boolean routine,
                               LocalDate validFrom, LocalDate validTo, String legalBasis, String confidence,
                               String notes) {

    static ScheduleDoseView of(ScheduleDose s) {
        AgeSpan r = s.getRecommendedAge();
        AgeSpan m = s.getMinimumAge();
        AgeSpan i = s.getMinInterval();
        return new ScheduleDoseView(s.getId(), s.getVaccine().getCode(), s.getVaccine().getName(),
                s.getVaccine().getAntigen(), s.getDoseNumber(), s.getDoseLabel(), s.getTargetGroup(),
                s.getSex() == null ? null : s.getSex().name(), r == null ? null : r.months(),
                r == null ? null : r.days(), m == null ? null : m.months(), m == null ? null : m.days(),
                i == null ? null : i.months(), i == null ? null : i.days(), s.isRoutine(), s.getValidFrom(),
                s.getValidTo(), s.getLegalBasis(), s.getConfidence(), s.getNotes());
    }
}
