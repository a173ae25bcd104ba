package vn.hssk.consult.rest;

import java.util.List;

/**
 * A request as JSON: {@code personId}, {@code hospitalId}, {@code question}, {@code parts} (letters A–D to share),
 * and optionally {@code attachment}, a JPEG, PNG or PDF of at most 5 MB in base64, with its {@code attachmentName}.
 */
public record ConsultationBody(Long personId, Long hospitalId, String question, List<String> parts,
                               String attachment, String attachmentName) {
}
