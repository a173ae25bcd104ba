package vn.hssk.tenant.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.Problems;
import vn.hssk.tenant.CurrentProvinceService;
import vn.hssk.tenant.CurrentProvinceService.Me;

/**
 * Stops users of a suspended (or unknown) province at the door: every page request first asks who the caller is, and
 * the tenant binding refuses members of a province that may not be served. They get the forbidden page with HTTP 403
 * instead of a half-working screen. It also keeps the national and the province screens to their own users. Error
 * pages and Faces resources pass untouched, since the forbidden page itself must render for refused users.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ProvinceGateFilter extends HttpFilter {

    /** Request attribute holding the caller's {@link Me}, so the page does not ask the service a second time. */
    static final String CALLER = ProvinceGateFilter.class.getName() + ".caller";

    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentProvinceService currentProvince;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/error/") || path.startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        Me caller;
        try {
            caller = currentProvince.whoAmI();
        } catch (RuntimeException e) {
            Optional<ProblemException> problem = Problems.in(e).filter(p -> p.status() == 403);
            if (problem.isEmpty()) {
                throw e;
            }
            refuse(request, response, problem.get().getMessage());
            return;
        }
        String wrongArea = wrongArea(path, caller);
        if (wrongArea != null) {
            refuse(request, response, wrongArea);
            return;
        }
        request.setAttribute(CALLER, caller);
        chain.doFilter(request, response);
    }

    private static String wrongArea(String path, Me caller) {
        if (path.startsWith("/national/") && !caller.roles().contains(Roles.NATIONAL_ADMIN)) {
            return "These pages are for national administrators";
        }
        if ((path.startsWith("/province/") || path.startsWith("/consult/") || path.startsWith("/care/"))
                && caller.tenantCode() == null) {
            return "These pages are for the staff of a province";
        }
        return null;
    }

    /**
     * Answers 403 with the reason. An Ajax request cannot show an error page, so it is told to load the page again,
     * which then answers 403 itself.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + xmlEscape(request.getRequestURI()) + "\"/></partial-response>");
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, reason);
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
