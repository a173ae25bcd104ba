package vn.hssk.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What is typed for a target: the indicator, the unit (by code), the period and the two values. */
public record TargetDetails(Long indicatorId, String unitCode, Long planId, LocalDate periodFrom, LocalDate periodTo,
                            BigDecimal baseline, BigDecimal targetValue, String note) {
}
