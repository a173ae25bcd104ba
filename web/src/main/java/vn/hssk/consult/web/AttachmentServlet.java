package vn.hssk.consult.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.consult.ConsultationService;
import vn.hssk.shared.web.Problems;

/**
 * The screens' attachment links, {@code /consult-attachments/{id}}: the signed-in user's session reaches the same
 * service as {@code GET /api/consultations/{id}/attachment}, with the same scope, audit and answers (404 out of scope).
 */
@WebServlet("/consult-attachments/*")
public class AttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})");

    @Inject
    private ConsultationService consultations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ConsultationService.Attachment file;
        try {
            file = consultations.attachment(Long.parseLong(m.group(1)));
        } catch (RuntimeException e) {
            response.sendError(Problems.statusOf(e).orElseThrow(() -> e));
            return;
        }
        response.setContentType(file.type());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "inline; filename=\"" + file.name().replaceAll("[^A-Za-z0-9._-]",
                "_") + "\"");
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }
}
