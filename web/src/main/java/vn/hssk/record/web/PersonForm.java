package vn.hssk.record.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.record.AboGroup;
import vn.hssk.record.Person;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.RhFactor;

/**
 * The person being registered or corrected in the dialog: the part A fields the form binds, plus what the user saw of
 * the stored person (id, version, provisional key, voiding) so that the service can refuse a stale edit. The
 * household is chosen among those of the person's village, with the relation to its head.
 */
public class PersonForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private int version;
    private String provisionalKey;
    private boolean voided;
    private boolean recordCreated;
    private String voidReason;
    private String villageName;
    private Long householdId;
    private MemberRelation relationToHead;

    private String fullName;
    private Sex sex;
    private LocalDate birthDate;
    private String personalId;
    private String bhytNumber;
    private String ethnicity;
    private String religion;
    private String occupation;
    private String phone;
    private Long villageId;
    private String address;
    private AboGroup bloodAbo;
    private RhFactor bloodRh;

    static PersonForm of(Person p) {
        PersonForm form = new PersonForm();
        form.id = p.getId();
        form.version = p.getVersion();
        form.provisionalKey = p.getProvisionalKey();
        form.voided = p.isVoided();
        form.recordCreated = p.meetsCreatedDefinition();
        form.voidReason = p.getVoidReason();
        form.villageName = p.getVillage().getName() + " – " + p.getCommune().getName();
        form.householdId = p.getHouseholdId();
        form.relationToHead = p.getRelationToHead();
        form.fullName = p.getFullName();
        form.sex = p.getSex();
        form.birthDate = p.getBirthDate();
        form.personalId = p.getPersonalId();
        form.bhytNumber = p.getBhytNumber();
        form.ethnicity = p.getEthnicity();
        form.religion = p.getReligion();
        form.occupation = p.getOccupation();
        form.phone = p.getPhone();
        form.villageId = p.getVillage().getId();
        form.address = p.getAddress();
        form.bloodAbo = p.getBloodAbo();
        form.bloodRh = p.getBloodRh();
        return form;
    }

    PersonDetails details() {
        return new PersonDetails(fullName, sex, birthDate, personalId, bhytNumber, ethnicity, religion, occupation,
                phone, villageId, address, householdId, relationToHead, bloodAbo, bloodRh);
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isProvisional() {
        return !isNew() && provisionalKey != null && (personalId == null || personalId.isBlank());
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getProvisionalKey() {
        return provisionalKey;
    }

    /** Whether the record counts as created for quotas (the definition of the created_record view). */
    public boolean isRecordCreated() {
        return recordCreated;
    }

    public boolean isVoided() {
        return voided;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public String getVillageName() {
        return villageName;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long householdId) {
        this.householdId = householdId;
    }

    public MemberRelation getRelationToHead() {
        return relationToHead;
    }

    public void setRelationToHead(MemberRelation relationToHead) {
        this.relationToHead = relationToHead;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getPersonalId() {
        return personalId;
    }

    public void setPersonalId(String personalId) {
        this.personalId = personalId;
    }

    public String getBhytNumber() {
        return bhytNumber;
    }

    public void setBhytNumber(String bhytNumber) {
        this.bhytNumber = bhytNumber;
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public void setEthnicity(String ethnicity) {
        this.ethnicity = ethnicity;
    }

    public String getReligion() {
        return religion;
    }

    public void setReligion(String religion) {
        this.religion = religion;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String occupation) {
        this.occupation = occupation;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public AboGroup getBloodAbo() {
        return bloodAbo;
    }

    public void setBloodAbo(AboGroup bloodAbo) {
        this.bloodAbo = bloodAbo;
    }

    public RhFactor getBloodRh() {
        return bloodRh;
    }

    public void setBloodRh(RhFactor bloodRh) {
        this.bloodRh = bloodRh;
    }
}
