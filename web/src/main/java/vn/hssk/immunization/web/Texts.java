package vn.hssk.immunization.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;

/** Info messages of the immunization screens, from the feature's own bundle ({@code immMsg}). */
final class Texts {

    private static final String BUNDLE = "immMsg";

    private Texts() {
    }

    static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, format(context, key, arguments), null));
    }

    static String format(FacesContext context, String key, Object... arguments) {
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }
}
