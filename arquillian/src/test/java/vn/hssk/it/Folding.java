package vn.hssk.it;

import java.text.Normalizer;
import java.util.Locale;

/** Folds names as the application stores them, for rows the tests write straight into a schema. */
final class Folding {

    private Folding() {
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('đ', 'd')
                .replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
