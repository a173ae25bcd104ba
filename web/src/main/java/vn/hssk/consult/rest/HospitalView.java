package vn.hssk.consult.rest;

import java.io.Serializable;
import vn.hssk.consult.Hospital;

/** A hospital of the province as the API and the screens show it. */
public record HospitalView(long id, String facilityCode, String name, String address, boolean open, int version)
        implements Serializable {

    public static HospitalView of(Hospital h) {
        return new HospitalView(h.getId(), h.getFacilityCode(), h.getName(), h.getAddress(), h.isOpen(),
                h.getVersion());
    }
}
