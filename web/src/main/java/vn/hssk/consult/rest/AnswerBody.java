package vn.hssk.consult.rest;

/** The doctor's answer ({@code text}), or a cancellation (no text), with the {@code version} the caller saw. */
public record AnswerBody(String text, Integer version) {
}
