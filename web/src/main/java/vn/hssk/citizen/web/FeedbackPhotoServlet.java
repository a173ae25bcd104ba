package vn.hssk.citizen.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import vn.hssk.citizen.FeedbackService;
import vn.hssk.shared.web.StoredFileServlet;

/**
 * The feedback screen's photo links, {@code /feedback-photos/{id}}: the same service as {@code GET
 * /api/feedback/{id}/photo}, with the same scope, audit and answers.
 */
@WebServlet("/feedback-photos/*")
public class FeedbackPhotoServlet extends StoredFileServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private FeedbackService feedback;

    @Override
    protected StoredFile load(long id) {
        FeedbackService.Photo photo = feedback.photo(id);
        return new StoredFile(photo.type(), null, photo.bytes());
    }
}
