package vn.hssk.immunization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.hssk.plan.Indicator;
import vn.hssk.plan.IndicatorComputation;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantDataSources;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * Vaccination coverage as a target of the plans: the indicator's parameter names the antigen (e.g. {@code MEASLES},
 * or {@code FULLY_IMMUNIZED}), and the value is the coverage figure of the immunization feature for the unit (as
 * {@code /api/coverage} computes it), summed over the cohorts turning one in the months of the period (at most its
 * last 24): the children vaccinated by their first birthday over the children of those cohorts, so far. Not available
 * while no cohort has a child.
 */
@ApplicationScoped
public class VaccinationCoverageComputation implements IndicatorComputation {

    @Inject
    private ScheduleLoader loader;

    @Override
    public String key() {
        return "VACCINATION_COVERAGE";
    }

    @Override
    public Optional<BigDecimal> value(Indicator indicator, AdministrativeUnit unit, TargetPeriod period) {
        if (unit.getLevel() == UnitLevel.DISTRICT || indicator.getParameter() == null) {
            return Optional.empty();
        }
        YearMonth to = YearMonth.from(period.last());
        YearMonth from = YearMonth.from(period.first());
        if (from.isBefore(to.minusMonths(CoverageService.MAX_MONTHS - 1L))) {
            from = to.minusMonths(CoverageService.MAX_MONTHS - 1L);
        }
        if (to.isBefore(from)) {
            return Optional.empty();
        }
        loader.ensureLoaded();
        TenantEntry tenant = TenantContext.current().orElseThrow();
        List<CoverageRow> rows;
        try (Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection()) {
            rows = CoverageService.rows(c, tenant.schema(), unit.getLevel(), unit.getId(), from, to, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Coverage cannot be read", e);
        }
        String antigen = indicator.getParameter().strip().toUpperCase(Locale.ROOT);
        String matched = rows.stream().map(CoverageRow::indicator).filter(i -> matches(i, antigen)).sorted()
                .findFirst().orElse(null);
        if (matched == null) {
            return Optional.empty();
        }
        int cohort = 0;
        int vaccinated = 0;
        for (CoverageRow row : rows) {
            if (row.indicator().equals(matched) && row.level().equals(unit.getLevel().name())
                    && row.unitCode().equals(unit.getCode())) {
                cohort += row.cohort();
                vaccinated += row.vaccinated();
            }
        }
        return cohort == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(vaccinated * 100.0 / cohort).setScale(2, RoundingMode.HALF_UP));
    }

    /** An indicator of the antigen: itself ({@code FULLY_IMMUNIZED}) or a dose of a vaccine named after it. */
    private static boolean matches(String coverageIndicator, String antigen) {
        String upper = coverageIndicator.toUpperCase(Locale.ROOT);
        return upper.equals(antigen) || upper.startsWith(antigen + "-") || upper.startsWith(antigen + "#");
    }
}
