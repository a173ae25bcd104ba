package vn.hssk.shared;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one way numbers are written for people, on screens, in charts and in reports: Vietnamese groups thousands with
 * a dot and writes decimals with a comma ({@code 7.219}, {@code 13,8}), English the other way round ({@code 7,219},
 * {@code 13.8}). Counts of people and records are whole numbers; shares and paces carry one decimal. The symbols are
 * fixed here rather than taken from the JDK's locale data, which has changed between releases for Vietnamese.
 */
public final class Numbers {

    /** What is shown where there is no number (a share of a zero quota). */
    public static final String NONE = "–";

    private Numbers() {
    }

    /** The language the texts use: English if asked for, Vietnamese otherwise. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static char groupingSeparator(Locale locale) {
        return english(locale) ? ',' : '.';
    }

    public static char decimalSeparator(Locale locale) {
        return english(locale) ? '.' : ',';
    }

    /** A whole number with thousands grouped: {@code 7.219} / {@code 7,219}. */
    public static String count(Number value, Locale locale) {
        return value == null ? "" : format("#,##0", locale).format(Math.round(value.doubleValue()));
    }

    /** One decimal: {@code 13,8} / {@code 13.8}. */
    public static String decimal(Number value, Locale locale) {
        return value == null ? NONE : format("#,##0.0", locale).format(value.doubleValue());
    }

    private static DecimalFormat format(String pattern, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(groupingSeparator(locale));
        symbols.setDecimalSeparator(decimalSeparator(locale));
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols);
    }
}
