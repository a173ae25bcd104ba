package vn.hssk.shared.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file kept with a record (a feedback photo, a consultation's attachment) sent to the screens at {@code
 * /{prefix}/{id}}: the signed-in user's session reaches the same service as the API, with its scope, audit and answers
 * (404 out of scope). Never cached, never sniffed into another type.
 */
public abstract class StoredFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})");

    /** What is sent: the media type, a file name for the browser (or null), the bytes. */
    public record StoredFile(String type, String name, byte[] bytes) {
    }

    /** The file of {@code id} as the caller may read it; a refusal is a {@code ProblemException}. */
    protected abstract StoredFile load(long id);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredFile file;
        try {
            file = load(Long.parseLong(m.group(1)));
        } catch (RuntimeException e) {
            response.sendError(Problems.statusOf(e).orElseThrow(() -> e));
            return;
        }
        response.setContentType(file.type());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (file.name() != null) {
            response.setHeader("Content-Disposition", "inline; filename=\""
                    + file.name().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        }
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }
}
