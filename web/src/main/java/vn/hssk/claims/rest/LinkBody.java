package vn.hssk.claims.rest;

/** The person a reviewer links a claim to. */
public record LinkBody(Long personId) {
}
