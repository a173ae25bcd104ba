package vn.hssk.citizen.rest;

/** The station's answer to a feedback item ({@code text}, for {@code close} none), with the version it saw. */
public record AnswerBody(String text, Integer version) {
}
