package vn.hssk.household;

/** Which households a list shows: text to find (code, head, address, diacritics ignored), a village or commune. */
public record HouseholdFilter(String query, Long villageId, Long communeId, boolean includeClosed) {
}
