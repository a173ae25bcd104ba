package vn.hssk.immunization.rest;

/**
 * The body of {@code POST /api/vaccines} and {@code PUT /api/vaccines/{id}} (the code does not change); {@code nameVi}
 * is the Vietnamese name the screens and certificates show.
 */
public record VaccineRequest(String code, String name, String antigen, String manufacturer, Integer dosesPerVial,
                             Boolean active, Integer version, String nameVi) {
}
