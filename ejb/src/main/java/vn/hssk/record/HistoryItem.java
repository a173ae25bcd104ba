package vn.hssk.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;

/**
 * One item of the part-B catalog (an allergy type, a disease group, a habit, a birth fact...). The item, not code,
 * says what an entry of it takes: a status from its list, a number in its unit and range, a quit flag, a relative
 * (family history), a text; and whether a person has at most one current entry of it. The lists of the 831 form are
 * seeded (V22); a province adds items as data.
 */
@Entity
@Table(name = "history_item")
public class HistoryItem extends Audited {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final Pattern STATUS = Pattern.compile("[A-Z0-9_]{1,30}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private HistoryCategory category;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Column(name = "icd10_code", length = 10)
    private String icd10Code;

    @Column(length = 300)
    private String statuses;

    @Column(name = "number_unit", length = 20)
    private String numberUnit;

    @Column(name = "number_min", precision = 10, scale = 2)
    private BigDecimal numberMin;

    @Column(name = "number_max", precision = 10, scale = 2)
    private BigDecimal numberMax;

    @Column(name = "number_required", nullable = false)
    private boolean numberRequired;

    @Column(name = "quit_applies", nullable = false)
    private boolean quitApplies;

    @Column(name = "text_required", nullable = false)
    private boolean textRequired;

    @Column(name = "single_entry", nullable = false)
    private boolean singleEntry;

    @Column(name = "family_applies", nullable = false)
    private boolean familyApplies;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected HistoryItem() {
    }

    /** A new item; {@code icd10Code} was checked by the service to be in the province's catalog. */
    public HistoryItem(HistoryItemDetails d, String actor) {
        FieldCheck fields = new FieldCheck();
        HistoryCategory cat = fields.required("category", d.category(), "Category");
        String c = d.code() == null ? null : d.code().strip().toUpperCase(Locale.ROOT);
        if (c == null || c.isEmpty()) {
            fields.fail("code", "required", "Code is required", "code");
        } else if (!CODE.matcher(c).matches()) {
            fields.fail("code", "historyItem.code", "Code is 1 to 40 capital letters, digits or _");
        }
        String n = fields.text("name", d.name(), 200, true, "Name");
        String en = fields.text("nameEn", d.nameEn(), 200, false, "English name");
        String list = null;
        if (d.statuses() != null && !d.statuses().isEmpty()) {
            List<String> cleaned = d.statuses().stream().map(s -> s == null ? "" : s.strip().toUpperCase(Locale.ROOT))
                    .toList();
            if (cleaned.stream().anyMatch(s -> !STATUS.matcher(s).matches())) {
                fields.fail("statuses", "historyItem.status",
                        "Each status is 1 to 30 capital letters, digits or _");
            } else if (cleaned.stream().distinct().count() != cleaned.size()) {
                fields.fail("statuses", "historyItem.statusTwice", "A status is listed twice");
            }
            list = String.join(",", cleaned);
            if (list.length() > 300) {
                fields.fail("statuses", "historyItem.statusesLength",
                        "The statuses are at most 300 characters together");
            }
        }
        String unit = fields.text("numberUnit", d.numberUnit(), 20, false, "Unit");
        if (unit == null && (d.numberRequired() || d.numberMin() != null || d.numberMax() != null)) {
            fields.fail("numberUnit", "historyItem.unit", "An item that takes a number needs its unit");
        }
        if (d.numberMin() != null && d.numberMax() != null && d.numberMin().compareTo(d.numberMax()) > 0) {
            fields.fail("numberMax", "historyItem.maxBelowMin", "The maximum is below the minimum");
        }
        fields.throwIfAny();
        this.category = cat;
        this.code = c;
        this.name = n;
        this.nameEn = en;
        this.icd10Code = d.icd10Code();
        this.statuses = list;
        this.numberUnit = unit;
        this.numberMin = d.numberMin();
        this.numberMax = d.numberMax();
        this.numberRequired = d.numberRequired();
        this.quitApplies = d.quitApplies();
        this.textRequired = d.textRequired();
        this.singleEntry = d.singleEntry();
        this.familyApplies = d.familyApplies();
        this.sortOrder = d.sortOrder() == null ? 1000 : d.sortOrder();
        recordCreation(actor);
    }

    /** The statuses an entry chooses from, empty when the item takes none. */
    public List<String> statusList() {
        return statuses == null ? List.of() : Arrays.asList(statuses.split(","));
    }

    public boolean takesNumber() {
        return numberUnit != null;
    }

    public Long getId() {
        return id;
    }

    public HistoryCategory getCategory() {
        return category;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getIcd10Code() {
        return icd10Code;
    }

    public String getNumberUnit() {
        return numberUnit;
    }

    public BigDecimal getNumberMin() {
        return numberMin;
    }

    public BigDecimal getNumberMax() {
        return numberMax;
    }

    public boolean isNumberRequired() {
        return numberRequired;
    }

    public boolean isQuitApplies() {
        return quitApplies;
    }

    public boolean isTextRequired() {
        return textRequired;
    }

    public boolean isSingleEntry() {
        return singleEntry;
    }

    public boolean isFamilyApplies() {
        return familyApplies;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
