package vn.hssk.export.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.export.RecordExportService;
import vn.hssk.shared.web.Problems;

/**
 * The person screen's download buttons: {@code /exports/persons/{id}.pdf} and {@code /exports/persons/{id}.fhir.json}.
 * A plain GET link, so the browser saves the file itself and no Faces state is involved; the signed-in user's session
 * reaches the same service as the REST API, with the same scope, audit and answers (404 out of scope, 403 by role).
 */
@WebServlet("/exports/persons/*")
public class RecordDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})\\.(pdf|fhir\\.json)");

    @Inject
    private RecordExportService exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(m.group(1));
        boolean pdf = "pdf".equals(m.group(2));
        byte[] body;
        try {
            body = pdf ? exports.pdf(id) : exports.fhirPatient(id).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            response.sendError(Problems.statusOf(e).orElseThrow(() -> e));
            return;
        }
        response.setContentType(pdf ? "application/pdf" : "application/fhir+json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"ho-so-suc-khoe-" + id
                + (pdf ? ".pdf" : ".fhir.json") + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
