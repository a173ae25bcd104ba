package vn.hssk.consult.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import vn.hssk.consult.ConsultationService;
import vn.hssk.shared.web.StoredFileServlet;

/**
 * The screens' attachment links, {@code /consult-attachments/{id}}: the same service as {@code GET
 * /api/consultations/{id}/attachment}, with the same scope, audit and answers (404 out of scope).
 */
@WebServlet("/consult-attachments/*")
public class AttachmentServlet extends StoredFileServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsultationService consultations;

    @Override
    protected StoredFile load(long id) {
        ConsultationService.Attachment file = consultations.attachment(id);
        return new StoredFile(file.type(), file.name(), file.bytes());
    }
}
