package vn.hssk.record;

import java.math.BigDecimal;

/**
 * What station staff record for one part-B item: a status from the item's list, a number in its unit, whether the
 * habit was given up, the relative (for family history), a more precise ICD-10 code, a description and the year it
 * began.
 */
public record HistoryEntryDetails(Long itemId, String status, BigDecimal numberValue, boolean quit, String relative,
                                  String icd10Code, String description, Integer sinceYear) {
}
