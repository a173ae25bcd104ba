package vn.hssk.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

class ChangeRequestTest {

    @Test
    void aRequestIsDecidedOnceAndARejectionKeepsItsReason() {
        ChangeRequest approved = new ChangeRequest(7, null, "0912000111", null, "038085012345");
        assertEquals(ChangeRequest.Status.PENDING, approved.getStatus());
        approved.approve("staff");
        assertEquals(ChangeRequest.Status.APPROVED, approved.getStatus());
        assertEquals("staff", approved.getDecidedBy());
        assertNotNull(approved.getDecidedAt());
        assertNull(approved.getReason());
        assertEquals(409, assertThrows(ProblemException.class, () -> approved.reject("late", "staff")).status());

        ChangeRequest rejected = new ChangeRequest(7, null, null, "Nhà bác Tư", "038085012345");
        rejected.reject("Địa chỉ cần số nhà", "staff");
        assertEquals(ChangeRequest.Status.REJECTED, rejected.getStatus());
        assertEquals("Địa chỉ cần số nhà", rejected.getReason());
        assertEquals(409, assertThrows(ProblemException.class, () -> rejected.approve("staff")).status());
    }

    @Test
    void feedbackIsAnsweredAgainUntilItIsClosed() {
        Feedback f = new Feedback(7, null, FeedbackCategory.QUESTION, "Lịch tiêm?", null, null, "038085012345");
        assertEquals(FeedbackStatus.OPEN, f.getStatus());
        f.answer("Thứ Năm", "staff");
        f.answer("Thứ Năm, 8 giờ", "staff");
        assertEquals(FeedbackStatus.ANSWERED, f.getStatus());
        assertEquals("Thứ Năm, 8 giờ", f.getAnswer());
        f.close("staff");
        assertEquals(FeedbackStatus.CLOSED, f.getStatus());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.answer("Thêm", "staff")).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.close("staff")).status());
    }
}
