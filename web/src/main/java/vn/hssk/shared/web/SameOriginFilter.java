package vn.hssk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing request of the screens (any method but GET, HEAD and OPTIONS) that a page of another site
 * made the browser send: its {@code Origin} (or, where a browser sends none, its {@code Referer}) names another
 * origin. A second fence behind the session cookie's {@code SameSite=Lax} and the Faces view state kept in the
 * session. The APIs ({@code /api}, {@code /fhir}, bearer tokens only) and the public pages (no session) are not screens.
 */
@WebFilter(urlPatterns = "/*")
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || isExempt(request) || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    private static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/fhir/") || path.startsWith("/public/");
    }

    /** True when the request names no other origin; a request without either header comes from no other page. */
    static boolean sameOrigin(HttpServletRequest request) {
        String own = origin(AppUrls.base(request));
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !"null".equals(origin) && own.equals(origin(origin));
        }
        String referer = request.getHeader("Referer");
        return referer == null || own.equals(origin(referer));
    }

    /** scheme://host[:port] in lower case with the default port left out; "" when the text is no absolute URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80
                    || "https".equals(scheme) && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
