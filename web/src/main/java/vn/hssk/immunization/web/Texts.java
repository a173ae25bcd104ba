package vn.hssk.immunization.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Info messages of the immunization screens, from the feature's own bundle ({@code immMsg}). */
final class Texts {

    private static final String BUNDLE = "immMsg";

    private Texts() {
    }

    static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, format(context, key, arguments), null));
    }

    /** A text of the bundle in {@code locale} outside a rendered view (e.g. the reason of an error page). */
    static String format(Locale locale, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("vn.hssk.i18n.immunization", locale).getString(key);
        return new MessageFormat(pattern, locale).format(arguments);
    }

    static String format(FacesContext context, String key, Object... arguments) {
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }
}
