package vn.hssk.claims;

import java.time.LocalDateTime;

/**
 * One detail row of a claim as read from its table: a code and name (drug, service, supply, indicator, paper number),
 * an amount (quantity or measured value), a unit, further detail (strength, route and dosage; reference description
 * and conclusion; the paper's diagnosis or reason) and the time it refers to.
 */
public record ClaimLineData(ClaimLineKind kind, String table, String code, String name, String amount, String unit,
                            String detail, LocalDateTime at) {
}
