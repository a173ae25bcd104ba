package vn.hssk.immunization;

import java.time.LocalDate;

/**
 * A dose to record on a person: given here ({@code source} GIVEN, with station and lot) or entered from the past
 * (HISTORICAL, with an optional place). {@code overrideReason} is required when the schedule says too early or too
 * soon.
 */
public record DoseDetails(String vaccine, Integer doseNumber, LocalDate givenOn, DoseSource source, Long stationId,
                          Long lotId, InjectionSite site, String givenBy, String place, String overrideReason) {
}
