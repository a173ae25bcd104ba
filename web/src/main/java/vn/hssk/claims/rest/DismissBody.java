package vn.hssk.claims.rest;

/** Why a reviewer dismisses a claim. */
public record DismissBody(String reason) {
}
