package vn.hssk.record.rest;

import java.math.BigDecimal;
import java.util.List;
import vn.hssk.record.HistoryItem;

/** A part-B catalog item and what its entries take. */
public record HistoryItemView(long id, String category, String code, String name, String nameEn, String icd10Code,
                              List<String> statuses, String numberUnit, BigDecimal numberMin, BigDecimal numberMax,
                              boolean numberRequired, boolean quitApplies, boolean textRequired,
                              boolean singleEntry, boolean familyApplies, int sortOrder) {

    public static HistoryItemView of(HistoryItem i) {
        return new HistoryItemView(i.getId(), i.getCategory().name(), i.getCode(), i.getName(), i.getNameEn(),
                i.getIcd10Code(), i.statusList(), i.getNumberUnit(), i.getNumberMin(), i.getNumberMax(),
                i.isNumberRequired(), i.isQuitApplies(), i.isTextRequired(), i.isSingleEntry(), i.isFamilyApplies(),
                i.getSortOrder());
    }
}
