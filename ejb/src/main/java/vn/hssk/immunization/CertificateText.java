package vn.hssk.immunization;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of a vaccination certificate and of its public verification page, in Vietnamese unless English is asked
 * for: labels from the {@code certificate} bundle, a dose as the schedule counts it ("Mũi 1", never the schedule's
 * label such as "MCV2 / rubella 1", which names the dose of the measles programme, not of the vaccine), dates as
 * dd/MM/yyyy, and the personal ID as the public page may show it (first and last three digits).
 */
public final class CertificateText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int SHOWN = 3;

    private final Locale locale;
    private final ResourceBundle text;

    private CertificateText(Locale locale) {
        this.locale = locale;
        this.text = ResourceBundle.getBundle("vn.hssk.immunization.certificate", locale,
                CertificateText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts in English when {@code locale} is English, else in Vietnamese. */
    public static CertificateText of(Locale locale) {
        return new CertificateText(isEnglish(locale) ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public boolean isEnglish() {
        return isEnglish(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return text.getString(key);
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(text.getString(key), locale).format(arguments);
    }

    /** The n-th dose of a vaccine's series, in words: "Mũi 2" / "Dose 2". */
    public String dose(int number) {
        return format("dose.label", String.valueOf(number));
    }

    /** A dose of the certificate's content as this language names its vaccine (older certificates: as stored). */
    public String vaccineName(JsonObject dose) {
        String vi = dose.getString("vaccineName", dose.getString("vaccine", ""));
        return isEnglish() ? dose.getString("vaccineNameEn", vi) : vi;
    }

    /** A dose of the certificate's content as the schedule counts it; older certificates stored a label instead. */
    public String doseOf(JsonObject dose) {
        JsonValue n = dose.get("doseNumber");
        return n instanceof JsonNumber number ? dose(number.intValue()) : dose.getString("dose", "");
    }

    /** An ISO date of the certificate's content as forms write it, dd/MM/yyyy; anything else as it is. */
    public static String day(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The personal ID with all but its first and last three characters hidden: {@code 038******123}. */
    public static String masked(String personalId) {
        if (personalId == null || personalId.isBlank()) {
            return null;
        }
        String id = personalId.strip();
        if (id.length() <= 2 * SHOWN) {
            return "*".repeat(id.length());
        }
        return id.substring(0, SHOWN) + "*".repeat(id.length() - 2 * SHOWN) + id.substring(id.length() - SHOWN);
    }
}
