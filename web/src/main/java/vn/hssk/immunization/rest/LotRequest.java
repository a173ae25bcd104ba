package vn.hssk.immunization.rest;

/** The body of {@code POST /api/lots}: a lot received by the province (quantity in doses, dates yyyy-MM-dd). */
public record LotRequest(String vaccine, String lotNumber, String expiry, Integer quantity, String receivedOn) {
}
