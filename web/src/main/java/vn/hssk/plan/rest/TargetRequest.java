package vn.hssk.plan.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target as sent: indicator, unit code, period, baseline and target value; version when revising. */
public record TargetRequest(Long indicatorId, String unitCode, Long planId, LocalDate periodFrom, LocalDate periodTo,
                            BigDecimal baseline, BigDecimal targetValue, String note, Integer version) {
}
