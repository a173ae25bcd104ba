package vn.hssk.station.web;

import java.io.Serializable;
import vn.hssk.station.StationDetails;

/** The station form: a new main station or sub-site, or the corrections to an existing station. */
public class StationDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Integer version;
    private String name;
    private String facilityCode;
    private String commune;
    private Long parentId;
    private String formerCommune;
    private String address;
    private String phone;
    private String openingHours;

    static StationDraft of(StationRow row) {
        StationDraft d = new StationDraft();
        d.id = row.id();
        d.version = row.version();
        d.name = row.name();
        d.facilityCode = row.facilityCode();
        d.commune = row.communeCode();
        d.parentId = row.parentId();
        d.formerCommune = row.formerCommuneCode();
        d.address = row.address();
        d.phone = row.phone();
        d.openingHours = row.openingHours();
        return d;
    }

    StationDetails details() {
        return new StationDetails(name, facilityCode, address, phone, openingHours);
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public Integer getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFacilityCode() {
        return facilityCode;
    }

    public void setFacilityCode(String facilityCode) {
        this.facilityCode = facilityCode;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getFormerCommune() {
        return formerCommune;
    }

    public void setFormerCommune(String formerCommune) {
        this.formerCommune = formerCommune;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getOpeningHours() {
        return openingHours;
    }

    public void setOpeningHours(String openingHours) {
        this.openingHours = openingHours;
    }
}
