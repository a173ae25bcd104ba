package vn.hssk.citizen;

import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.FileSignature;
import vn.hssk.shared.TextFolding;

/**
 * What a citizen sends: a category, the text, and optionally one photo (JPEG or PNG, at most
 * {@value #MAX_PHOTO_BYTES} bytes, recognised by its first bytes, whatever the name or type the client claims).
 */
public record FeedbackRequest(String category, String text, byte[] photo) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    /** The request checked: every bad field reported at once (400), the text NFC-normalised and trimmed. */
    Checked check() {
        FieldCheck check = new FieldCheck();
        FeedbackCategory kind = null;
        if (category == null || category.isBlank()) {
            check.fail("category", "required", "The category is required", "category");
        } else {
            try {
                kind = FeedbackCategory.valueOf(category.strip());
            } catch (IllegalArgumentException e) {
                check.fail("category", "feedback.category",
                        "The category is one of SUGGESTION, COMPLAINT, QUESTION, RECORD_ERROR");
            }
        }
        String body = check.text("text", text == null ? null : TextFolding.normalize(text), MAX_TEXT, true,
                "The text");
        String type = null;
        if (photo != null && photo.length > 0) {
            type = FileSignature.image(photo);
            if (photo.length > MAX_PHOTO_BYTES) {
                check.fail("photo", "feedback.photoSize", "The photo is at most 2 MB");
            } else if (type == null) {
                check.fail("photo", "feedback.photoType", "The photo must be a JPEG or PNG image");
            }
        }
        check.throwIfAny();
        return new Checked(kind, body, type == null ? null : photo, type);
    }

    record Checked(FeedbackCategory category, String text, byte[] photo, String photoType) {
    }
}
