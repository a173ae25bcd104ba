package vn.hssk.record.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of parts B and D that come from data: an item's name in the user's language (the catalog's English name
 * when the screen is in English and the item has one) and status codes through the {@code partsMsg} bundle, falling
 * back to the code for a status a province added without a translation.
 */
final class PartTexts {

    static final String BUNDLE = "partsMsg";

    private PartTexts() {
    }

    static boolean english() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null && context.getViewRoot() != null
                && Locale.ENGLISH.getLanguage().equals(context.getViewRoot().getLocale().getLanguage());
    }

    static String itemName(String name, String nameEn) {
        return english() && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }

    static String text(String key, String fallback) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            ResourceBundle bundle = context.getApplication().getResourceBundle(context, BUNDLE);
            return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : fallback;
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String text = new MessageFormat(text(key, key), context.getViewRoot().getLocale()).format(arguments);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
