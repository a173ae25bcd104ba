package vn.hssk.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the screens, chosen by the user and kept in the {@code hssk-lang} cookie rather than in the HTTP
 * session, so that any node behind the balancer renders the page in the same language. Vietnamese unless English
 * was chosen.
 */
@Named
@RequestScoped
public class Language {

    public static final String COOKIE = "hssk-lang";
    public static final String VIETNAMESE = "vi";
    public static final String ENGLISH = "en";

    private String code;

    public String getCode() {
        if (code == null) {
            Map<String, Object> cookies = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap();
            Object cookie = cookies.get(COOKIE);
            code = supported(cookie instanceof Cookie c ? c.getValue() : null);
        }
        return code;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getCode());
    }

    public boolean isEnglish() {
        return ENGLISH.equals(getCode());
    }

    /** The language code if the screens speak it, else Vietnamese. */
    public static String supported(String requested) {
        return ENGLISH.equals(requested) ? ENGLISH : VIETNAMESE;
    }
}
