package vn.hssk.plan;

import java.io.Serializable;
import java.util.List;

/**
 * A unit's progress in a period: population and quota of the period's year (summed over its villages), records
 * created up to the end of the period, records created within it, the share of the quota reached, and its child
 * units (communes of a province, villages of a commune) with the same figures; for a unit that ended during the
 * period (merged, split), the code of the unit that continues it.
 */
public record UnitProgress(long unitId, String code, String name, String level, long population, long quota,
                           long created, long createdInPeriod, Double percent, List<UnitProgress> children,
                           String continuedBy)
        implements Serializable {

    static Double percent(long created, long quota) {
        return quota <= 0 ? null : Math.round(created * 1000.0 / quota) / 10.0;
    }
}
