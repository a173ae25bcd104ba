package vn.hssk.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.hssk.shared.Settings;

/**
 * Signs the user out of the application and of Keycloak: ending only the local session would let the Keycloak
 * session sign them straight back in. Keycloak then returns the browser to the application's start page.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String CLIENT_ID = "hssk-web";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String endSession = endSessionUrl(request);
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(endSession);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        doGet(request, response);
    }

    private static String endSessionUrl(HttpServletRequest request) {
        String keycloak = Settings.get("hssk.keycloak.url", "HSSK_KEYCLOAK_URL", "http://localhost:8180");
        return trimSlash(keycloak) + "/realms/hssk/protocol/openid-connect/logout?client_id=" + CLIENT_ID
                + "&post_logout_redirect_uri=" + URLEncoder.encode(AppUrls.base(request), StandardCharsets.UTF_8);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
