package vn.hssk.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hssk.shared.Numbers;

/**
 * Numbers on the screens in the screen's language, through {@link Numbers} so tables, charts and reports agree:
 * {@code #{numbers.count(v.quota())}}, {@code #{numbers.percent(c.percent())}}, and the separators a
 * {@code p:inputNumber} types with.
 */
@Named("numbers")
@RequestScoped
public class NumberTexts {

    @Inject
    private Language language;

    public String count(Number value) {
        return Numbers.count(value, language.getLocale());
    }

    public String decimal(Number value) {
        return Numbers.decimal(value, language.getLocale());
    }

    /** A share with one decimal and the per cent sign, or a dash without a number. */
    public String percent(Number value) {
        return value == null ? Numbers.NONE : Numbers.decimal(value, language.getLocale()) + " %";
    }

    public String getGrouping() {
        return String.valueOf(Numbers.groupingSeparator(language.getLocale()));
    }

    public String getDecimalSeparator() {
        return String.valueOf(Numbers.decimalSeparator(language.getLocale()));
    }

    /** The BCP 47 tag Chart.js formats its ticks and tooltips with. */
    public String getChartLocale() {
        return chartLocale(language.getLocale());
    }

    public static String chartLocale(java.util.Locale locale) {
        return Numbers.english(locale) ? "en-US" : "vi-VN";
    }
}
