package vn.hssk.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The application's own address as the browser sees it, needed where we send the browser away and back (language
 * switch, Keycloak logout). Behind a balancer the server's proxy-address-forwarding setting makes the request URL
 * the public one.
 */
public final class AppUrls {

    private AppUrls() {
    }

    /** The application's base URL, ending with {@code /}. */
    public static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String origin = url.substring(0, url.length() - request.getRequestURI().length());
        return origin + request.getContextPath() + "/";
    }
}
