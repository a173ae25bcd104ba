package vn.hssk.plan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A target with its computed progress: the value reached now (or at the end of its period), and how far from the
 * baseline to the target value that is; {@code current} is null when the indicator cannot be computed yet.
 */
public record TargetProgress(long id, long indicatorId, String indicatorCode, String indicatorNameVi,
                             String indicatorNameEn, IndicatorUnit unitKind, long unitId, String unitCode,
                             String unitName, String unitLevel, Long planId, LocalDate periodFrom, LocalDate periodTo,
                             BigDecimal baseline, BigDecimal targetValue, String note, BigDecimal current,
                             Double achieved, int version) implements Serializable {
}
