package vn.hssk.shared.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Switches the language of the screens ({@code /language?lang=en}): stores the choice in a cookie and sends the user
 * back to the page they came from. A plain GET, so it also works on error pages that have no Faces form.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.addCookie(cookie(request, Language.supported(request.getParameter("lang"))));
        response.sendRedirect(back(request));
    }

    private static Cookie cookie(HttpServletRequest request, String language) {
        Cookie cookie = new Cookie(Language.COOKIE, language);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The referring page when it belongs to this application, so the switch cannot redirect elsewhere. */
    private static String back(HttpServletRequest request) {
        String home = AppUrls.base(request);
        String referer = request.getHeader("Referer");
        return referer != null && referer.startsWith(home) ? referer : home;
    }
}
