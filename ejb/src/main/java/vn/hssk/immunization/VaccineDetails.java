package vn.hssk.immunization;

/** What a province administrator states about a vaccine product. */
public record VaccineDetails(String code, String name, String antigen, String manufacturer, Integer dosesPerVial) {
}
