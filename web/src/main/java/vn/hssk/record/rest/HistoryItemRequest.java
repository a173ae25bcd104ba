package vn.hssk.record.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/history-items}: a part-B item the province adds. {@code statuses} are codes (e.g.
 * {@code NO, YES, REGULAR}); {@code numberUnit} with {@code numberMin}/{@code numberMax} makes it take a number.
 */
public record HistoryItemRequest(String category, String code, String name, String nameEn, String icd10Code,
                                 List<String> statuses, String numberUnit, BigDecimal numberMin,
                                 BigDecimal numberMax, Boolean numberRequired, Boolean quitApplies,
                                 Boolean textRequired, Boolean singleEntry, Boolean familyApplies,
                                 Integer sortOrder) {
}
