package vn.hssk.plan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One province's totals for the national administrator: records created, the year's quotas and population, and its
 * province-level targets with the value reached. Counts only; nothing personal leaves the province's schema.
 */
public record NationalProgress(String tenantCode, String tenantName, String status, Long created, Long quota,
                               Long population, Double percentOfQuota, List<Goal> targets) implements Serializable {

    /** A province-level target and the value reached (null when it cannot be computed at national level). */
    public record Goal(String indicatorCode, String indicatorNameVi, String indicatorNameEn, String unitKind,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal baseline, BigDecimal targetValue,
                       BigDecimal current, Double achieved) implements Serializable {
    }
}
