package vn.hssk.citizen.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** Texts of the citizen portal and the feedback screen, from their own bundle ({@code citizenMsg}). */
final class CitizenTexts {

    private static final String BUNDLE = "citizenMsg";

    private CitizenTexts() {
    }

    /** The text of {@code key} in the view's language, or {@code otherwise} when the bundle has none. */
    static String text(String key, String otherwise) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, BUNDLE);
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : otherwise;
    }

    /** A confirmation above the page. */
    static void info(String key) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, key), null));
    }
}
