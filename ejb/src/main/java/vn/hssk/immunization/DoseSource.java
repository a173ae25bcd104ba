package vn.hssk.immunization;

/** Where a dose of part C comes from: given here from a lot in stock, or entered from a card or another record. */
public enum DoseSource {
    GIVEN,
    HISTORICAL
}
