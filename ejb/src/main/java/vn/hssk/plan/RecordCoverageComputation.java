package vn.hssk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The share of the population with a created record: created records over the population (nhân khẩu) of the
 * villages' quotas for the last year of the period; not available while no population is recorded for that year.
 */
@ApplicationScoped
public class RecordCoverageComputation implements IndicatorComputation {

    @Inject
    private ProgressRepository progress;

    @Override
    public String key() {
        return "RECORD_COVERAGE";
    }

    @Override
    public Optional<BigDecimal> value(Indicator indicator, AdministrativeUnit unit, TargetPeriod period) {
        int year = Math.min(period.last().getYear(), Period.today().getYear());
        Long population = progress.populationBelow(unit.getId(), year);
        if (population == null || population == 0) {
            return Optional.empty();
        }
        long created = progress.createdBelow(unit.getId(), period.window(true));
        return Optional.of(BigDecimal.valueOf(created * 100.0 / population).setScale(2, RoundingMode.HALF_UP));
    }
}
