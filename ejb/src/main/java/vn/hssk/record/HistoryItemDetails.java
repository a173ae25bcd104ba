package vn.hssk.record;

import java.math.BigDecimal;
import java.util.List;

/** What a province administrator fills to add an item to the part-B catalog. */
public record HistoryItemDetails(HistoryCategory category, String code, String name, String nameEn, String icd10Code,
                                 List<String> statuses, String numberUnit, BigDecimal numberMin,
                                 BigDecimal numberMax, boolean numberRequired, boolean quitApplies,
                                 boolean textRequired, boolean singleEntry, boolean familyApplies, Integer sortOrder) {
}
