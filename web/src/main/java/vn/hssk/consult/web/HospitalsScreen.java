package vn.hssk.consult.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hssk.consult.HospitalService;
import vn.hssk.consult.rest.HospitalView;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The province administrator's registry of hospitals that take tele-consultation requests: register one with its
 * facility code, correct its name and address, close or reopen it.
 */
@Named
@ViewScoped
public class HospitalsScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private HospitalService hospitals;

    private List<HospitalView> items;
    private String facilityCode;
    private String name;
    private String address;

    public List<HospitalView> getItems() {
        if (items == null) {
            try {
                items = hospitals.list(true).stream().map(HospitalView::of).toList();
            } catch (RuntimeException e) {
                items = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return items;
    }

    public void register() {
        try {
            hospitals.register(facilityCode, name, address);
            ConsultTexts.info("hospitals.registered");
            facilityCode = null;
            name = null;
            address = null;
            items = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "register");
        }
    }

    public void close(HospitalView h) {
        try {
            hospitals.close(h.id(), h.version());
            items = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void reopen(HospitalView h) {
        try {
            hospitals.reopen(h.id(), h.version());
            items = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public String getFacilityCode() {
        return facilityCode;
    }

    public void setFacilityCode(String facilityCode) {
        this.facilityCode = facilityCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
