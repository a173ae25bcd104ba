package vn.hssk.citizen.rest;

/** A citizen's change request as JSON: the new {@code phone}, the new {@code address}, or both. */
public record ChangeBody(String phone, String address) {
}
