package vn.hssk.household.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdDetails;

/**
 * The household being created or edited in the dialog: the fields the form binds, plus what the user saw of the
 * stored household (id, version, village, closing) so that the service can refuse a stale edit.
 */
public class HouseholdForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private int version;
    private String code;
    private Long villageId;
    private String villageName;
    private String address;
    private String headName;
    private String phone;
    private String notes;
    private LocalDate closedOn;
    private String closeReason;

    static HouseholdForm of(Household h) {
        HouseholdForm form = new HouseholdForm();
        form.id = h.getId();
        form.version = h.getVersion();
        form.code = h.getCode();
        form.villageId = h.getVillage().getId();
        form.villageName = h.getVillage().getName() + " – " + h.getCommune().getName();
        form.address = h.getAddress();
        form.headName = h.getHeadName();
        form.phone = h.getPhone();
        form.notes = h.getNotes();
        form.closedOn = h.getClosedOn();
        form.closeReason = h.getCloseReason();
        return form;
    }

    HouseholdDetails details() {
        return new HouseholdDetails(code, villageId, address, headName, phone, notes);
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getVillageName() {
        return villageName;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public String getHeadName() {
        return headName;
    }

    public void setHeadName(String headName) {
        this.headName = headName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
