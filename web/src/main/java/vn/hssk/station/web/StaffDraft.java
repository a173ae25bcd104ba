package vn.hssk.station.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.station.StaffDetails;
import vn.hssk.station.StaffPosition;

/** The staff form: a new staff member of the selected station, or the corrections to one. */
public class StaffDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Integer version;
    private String fullName;
    private StaffPosition position;
    private String licenceNumber;
    private String phone;
    private String username;
    private LocalDate startedOn;

    static StaffDraft of(StaffRow row) {
        StaffDraft d = new StaffDraft();
        d.id = row.id();
        d.version = row.version();
        d.fullName = row.fullName();
        d.position = row.position();
        d.licenceNumber = row.licenceNumber();
        d.phone = row.phone();
        d.username = row.username();
        d.startedOn = row.startedOn();
        return d;
    }

    StaffDetails details() {
        return new StaffDetails(fullName, position, licenceNumber, phone, username, startedOn);
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

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public StaffPosition getPosition() {
        return position;
    }

    public void setPosition(StaffPosition position) {
        this.position = position;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public void setLicenceNumber(String licenceNumber) {
        this.licenceNumber = licenceNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public void setStartedOn(LocalDate startedOn) {
        this.startedOn = startedOn;
    }
}
