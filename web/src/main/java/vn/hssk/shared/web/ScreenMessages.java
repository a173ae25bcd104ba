package vn.hssk.shared.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Puts the outcome of a use case on the screen as Faces messages. A service's refusal goes next to the input it names
 * (inputs carry the service's field names as ids), its summary naming the field for the list at the top of the page;
 * anything unexpected becomes one generic message with an id to quote, so no stack trace ever reaches the user.
 */
public final class ScreenMessages {

    private static final Logger LOG = Logger.getLogger(ScreenMessages.class);
    private static final String BUNDLE = "msg";

    private ScreenMessages() {
    }

    public static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(context, key, arguments), null));
    }

    /** Shows why a use case failed; {@code formId} is the form whose inputs the service's field names refer to. */
    public static void failure(RuntimeException error, String formId) {
        FacesContext context = FacesContext.getCurrentInstance();
        Optional<ProblemException> problem = Problems.in(error);
        if (problem.isPresent()) {
            showProblem(context, problem.get(), formId);
        } else if (Problems.causedBy(error, EJBAccessException.class)) {
            global(context, text(context, "error.notAllowed"));
        } else if (Problems.causedBy(error, OptimisticLockException.class)
                || Problems.causedBy(error, java.sql.SQLIntegrityConstraintViolationException.class)) {
            global(context, text(context, "error.changedMeanwhile"));
        } else {
            String id = UUID.randomUUID().toString();
            LOG.errorf(error, "Unexpected error %s on %s", id, context.getViewRoot().getViewId());
            global(context, text(context, "error.unexpected", id));
        }
        context.validationFailed();
    }

    private static void showProblem(FacesContext context, ProblemException problem, String formId) {
        List<FieldError> errors = problem.errors().isEmpty()
                ? List.of(new FieldError(problem.field(), problem.getMessage())) : problem.errors();
        UIComponent form = formId == null ? null : context.getViewRoot().findComponent(formId);
        Locale locale = context.getViewRoot().getLocale();
        for (FieldError error : errors) {
            String message = ProblemTexts.message(error, locale);
            UIComponent component = form == null || error.field() == null ? null : form.findComponent(error.field());
            if (component instanceof UIInput input) {
                input.setValid(false);
                String summary = label(input, error.field()) + ": " + message;
                context.addMessage(input.getClientId(context),
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, message));
            } else {
                global(context, message);
            }
        }
    }

    private static String label(UIInput input, String field) {
        Object label = input.getAttributes().get("label");
        return label == null ? field : label.toString();
    }

    private static void global(FacesContext context, String summary) {
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
    }

    private static String text(FacesContext context, String key, Object... arguments) {
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, context.getViewRoot().getLocale())
                .format(arguments);
    }
}
