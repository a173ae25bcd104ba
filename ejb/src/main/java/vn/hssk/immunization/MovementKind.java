package vn.hssk.immunization;

/** Why a station's stock of a lot changed: only a receipt adds. */
public enum MovementKind {
    RECEIPT,
    DOSE,
    WASTAGE,
    RETURN
}
