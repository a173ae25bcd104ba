package vn.hssk.household;

/** What a user states about a household when creating or editing it; the village is chosen by its unit id. */
public record HouseholdDetails(String code, Long villageId, String address, String headName, String phone,
                               String notes) {
}
