package vn.hssk.plan.rest;

/** A new indicator of the province's catalog over one of the existing computations. */
public record IndicatorRequest(String code, String nameVi, String nameEn, String unitKind, String computation,
                               String parameter) {
}
