package vn.hssk.household.rest;

/**
 * The body of {@code POST /api/households} and {@code PUT /api/households/{id}}; a correction also sends the version
 * it edited. The village changes only through a move.
 */
public record HouseholdRequest(String code, Long villageId, String address, String headName, String phone,
                               String notes, Integer version) {
}
