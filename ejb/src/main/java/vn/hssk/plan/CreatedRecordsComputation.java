package vn.hssk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import vn.hssk.unit.AdministrativeUnit;

/** People with a created record in the unit at the end of the period (or now): indicator CREATED_RECORDS. */
@ApplicationScoped
public class CreatedRecordsComputation implements IndicatorComputation {

    @Inject
    private ProgressRepository progress;

    @Override
    public String key() {
        return "CREATED_RECORDS";
    }

    @Override
    public Optional<BigDecimal> value(Indicator indicator, AdministrativeUnit unit, TargetPeriod period) {
        return Optional.of(BigDecimal.valueOf(progress.createdBelow(unit.getId(), period.window(true))));
    }
}
