package vn.hssk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The share of open commune health stations that use the system: a station counts when records of its commune were
 * completed within the period. Not available where there is no station.
 */
@ApplicationScoped
public class StationsUsingComputation implements IndicatorComputation {

    @Inject
    private ProgressRepository progress;

    @Override
    public String key() {
        return "STATIONS_USING";
    }

    @Override
    public Optional<BigDecimal> value(Indicator indicator, AdministrativeUnit unit, TargetPeriod period) {
        long[] stations = progress.stationsUsing(unit.getId(), period.window(false));
        if (stations[0] == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(stations[1] * 100.0 / stations[0]).setScale(2, RoundingMode.HALF_UP));
    }
}
