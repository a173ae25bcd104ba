package vn.hssk.record.rest;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/persons/{id}/history}: the catalog item and what it asks for ({@code status} from
 * its list, {@code numberValue} in its unit, {@code quit} for a habit given up, {@code relative} for family history),
 * an optional more precise {@code icd10Code}, a {@code description} and the year it began.
 */
public record HistoryEntryRequest(Long itemId, String status, BigDecimal numberValue, Boolean quit, String relative,
                                  String icd10Code, String description, Integer sinceYear) {
}
