package vn.hssk.immunization.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import vn.hssk.immunization.CoverageService;
import vn.hssk.immunization.CoverageSheet;
import vn.hssk.shared.web.Problems;

/**
 * The coverage screen's XLSX link: {@code /immunization-files/coverage.xlsx?unit=&from=&to=}. A plain GET for the
 * signed-in user's session, answered by the same service as {@code /api/coverage/xlsx} (same scope and roles).
 */
@WebServlet("/immunization-files/coverage.xlsx")
public class CoverageDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoverageService coverage;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            String unit = request.getParameter("unit");
            body = CoverageSheet.xlsx(coverage.coverage(unit == null || unit.isBlank() ? null : Long.valueOf(unit),
                    YearMonth.parse(request.getParameter("from")), YearMonth.parse(request.getParameter("to"))));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (RuntimeException e) {
            response.sendError(Problems.statusOf(e).orElseThrow(() -> e));
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"bao-phu-tiem-chung.xlsx\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
