package vn.hssk.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.hssk.household.Sex;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * One line of a person's part B (history and risk factors): an item of the catalog with what the item asks for. A
 * line is never edited: a wrong one is voided with a reason and recorded again, so the record shows what was known
 * when. The checks follow the item (its statuses, unit and range, quit flag, family use, required text) and the
 * person (reproductive history for women; a start year between birth and now).
 */
@Entity
@Table(name = "history_entry")
public class HistoryEntry extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id", nullable = false)
    private HistoryItem item;

    @Column(length = 30)
    private String status;

    @Column(name = "number_value", precision = 10, scale = 2)
    private BigDecimal numberValue;

    @Column(nullable = false)
    private boolean quit;

    @Column(length = 100)
    private String relative;

    @Column(name = "icd10_code", length = 10)
    private String icd10Code;

    @Column(length = 1000)
    private String description;

    @Column(name = "since_year")
    private Integer sinceYear;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by", length = 100)
    private String voidedBy;

    protected HistoryEntry() {
    }

    /**
     * A new line for {@code person} (reached by the caller, not voided); {@code item} is null when the request named
     * no known item, and {@code icd10Code} was checked by the service to be in the catalog.
     */
    public HistoryEntry(Person person, HistoryItem item, HistoryEntryDetails d, String icd10Code, String actor) {
        FieldCheck fields = new FieldCheck();
        if (item == null) {
            fields.fail("itemId", "history.chooseItem", "Choose an item of the catalog");
            fields.throwIfAny();
        }
        if (item.getCategory() == HistoryCategory.REPRODUCTIVE && person.getSex() != Sex.FEMALE) {
            fields.fail("itemId", "history.womenOnly", "Reproductive history is recorded for women");
        }
        String s = d.status() == null || d.status().isBlank() ? null : d.status().strip().toUpperCase(java.util.Locale.ROOT);
        if (item.statusList().isEmpty()) {
            if (s != null) {
                fields.fail("status", "history.noStatus", "This item takes no status");
            }
        } else if (s == null) {
            fields.fail("status", "history.statusRequired", "Status is required: one of " + item.statusList(),
                    item.statusList());
        } else if (!item.statusList().contains(s)) {
            fields.fail("status", "history.status", "Status is one of " + item.statusList(), item.statusList());
        }
        BigDecimal n = d.numberValue();
        if (!item.takesNumber()) {
            if (n != null) {
                fields.fail("numberValue", "history.noNumber", "This item takes no number");
            }
        } else if (n == null) {
            if (item.isNumberRequired()) {
                fields.fail("numberValue", "history.numberRequired", "The value in " + item.getNumberUnit()
                        + " is required", item.getNumberUnit());
            }
        } else if (item.getNumberMin() != null && n.compareTo(item.getNumberMin()) < 0
                || item.getNumberMax() != null && n.compareTo(item.getNumberMax()) > 0) {
            fields.fail("numberValue", "history.numberRange", "The value must be between "
                    + plain(item.getNumberMin()) + " and " + plain(item.getNumberMax()) + " " + item.getNumberUnit(),
                    plain(item.getNumberMin()), plain(item.getNumberMax()), item.getNumberUnit());
        } else if (n.scale() > 2 && n.stripTrailingZeros().scale() > 2) {
            fields.fail("numberValue", "history.decimals", "At most two decimals");
        }
        if (d.quit() && !item.isQuitApplies()) {
            fields.fail("quit", "history.quit", "Only a habit can be given up");
        }
        String rel = fields.text("relative", d.relative(), 100, false, "Relative");
        if (rel != null && !item.isFamilyApplies()) {
            fields.fail("relative", "history.familyOnly",
                    "Family history is recorded for allergies and diseases only");
        }
        String text = fields.text("description", d.description(), 1000, item.isTextRequired(), "Description");
        Integer since = d.sinceYear();
        if (since != null) {
            int earliest = rel == null ? person.getBirthDate().getYear() : 1900;
            if (since < earliest || since > FieldCheck.today().getYear()) {
                fields.fail("sinceYear", "history.sinceYear", "The year must lie between " + earliest
                        + " and this year", earliest);
            }
        }
        fields.throwIfAny();
        this.personId = person.getId();
        this.item = item;
        this.status = s;
        this.numberValue = n;
        this.quit = d.quit();
        this.relative = rel;
        this.icd10Code = icd10Code;
        this.description = text;
        this.sinceYear = since;
        recordCreation(actor);
    }

    public void voidEntry(String reason, String actor) {
        if (voided) {
            throw ProblemException.conflict(FieldError.coded("voided", "history.voided",
                    "This entry was already voided: " + voidReason, voidReason));
        }
        FieldCheck fields = new FieldCheck();
        String why = fields.text("reason", reason, 500, true, "Reason");
        fields.throwIfAny();
        this.voided = true;
        this.voidReason = why;
        this.voidedAt = Instant.now();
        this.voidedBy = actor;
        recordChange(actor);
    }

    /** Whether this line is family history (it names the relative affected) rather than the person's own. */
    public boolean isFamily() {
        return relative != null;
    }

    /** The values the audit trail records, by the API's field names. */
    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("entryId", str(id));
        m.put("item", item.getCategory() + "/" + item.getCode());
        m.put("status", status);
        m.put("numberValue", numberValue == null ? null : numberValue.toPlainString());
        m.put("quit", String.valueOf(quit));
        m.put("relative", relative);
        m.put("icd10Code", icd10Code);
        m.put("description", description);
        m.put("sinceYear", str(sinceYear));
        m.put("voided", String.valueOf(voided));
        m.put("voidReason", voidReason);
        return m;
    }

    private static String plain(BigDecimal b) {
        return b == null ? "…" : b.stripTrailingZeros().toPlainString();
    }

    private static String str(Object o) {
        return Objects.toString(o, null);
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public HistoryItem getItem() {
        return item;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getNumberValue() {
        return numberValue;
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

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public String getVoidedBy() {
        return voidedBy;
    }
}
