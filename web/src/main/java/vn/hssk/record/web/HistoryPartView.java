package vn.hssk.record.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.hssk.icd10.Icd10Service;
import vn.hssk.record.HistoryCatalogService;
import vn.hssk.record.HistoryCategory;
import vn.hssk.record.HistoryEntry;
import vn.hssk.record.HistoryEntryDetails;
import vn.hssk.record.HistoryItem;
import vn.hssk.record.HistoryService;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * Part B of the person open on the records screen ({@code personsView.person}): the history grouped by category as
 * the form groups it, family history apart; station staff add a line from the province's catalog (the inputs follow
 * what the item takes) and void a wrong line with a reason. Others read. The lines are loaded once per person opened.
 */
@Named
@ViewScoped
public class HistoryPartView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "parts:historyForm";
    private static final String FAMILY = "FAMILY";

    @Inject
    private PersonsView personsView;

    @Inject
    private HistoryService historyService;

    @Inject
    private HistoryCatalogService catalogService;

    @Inject
    private Icd10Service icd10Service;

    @Inject
    private SignedInUser signedIn;

    private Long loadedFor;
    private boolean showVoided;
    private List<Group> groups = List.of();
    private List<ItemOption> items;

    private HistoryCategory category;
    private Long itemId;
    private String status;
    private BigDecimal numberValue;
    private boolean quit;
    private String relative;
    private String icd10;
    private String description;
    private Integer sinceYear;
    private boolean adding;

    private Long voidingId;
    private String voidReason;

    /** One group of lines, as shown under its heading. */
    public record Group(String key, String label, List<Line> lines) implements Serializable {
        public String getLabel() {
            return label;
        }

        public List<Line> getLines() {
            return lines;
        }

        public String getKey() {
            return key;
        }
    }

    /** One line of part B, copied for the screen. */
    public record Line(long id, String item, String status, String value, boolean quit, String relative,
                       String icd10Code, String description, Integer sinceYear, boolean voided, String voidReason,
                       String createdBy, Instant createdAt) implements Serializable {
        public long getId() {
            return id;
        }

        public String getItem() {
            return item;
        }

        public String getStatus() {
            return status;
        }

        public String getValue() {
            return value;
        }

        public boolean isQuit() {
            return quit;
        }

        public String getRelative() {
            return relative;
        }

        public String getIcd10Code() {
            return icd10Code;
        }

        public String getDescription() {
            return description;
        }

        public Integer getSinceYear() {
            return sinceYear;
        }

        public boolean isVoided() {
            return voided;
        }

        public String getVoidReason() {
            return voidReason;
        }

        public String getCreatedBy() {
            return createdBy;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }
    }

    /** A catalog item as the add form needs it. */
    public record ItemOption(long id, HistoryCategory category, String label, List<String> statuses, String unit,
                             boolean quitApplies, boolean familyApplies, String icd10Code)
            implements Serializable {
        public long getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }
    }

    public List<Group> getGroups() {
        Long personId = personId();
        if (!Objects.equals(personId, loadedFor)) {
            loadedFor = personId;
            resetDraft();
            voidingId = null;
            load();
        }
        return groups;
    }

    public void reload() {
        load();
    }

    private void load() {
        if (loadedFor == null) {
            groups = List.of();
            return;
        }
        try {
            groups = group(historyService.entries(loadedFor, showVoided));
        } catch (RuntimeException e) {
            groups = List.of();
            ScreenMessages.failure(e, null);
        }
    }

    private static List<Group> group(List<HistoryEntry> entries) {
        Map<String, List<Line>> byKey = new LinkedHashMap<>();
        for (HistoryCategory c : HistoryCategory.values()) {
            byKey.put(c.name(), new ArrayList<>());
            if (c == HistoryCategory.DISEASE) {
                byKey.put(FAMILY, new ArrayList<>());
            }
        }
        for (HistoryEntry e : entries) {
            byKey.get(e.isFamily() ? FAMILY : e.getItem().getCategory().name()).add(line(e));
        }
        return byKey.entrySet().stream().filter(g -> !g.getValue().isEmpty())
                .map(g -> new Group(g.getKey(), PartTexts.text("category." + g.getKey(), g.getKey()),
                        List.copyOf(g.getValue())))
                .toList();
    }

    private static Line line(HistoryEntry e) {
        HistoryItem i = e.getItem();
        String value = e.getNumberValue() == null ? null
                : e.getNumberValue().stripTrailingZeros().toPlainString() + " " + i.getNumberUnit();
        return new Line(e.getId(), PartTexts.itemName(i.getName(), i.getNameEn()),
                e.getStatus() == null ? null : PartTexts.text("status." + e.getStatus(), e.getStatus()), value,
                e.isQuit(), e.getRelative(), e.getIcd10Code(), e.getDescription(), e.getSinceYear(), e.isVoided(),
                e.getVoidReason(), e.getCreatedBy(), e.getCreatedAt());
    }

    public void startAdding() {
        resetDraft();
        adding = true;
    }

    public void cancelAdding() {
        resetDraft();
    }

    public void categoryChanged() {
        itemId = null;
        itemChanged();
    }

    public void itemChanged() {
        status = null;
        numberValue = null;
        quit = false;
        relative = null;
        ItemOption item = getItem();
        icd10 = item == null || item.icd10Code() == null ? null : item.icd10Code();
    }

    public void add() {
        try {
            historyService.add(loadedFor, new HistoryEntryDetails(itemId, status, numberValue, quit, relative,
                    IcdOptions.code(icd10), description, sinceYear));
            PartTexts.info("history.added");
            resetDraft();
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, FORM);
        }
    }

    public void startVoid(long entryId) {
        voidingId = entryId;
        voidReason = null;
    }

    public void cancelVoid() {
        voidingId = null;
        voidReason = null;
    }

    public void confirmVoid() {
        try {
            historyService.voidEntry(loadedFor, voidingId, voidReason);
            PartTexts.info("history.voided");
            cancelVoid();
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, FORM);
        }
    }

    public List<String> completeIcd(String query) {
        return IcdOptions.complete(icd10Service, query);
    }

    private void resetDraft() {
        adding = false;
        category = null;
        itemId = null;
        status = null;
        numberValue = null;
        quit = false;
        relative = null;
        icd10 = null;
        description = null;
        sinceYear = null;
    }

    private Long personId() {
        PersonForm person = personsView.getPerson();
        return person == null || person.isNew() ? null : person.getId();
    }

    public boolean isMayEdit() {
        PersonForm person = personsView.getPerson();
        return signedIn.me().roles().contains(Roles.STATION_STAFF) && person != null && !person.isVoided();
    }

    public HistoryCategory[] getCategories() {
        return HistoryCategory.values();
    }

    public String categoryLabel(HistoryCategory c) {
        return c == null ? "" : PartTexts.text("category." + c.name(), c.name());
    }

    public String statusLabel(String code) {
        return PartTexts.text("status." + code, code);
    }

    /** The items of the chosen category, from the province's catalog (read once per view). */
    public List<ItemOption> getItems() {
        if (category == null) {
            return List.of();
        }
        if (items == null) {
            items = catalogService.items(null).stream().map(i -> new ItemOption(i.getId(), i.getCategory(),
                    PartTexts.itemName(i.getName(), i.getNameEn()), i.statusList(), i.getNumberUnit(),
                    i.isQuitApplies(), i.isFamilyApplies(), i.getIcd10Code())).toList();
        }
        return items.stream().filter(i -> i.category() == category).toList();
    }

    public ItemOption getItem() {
        return itemId == null ? null : getItems().stream().filter(i -> i.id() == itemId).findFirst().orElse(null);
    }

    public boolean isShowVoided() {
        return showVoided;
    }

    public void setShowVoided(boolean showVoided) {
        this.showVoided = showVoided;
    }

    public boolean isAdding() {
        return adding;
    }

    public HistoryCategory getCategory() {
        return category;
    }

    public void setCategory(HistoryCategory category) {
        this.category = category;
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public BigDecimal getNumberValue() {
        return numberValue;
    }

    public void setNumberValue(BigDecimal numberValue) {
        this.numberValue = numberValue;
    }

    public boolean isQuit() {
        return quit;
    }

    public void setQuit(boolean quit) {
        this.quit = quit;
    }

    public String getRelative() {
        return relative;
    }

    public void setRelative(String relative) {
        this.relative = relative;
    }

    public String getIcd10() {
        return icd10;
    }

    public void setIcd10(String icd10) {
        this.icd10 = icd10;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getSinceYear() {
        return sinceYear;
    }

    public void setSinceYear(Integer sinceYear) {
        this.sinceYear = sinceYear;
    }

    public Long getVoidingId() {
        return voidingId;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }
}
