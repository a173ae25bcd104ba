package vn.hssk.shared.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import vn.hssk.shared.Settings;

/**
 * The screens' session cookie: never readable by scripts, never sent with a request another site starts
 * ({@code SameSite=Lax}: a cross-site form post arrives without it), and only over HTTPS ({@code Secure}) unless the
 * embedded dev stack, which serves plain HTTP on localhost, turns that off with {@code hssk.cookie.secure=false}.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(Boolean.parseBoolean(Settings.get("hssk.cookie.secure", "HSSK_COOKIE_SECURE", "true")));
    }
}
