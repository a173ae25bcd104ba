package vn.hssk.consult.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** Confirmations of the tele-consultation screens, from their own bundle ({@code consultMsg}). */
final class ConsultTexts {

    private ConsultTexts() {
    }

    static void info(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "consultMsg");
        String text = bundle != null && bundle.containsKey(key) ? bundle.getString(key) : key;
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
