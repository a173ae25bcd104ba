package vn.hssk.immunization;

/**
 * What a province administrator states about a vaccine product; {@code name} is the catalog's (English) name,
 * {@code nameVi} the Vietnamese one the screens and certificates show (optional).
 */
public record VaccineDetails(String code, String name, String antigen, String manufacturer, Integer dosesPerVial,
                             String nameVi) {

    public VaccineDetails(String code, String name, String antigen, String manufacturer, Integer dosesPerVial) {
        this(code, name, antigen, manufacturer, dosesPerVial, null);
    }
}
