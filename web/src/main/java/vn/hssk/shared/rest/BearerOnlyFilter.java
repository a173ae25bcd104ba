package vn.hssk.shared.rest;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Makes {@code /api} and {@code /fhir} bearer-token APIs only. The OIDC mechanism of the deployment also restores a
 * user from the screens' session cookie, which any page on another site can make a logged-in browser send
 * (cross-site request forgery); a browser never adds an {@code Authorization} header to a cross-site request without asking the server
 * first (CORS, which hssk does not allow). So an API call is served only when it carries a bearer token, which the
 * mechanism has then checked in place of the cookie; anything else is answered 401 before any resource runs (on
 * {@code /fhir} as an OperationOutcome).
 */
@WebFilter(urlPatterns = {"/api/*", "/fhir/*"})
public class BearerOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean vietnamese = request.getLocales().hasMoreElements()
                && "vi".equals(request.getLocale().getLanguage());
        String detail = vietnamese
                ? "API chỉ nhận mã truy cập (Authorization: Bearer); cookie phiên đăng nhập của màn hình không được dùng"
                : "The API accepts bearer tokens only (Authorization: Bearer); the screens' session cookie is not used";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"hssk\"");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
            response.setContentType("application/fhir+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Json.createObjectBuilder().add("resourceType", "OperationOutcome")
                    .add("issue", Json.createArrayBuilder().add(Json.createObjectBuilder().add("severity", "error")
                            .add("code", "login").add("diagnostics", detail)))
                    .build().toString());
            return;
        }
        response.setContentType(ProblemMapper.PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", "Unauthorized")
                .add("status", HttpServletResponse.SC_UNAUTHORIZED)
                .add("detail", detail)
                .add("instance", request.getRequestURI())
                .build().toString());
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ");
    }
}
