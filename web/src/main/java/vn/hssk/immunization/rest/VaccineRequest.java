package vn.hssk.immunization.rest;

/** The body of {@code POST /api/vaccines} and {@code PUT /api/vaccines/{id}} (the code does not change). */
public record VaccineRequest(String code, String name, String antigen, String manufacturer, Integer dosesPerVial,
                             Boolean active, Integer version) {
}
