package vn.hssk.immunization.rest;

import vn.hssk.immunization.Vaccine;

/** A vaccine of the catalog. */
public record VaccineView(long id, String code, String name, String nameVi, String antigen, String manufacturer,
                          Integer dosesPerVial, boolean active, int version) {

    static VaccineView of(Vaccine v) {
        return new VaccineView(v.getId(), v.getCode(), v.getName(), v.getNameVi(), v.getAntigen(), v.getManufacturer(),
                v.getDosesPerVial(), v.isActive(), v.getVersion());
    }
}
