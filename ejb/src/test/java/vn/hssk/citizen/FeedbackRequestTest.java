package vn.hssk.citizen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

class FeedbackRequestTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

    @Test
    void aGoodRequestIsKeptWithItsTextNormalisedAndThePhotoTypeFromItsBytes() {
        FeedbackRequest.Checked c = new FeedbackRequest("COMPLAINT", "  Chờ  la\u0302\u0301u ", PNG).check();
        assertEquals(FeedbackCategory.COMPLAINT, c.category());
        assertEquals("Chờ lấu", c.text(), "NFC, inner white space one space, trimmed");
        assertEquals("image/png", c.photoType());
        assertArrayEquals(PNG, c.photo());
        assertEquals("image/jpeg", new FeedbackRequest("QUESTION", "?", JPEG).check().photoType());
        assertNull(new FeedbackRequest("QUESTION", "?", new byte[0]).check().photo(), "an empty upload is no photo");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new FeedbackRequest("GRUMBLE", " ", "GIF89a".getBytes()).check());
        assertEquals(400, e.status());
        assertEquals(List.of("category", "text", "photo"), e.errors().stream().map(ProblemException.FieldError::field)
                .toList());
        byte[] big = new byte[FeedbackRequest.MAX_PHOTO_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertEquals("photo", assertThrows(ProblemException.class,
                () -> new FeedbackRequest("SUGGESTION", "x", big).check()).errors().get(0).field());
        assertEquals("text", assertThrows(ProblemException.class,
                () -> new FeedbackRequest("SUGGESTION", "x".repeat(4001), null).check()).errors().get(0).field());
    }
}
