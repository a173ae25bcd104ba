package vn.hssk.shared.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Says a field error in the user's language. Services state what is wrong in English and, for the checks every form
 * shares (required, too long, in the future, phone, BHYT and personal-ID rules, ...), with a message code and its
 * arguments; here the code becomes the Vietnamese (default) or English sentence of the bundle
 * {@code vn.hssk.i18n.problems}, arguments that name a field or a value ({@code label.<arg>}) in words. Errors without
 * a code keep their English message.
 */
public final class ProblemTexts {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "vn.hssk.i18n.problems";

    private ProblemTexts() {
    }

    public static String message(FieldError error, Locale locale) {
        if (error.code() == null) {
            return error.message();
        }
        ResourceBundle bundle = bundle(locale);
        String pattern;
        try {
            pattern = bundle.getString("problem." + error.code());
        } catch (MissingResourceException unknown) {
            return error.message();
        }
        Object[] args = error.args().stream().map(a -> label(bundle, a)).toArray();
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Vietnamese unless the language asked for is English. */
    public static Locale supported(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    private static String label(ResourceBundle bundle, String arg) {
        try {
            return bundle.getString("label." + arg);
        } catch (MissingResourceException plain) {
            return arg;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), ProblemTexts.class.getClassLoader());
    }
}
