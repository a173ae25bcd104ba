package vn.hssk.citizen.rest;

/**
 * A citizen's feedback as JSON: {@code category} (SUGGESTION, COMPLAINT, QUESTION, RECORD_ERROR), {@code text}, and
 * optionally {@code photo}, a JPEG or PNG of at most 2 MB in base64.
 */
public record FeedbackBody(String category, String text, String photo) {
}
