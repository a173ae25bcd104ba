package vn.hssk.immunization;

/** Where the dose went in (oral vaccines are ORAL). */
public enum InjectionSite {
    LEFT_THIGH,
    RIGHT_THIGH,
    LEFT_ARM,
    RIGHT_ARM,
    ORAL,
    OTHER
}
