package vn.hssk.consult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.FileSignature;
import vn.hssk.shared.ProblemException;

class ConsultationTest {

    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

    private static Hospital hospital() {
        return new Hospital("38001", "Bệnh viện Đa khoa tỉnh Thanh Hóa", null, "38", "admin");
    }

    private static ConsultationRequest request(List<String> parts, byte[] attachment, String name) {
        return new ConsultationRequest(1L, 2L, "Sốt kéo dài 5 ngày, xin ý kiến?", parts, attachment, name);
    }

    private static Consultation sent() {
        return new Consultation(1L, null, hospital(), request(List.of("A", "D"), PDF, "xq.pdf").check(), "staff");
    }

    private static String field(ProblemException e) {
        return e.errors().get(0).field();
    }

    private static String code(ProblemException e) {
        return e.errors().get(0).code();
    }

    @Test
    void aNewRequestIsSentWithTheChosenPartsOnly() {
        Consultation c = sent();
        assertEquals(ConsultationStatus.SENT, c.getStatus());
        assertEquals(Set.of(RecordPart.A, RecordPart.D), c.getSharedParts());
        assertEquals(FileSignature.PDF, c.getAttachmentType());
        assertEquals("xq.pdf", c.getAttachmentName());
    }

    @Test
    void anAnswerIsGivenOnceAndKeepsTheVisit() {
        Consultation c = sent();
        c.answer("Chuyển tuyến khám chuyên khoa", 42L, "doctor");
        assertEquals(ConsultationStatus.ANSWERED, c.getStatus());
        assertEquals(42L, c.getVisitId());
        assertEquals("doctor", c.getAnsweredBy());
        ProblemException again = assertThrows(ProblemException.class, () -> c.answer("Khác", 43L, "doctor"));
        assertEquals(409, again.status());
        assertEquals("consult.notOpen", code(again));
        assertThrows(ProblemException.class, () -> c.cancel("staff"), "an answered request is not cancelled");
    }

    @Test
    void aCancelledRequestTakesNoAnswer() {
        Consultation c = sent();
        c.cancel("staff");
        assertEquals(ConsultationStatus.CANCELLED, c.getStatus());
        ProblemException e = assertThrows(ProblemException.class, () -> c.answer("Trả lời", 1L, "doctor"));
        assertEquals(409, e.status());
        assertNull(c.getAnswer());
        assertThrows(ProblemException.class, () -> c.cancel("staff"));
    }

    @Test
    void aBlankAnswerIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> sent().answer(" ", 1L, "doctor"));
        assertEquals("answer", field(e));
    }

    @Test
    void aClosedHospitalTakesNoNewRequest() {
        Hospital h = hospital();
        h.close("admin");
        ProblemException e = assertThrows(ProblemException.class,
                () -> new Consultation(1L, null, h, request(List.of("A"), null, null).check(), "staff"));
        assertEquals("hospitalId", field(e));
        assertThrows(ProblemException.class, () -> h.close("admin"));
        h.reopen("admin");
        new Consultation(1L, null, h, request(List.of("A"), null, null).check(), "staff");
    }

    @Test
    void attachmentsAreRecognisedByTheirBytes() {
        assertEquals(FileSignature.PDF, request(List.of("A"), PDF, "a").check().attachmentType());
        assertEquals(FileSignature.PNG, request(List.of("A"), PNG, "a").check().attachmentType());
        assertEquals(FileSignature.JPEG, request(List.of("A"), JPEG, "a").check().attachmentType());
        byte[] html = "<html><script>".getBytes(StandardCharsets.UTF_8);
        ProblemException e = assertThrows(ProblemException.class,
                () -> request(List.of("A"), html, "scan.pdf").check());
        assertEquals("attachment", field(e));
        assertEquals("consult.attachmentType", code(e));
    }

    @Test
    void anAttachmentAboveFiveMegabytesIsRefused() {
        byte[] big = new byte[ConsultationRequest.MAX_ATTACHMENT_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        ProblemException e = assertThrows(ProblemException.class, () -> request(List.of("A"), big, "a").check());
        assertEquals("attachment", field(e));
        assertEquals("consult.attachmentSize", code(e));
        byte[] limit = new byte[ConsultationRequest.MAX_ATTACHMENT_BYTES];
        System.arraycopy(PDF, 0, limit, 0, PDF.length);
        assertArrayEquals(limit, request(List.of("A"), limit, "a").check().attachment());
    }

    @Test
    void atLeastOneKnownPartIsShared() {
        assertEquals("consult.noPart", code(assertThrows(ProblemException.class,
                () -> request(List.of(), null, null).check())));
        assertEquals("consult.part", code(assertThrows(ProblemException.class,
                () -> request(List.of("A", "E"), null, null).check())));
        assertEquals(Set.of(RecordPart.B, RecordPart.C), request(List.of("c", " b "), null, null).check().parts());
    }

    @Test
    void theQuestionIsRequiredAndLimited() {
        ProblemException blank = assertThrows(ProblemException.class,
                () -> new ConsultationRequest(1L, 2L, "  ", List.of("A"), null, null).check());
        assertEquals("question", field(blank));
        ProblemException tooLong = assertThrows(ProblemException.class, () -> new ConsultationRequest(1L, 2L,
                "x".repeat(ConsultationRequest.MAX_QUESTION + 1), List.of("A"), null, null).check());
        assertEquals("tooLong", code(tooLong));
    }

    @Test
    void theFileNameKeepsItsLastPartWithoutControlCharacters() {
        assertEquals("phim.png", request(List.of("A"), PNG, "C:\\scan\\phim.png").check().attachmentName());
        assertEquals("ab.pdf", request(List.of("A"), PDF, "../x/a\u0007b.pdf").check().attachmentName());
        assertEquals("attachment.pdf", request(List.of("A"), PDF, null).check().attachmentName());
    }

    @Test
    void aHospitalCodeHasFiveDigitsWithTheProvincePrefix() {
        assertEquals("38001", hospital().getFacilityCode());
        assertEquals("facilityCode", field(assertThrows(ProblemException.class,
                () -> new Hospital("92001", "BV", null, "38", "admin"))));
        assertEquals("facilityCode", field(assertThrows(ProblemException.class,
                () -> new Hospital("3800", "BV", null, "38", "admin"))));
        assertEquals("facilityCode", field(assertThrows(ProblemException.class,
                () -> new Hospital(null, "BV", null, "38", "admin"))));
        assertEquals("name", field(assertThrows(ProblemException.class,
                () -> new Hospital("38001", " ", null, "38", "admin"))));
    }
}
