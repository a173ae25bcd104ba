package vn.hssk.immunization;

import java.time.LocalDate;
import vn.hssk.household.Sex;

/** One dose of the schedule as an administrator (or the catalog import) states it. */
public record ScheduleDoseDetails(Integer doseNumber, String doseLabel, String targetGroup, Sex sex,
                                  AgeSpan recommendedAge, AgeSpan minimumAge, AgeSpan minInterval, boolean routine,
                                  LocalDate validFrom, LocalDate validTo, String legalBasis, String confidence,
                                  String notes) {
}
