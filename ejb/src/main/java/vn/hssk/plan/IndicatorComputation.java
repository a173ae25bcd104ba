package vn.hssk.plan;

import java.math.BigDecimal;
import java.util.Optional;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The hook that computes an indicator's current value for a unit and period. Each implementation is an
 * application-scoped CDI bean (stateless: it counts in the caller's tenant and transaction) with its {@link #key()};
 * catalog rows name the key ({@code indicator.computation}). Another feature adds a measure (e.g. immunization's
 * VACCINATION_COVERAGE, with the antigen as the indicator's parameter) by adding one such bean; until one exists,
 * targets of that indicator show "not available".
 */
public interface IndicatorComputation {

    String key();

    /**
     * The value reached in {@code unit} (and everything below it) within {@code period}, up to now when the period
     * is still running; empty when it cannot be computed (e.g. no population is known).
     */
    Optional<BigDecimal> value(Indicator indicator, AdministrativeUnit unit, TargetPeriod period);

    /** The days a target covers, first and last included. */
    record TargetPeriod(java.time.LocalDate first, java.time.LocalDate last) {

        public ProgressRepository.Window window(boolean sinceEver) {
            java.time.LocalDate end = last.plusDays(1);
            java.time.Instant until = Period.startOf(end);
            java.time.Instant now = java.time.Instant.now();
            return new ProgressRepository.Window(sinceEver ? null : Period.startOf(first),
                    until.isAfter(now) ? now.plusMillis(1) : until);
        }
    }
}
