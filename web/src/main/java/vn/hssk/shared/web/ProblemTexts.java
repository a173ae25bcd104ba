package vn.hssk.shared.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Says a field error in the user's language. Services state what is wrong in English and, for the checks every form
 * shares (required, too long, in the future, phone, BHYT and personal-ID rules, ...), with a message code and its
 * arguments; here the code becomes the Vietnamese (default) or English sentence of the bundle
 * {@code vn.hssk.i18n.problems}, arguments that name a field or a value ({@code label.<arg>}; a field of a list,
 * {@code tests[0].name}, as {@code label.tests.name}) in words, and an age or interval ({@code age:<months>:<days>})
 * in the words of {@code age.*}. Errors without a code keep their English message.
 */
public final class ProblemTexts {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "vn.hssk.i18n.problems";
    private static final Pattern AGE = Pattern.compile("age:(\\d{1,4}):(\\d{1,5})");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

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
        Object[] args = error.args().stream().map(a -> argument(bundle, a)).toArray();
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Vietnamese unless the language asked for is English. */
    public static Locale supported(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    private static String argument(ResourceBundle bundle, String arg) {
        if (arg == null) {
            return null;
        }
        Matcher age = AGE.matcher(arg);
        if (age.matches()) {
            return age(bundle, Integer.parseInt(age.group(1)), Integer.parseInt(age.group(2)));
        }
        String label = label(bundle, arg);
        if (label == null && arg.indexOf('[') > 0) {
            label = label(bundle, INDEX.matcher(arg).replaceAll(""));
        }
        return label == null ? arg : label;
    }

    private static String label(ResourceBundle bundle, String arg) {
        try {
            return bundle.getString("label." + arg);
        } catch (MissingResourceException plain) {
            return null;
        }
    }

    /** As {@code AgeSpan.describe()} says it: years or months, then weeks or days; "at birth" for none. */
    private static String age(ResourceBundle bundle, int months, int days) {
        if (months == 0 && days == 0) {
            return bundle.getString("age.birth");
        }
        List<String> parts = new ArrayList<>(2);
        Locale locale = bundle.getLocale();
        if (months > 0) {
            parts.add(months % 12 == 0 ? count(bundle, locale, "age.years", months / 12)
                    : count(bundle, locale, "age.months", months));
        }
        if (days > 0) {
            parts.add(days % 7 == 0 ? count(bundle, locale, "age.weeks", days / 7)
                    : count(bundle, locale, "age.days", days));
        }
        return String.join(" ", parts);
    }

    private static String count(ResourceBundle bundle, Locale locale, String key, int n) {
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {n});
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), ProblemTexts.class.getClassLoader());
    }
}
