package vn.hssk.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * One resident's identity, part A of the 831 record. It is named {@code Person}, not {@code HealthRecord}, because it
 * is the identity that parts B (history), C (immunizations) and D (visits) will hang on, and because the national
 * platform counts people from the table {@code person}; a {@code HealthRecord} view will assemble the four parts.
 * <p>
 * The personal ID is the key (unique in the schema). A newborn without one gets a generated provisional key and
 * receives the ID later through {@link #identify}, keeping the key and everything recorded meanwhile. A person is
 * voided with a reason, never deleted, and a voided record accepts no further change.
 */
@Entity
@Table(name = "person")
public class Person extends Audited implements Serializable {

    /** A record without a personal ID is only for a child not yet through birth registration. */
    static final int PROVISIONAL_MAX_AGE_YEARS = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "full_name_folded", nullable = false, length = 200)
    private String fullNameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    private Sex sex;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "personal_id", length = 12)
    private String personalId;

    @Column(name = "provisional_key", length = 40)
    private String provisionalKey;

    @Column(name = "bhyt_number", length = 10)
    private String bhytNumber;

    @Column(length = 100)
    private String ethnicity;

    @Column(length = 100)
    private String religion;

    @Column(length = 200)
    private String occupation;

    @Column(length = 20)
    private String phone;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "village_id", nullable = false)
    private AdministrativeUnit village;

    @Column(length = 300)
    private String address;

    @Column(name = "household_id")
    private Long householdId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_to_head", length = 20)
    private MemberRelation relationToHead;

    @Enumerated(EnumType.STRING)
    @Column(name = "blood_abo", length = 2)
    private AboGroup bloodAbo;

    @Enumerated(EnumType.STRING)
    @Column(name = "blood_rh", length = 8)
    private RhFactor bloodRh;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by", length = 100)
    private String voidedBy;

    /** Computed by the database (V10): the last word of the folded name, where name search starts. */
    @Column(name = "given_name_folded", insertable = false, updatable = false)
    private String givenNameFolded;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    /** Computed by the database (V8__created_record.sql): the one definition of a created record. */
    @Column(name = "record_created", insertable = false, updatable = false)
    private Boolean recordCreated;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Person() {
    }

    /**
     * A new person in {@code village}, a current village the service found within the caller's scope; the household,
     * when given, was checked by the service to be an open household of that village.
     */
    public Person(PersonDetails details, AdministrativeUnit village, String actor) {
        apply(details, village, true);
        if (personalId == null) {
            provisionalKey = "TT-" + UUID.randomUUID();
        }
        recordCreation(actor);
    }

    /** Corrects part A; the provisional key stays, and an ID once given cannot be taken away. */
    public void correct(PersonDetails details, AdministrativeUnit inVillage, String actor) {
        requireNotVoided();
        apply(details, inVillage, false);
        recordChange(actor);
    }

    /** Gives a provisional record its personal ID; the record, its key and all it holds stay as they are. */
    public void identify(String newPersonalId, String actor) {
        requireNotVoided();
        if (personalId != null) {
            throw ProblemException.conflict(FieldError.coded("personalId", "personalId.alreadySet",
                    "This person already has the personal ID " + personalId, personalId));
        }
        RecordFields fields = new RecordFields();
        String pid = newPersonalId == null ? null : newPersonalId.strip();
        if (pid == null || pid.isEmpty()) {
            fields.fail("personalId", "required", "Personal ID is required", "personalId");
        } else {
            fields.addAll(PersonalIdRules.errors("personalId", pid, sex, birthDate));
        }
        fields.throwIfAny();
        this.personalId = pid;
        recordChange(actor);
    }

    public void voidRecord(String reason, String actor) {
        requireNotVoided();
        RecordFields fields = new RecordFields();
        String why = fields.text("reason", reason, 500, true, "Reason");
        fields.throwIfAny();
        this.voided = true;
        this.voidReason = why;
        this.voidedAt = Instant.now();
        this.voidedBy = actor;
        recordChange(actor);
    }

    /**
     * This record was found to be a second record of {@code survivor}'s resident: it is voided, points at the survivor,
     * and releases its personal ID (the same ID is one person); its part A as it was is kept by the merge for undo.
     */
    void mergeInto(Person survivor, String actor) {
        requireNotVoided();
        if (survivor.getId().equals(id)) {
            throw ProblemException.invalid(FieldError.coded("mergedId", "merge.self",
                    "A record cannot be merged into itself"));
        }
        this.voided = true;
        this.voidReason = "Merged into record " + survivor.getId();
        this.voidedAt = Instant.now();
        this.voidedBy = actor;
        this.mergedIntoId = survivor.getId();
        this.personalId = null;
        this.provisionalKey = "M-" + UUID.randomUUID();
        recordChange(actor);
    }

    /**
     * Puts back part A as a merge found it ({@link #snapshot()} taken then), for the undo of that merge; the values
     * were valid when taken, and the merged record becomes a live record again.
     */
    void restore(Map<String, String> was, AdministrativeUnit wasVillage, String actor) {
        this.fullName = was.get("fullName");
        this.fullNameFolded = TextFolding.fold(fullName);
        this.sex = Sex.valueOf(was.get("sex"));
        this.birthDate = LocalDate.parse(was.get("birthDate"));
        this.personalId = was.get("personalId");
        this.provisionalKey = was.get("provisionalKey");
        this.bhytNumber = was.get("bhytNumber");
        this.ethnicity = was.get("ethnicity");
        this.religion = was.get("religion");
        this.occupation = was.get("occupation");
        this.phone = was.get("phone");
        this.village = wasVillage;
        this.address = was.get("address");
        this.householdId = was.get("householdId") == null ? null : Long.valueOf(was.get("householdId"));
        this.relationToHead = was.get("relationToHead") == null ? null
                : MemberRelation.valueOf(was.get("relationToHead"));
        this.bloodAbo = was.get("bloodAbo") == null ? null : AboGroup.valueOf(was.get("bloodAbo"));
        this.bloodRh = was.get("bloodRh") == null ? null : RhFactor.valueOf(was.get("bloodRh"));
        this.voided = Boolean.parseBoolean(was.get("voided"));
        this.voidReason = was.get("voidReason");
        if (!voided) {
            this.voidedAt = null;
            this.voidedBy = null;
        }
        this.mergedIntoId = null;
        recordChange(actor);
    }

    /** Part A as it stands, to start a correction or a merge from. */
    public PersonDetails details() {
        return new PersonDetails(fullName, sex, birthDate, personalId, bhytNumber, ethnicity, religion, occupation,
                phone, village == null ? null : village.getId(), address, householdId, relationToHead, bloodAbo,
                bloodRh);
    }

    private void requireNotVoided() {
        if (voided) {
            throw ProblemException.conflict(FieldError.coded("voided", "record.voided",
                    "This record was voided: " + voidReason, voidReason));
        }
    }

    private void apply(PersonDetails d, AdministrativeUnit inVillage, boolean isNew) {
        RecordFields fields = new RecordFields();
        String name = fields.text("fullName", TextFolding.normalize(d.fullName()), 200, true, "Full name");
        Sex s = fields.required("sex", d.sex(), "Sex");
        LocalDate born = fields.pastOrToday("birthDate", d.birthDate(), "Date of birth");
        String pid = d.personalId() == null || d.personalId().isBlank() ? null : d.personalId().strip();
        if (pid != null) {
            fields.addAll(PersonalIdRules.errors("personalId", pid, s, born));
        } else if (!isNew && personalId != null) {
            fields.fail("personalId", "personalId.removed",
                    "A personal ID cannot be removed; void the record if it is wrong");
        } else if (born != null && born.isBefore(RecordFields.today().minusYears(PROVISIONAL_MAX_AGE_YEARS))) {
            fields.fail("personalId", "personalId.provisionalAge", "Personal ID is required; only a newborn under "
                    + PROVISIONAL_MAX_AGE_YEARS + " year may have a provisional record", PROVISIONAL_MAX_AGE_YEARS);
        }
        String bhyt = fields.bhyt("bhytNumber", d.bhytNumber());
        String eth = fields.text("ethnicity", d.ethnicity(), 100, false, "Ethnicity");
        String rel = fields.text("religion", d.religion(), 100, false, "Religion");
        String occ = fields.text("occupation", d.occupation(), 200, false, "Occupation");
        String tel = fields.phone("phone", d.phone());
        String addr = fields.text("address", d.address(), 300, false, "Address");
        if (inVillage == null || inVillage.getLevel() != UnitLevel.VILLAGE) {
            fields.fail("villageId", "chooseVillage", "Choose a village");
        }
        if (d.householdId() != null && d.relationToHead() == null) {
            fields.fail("relationToHead", "relationWithHousehold",
                    "Relation to the head of the household is required with a household");
        }
        if (d.householdId() == null && d.relationToHead() != null) {
            fields.fail("householdId", "householdForRelation", "Choose the household the relation refers to");
        }
        fields.throwIfAny();
        this.fullName = name;
        this.fullNameFolded = TextFolding.fold(name);
        this.sex = s;
        this.birthDate = born;
        if (pid != null) {
            this.personalId = pid;
        }
        this.bhytNumber = bhyt;
        this.ethnicity = eth;
        this.religion = rel;
        this.occupation = occ;
        this.phone = tel;
        this.village = inVillage;
        this.address = addr;
        this.householdId = d.householdId();
        this.relationToHead = d.relationToHead();
        this.bloodAbo = d.bloodAbo();
        this.bloodRh = d.bloodRh();
    }

    /**
     * Whether this record meets the definition of a created record (see {@code created_record} in the tenant schema):
     * not voided, a personal ID, and part A complete including ethnicity. Kept in step with the database's computed
     * column; the first time it holds, the moment is kept as {@code completedAt}.
     */
    public boolean meetsCreatedDefinition() {
        return !voided && personalId != null && ethnicity != null && !ethnicity.isBlank();
    }

    @PrePersist
    @PreUpdate
    void markCompleted() {
        if (completedAt == null && meetsCreatedDefinition()) {
            completedAt = Instant.now();
        }
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    /** The values the audit trail compares before and after a change, by the API's field names. */
    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fullName", fullName);
        m.put("sex", str(sex));
        m.put("birthDate", str(birthDate));
        m.put("personalId", personalId);
        m.put("provisionalKey", provisionalKey);
        m.put("bhytNumber", bhytNumber);
        m.put("ethnicity", ethnicity);
        m.put("religion", religion);
        m.put("occupation", occupation);
        m.put("phone", phone);
        m.put("villageId", village == null ? null : String.valueOf(village.getId()));
        m.put("address", address);
        m.put("householdId", str(householdId));
        m.put("relationToHead", str(relationToHead));
        m.put("bloodAbo", str(bloodAbo));
        m.put("bloodRh", str(bloodRh));
        m.put("voided", String.valueOf(voided));
        m.put("voidReason", voidReason);
        return m;
    }

    private static String str(Object o) {
        return Objects.toString(o, null);
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public Sex getSex() {
        return sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** The full name folded for search and duplicate keys ({@link TextFolding#fold}). */
    public String getFullNameFolded() {
        return fullNameFolded;
    }

    public String getPersonalId() {
        return personalId;
    }

    public String getProvisionalKey() {
        return provisionalKey;
    }

    public boolean isProvisional() {
        return personalId == null;
    }

    public String getBhytNumber() {
        return bhytNumber;
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public String getReligion() {
        return religion;
    }

    public String getOccupation() {
        return occupation;
    }

    public String getPhone() {
        return phone;
    }

    public AdministrativeUnit getVillage() {
        return village;
    }

    /** The commune of the person's village, which decides who may see the record. */
    public AdministrativeUnit getCommune() {
        return village.getParent();
    }

    public String getAddress() {
        return address;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public MemberRelation getRelationToHead() {
        return relationToHead;
    }

    public AboGroup getBloodAbo() {
        return bloodAbo;
    }

    public RhFactor getBloodRh() {
        return bloodRh;
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
