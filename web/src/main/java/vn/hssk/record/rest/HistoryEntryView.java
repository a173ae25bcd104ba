package vn.hssk.record.rest;

import java.math.BigDecimal;
import java.time.Instant;
import vn.hssk.record.HistoryEntry;
import vn.hssk.record.HistoryItem;

/** One line of part B with its item, who recorded it and, if voided, why. */
public record HistoryEntryView(long id, long personId, long itemId, String category, String itemCode,
                               String itemName, String status, BigDecimal numberValue, String numberUnit,
                               boolean quit, String relative, String icd10Code, String description,
                               Integer sinceYear, boolean voided, String voidReason, Instant voidedAt,
                               String voidedBy, Instant createdAt, String createdBy) {

    public static HistoryEntryView of(HistoryEntry e) {
        HistoryItem i = e.getItem();
        return new HistoryEntryView(e.getId(), e.getPersonId(), i.getId(), i.getCategory().name(), i.getCode(),
                i.getName(), e.getStatus(), e.getNumberValue(), i.getNumberUnit(), e.isQuit(), e.getRelative(),
                e.getIcd10Code(), e.getDescription(), e.getSinceYear(), e.isVoided(), e.getVoidReason(),
                e.getVoidedAt(), e.getVoidedBy(), e.getCreatedAt(), e.getCreatedBy());
    }
}
