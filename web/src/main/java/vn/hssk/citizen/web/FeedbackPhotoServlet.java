package vn.hssk.citizen.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.citizen.FeedbackService;
import vn.hssk.shared.web.Problems;

/**
 * The feedback screen's photo links, {@code /feedback-photos/{id}}: the signed-in user's session reaches the same
 * service as {@code GET /api/feedback/{id}/photo}, with the same scope, audit and answers (404 out of scope).
 */
@WebServlet("/feedback-photos/*")
public class FeedbackPhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})");

    @Inject
    private FeedbackService feedback;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FeedbackService.Photo photo;
        try {
            photo = feedback.photo(Long.parseLong(m.group(1)));
        } catch (RuntimeException e) {
            response.sendError(Problems.statusOf(e).orElseThrow(() -> e));
            return;
        }
        response.setContentType(photo.type());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(photo.bytes().length);
        response.getOutputStream().write(photo.bytes());
    }
}
