package vn.hssk.shared;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Text as hssk keeps and compares it. {@link #normalize} is the stored form of a name typed or imported: composed
 * (NFC, so "Hoà" typed decomposed and composed is one string), inner white space collapsed to one space, trimmed.
 * {@link #fold} is the search form: decompose (NFD), drop the combining marks, map đ/Đ to d, lower-case and collapse
 * white space, so that "nguyen van a" finds "Nguyễn Văn A" and both tone-mark styles (Hòa/Hoà) fold alike.
 * {@link #foldPlaceName} also drops the type word a village's name may carry (thôn, ấp, bản, tổ dân phố...), since
 * registers write "Thôn Hòa Đông" where the tree says "Hòa Đông" or the other way round.
 */
public final class TextFolding {

    /** Type words of villages and residential groups, folded, longest first so "to dan pho" wins over "to". */
    private static final List<String> PLACE_TYPES = List.of("to dan pho", "khu dan cu", "khu pho", "thon", "ap",
            "ban", "lang", "xom", "khom", "buon", "phum", "soc", "khu", "to", "doi", "cum");

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            stripped.appendCodePoint(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
        }
        return collapse(stripped.toString().toLowerCase(Locale.ROOT), false).trim();
    }

    /** The stored form of a text: NFC, inner white space one space, trimmed; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return collapse(Normalizer.normalize(text, Normalizer.Form.NFC), true).strip();
    }

    /**
     * {@code text} with each run of white space ({@code \s}: space, tab, line breaks, form feed; with {@code
     * unicode} also the no-break and other Unicode spaces, {@code \p{Z}}) as one plain space. Folding runs
     * over every cell of a million-row import: no regular expression here.
     */
    private static String collapse(String text, boolean unicode) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                    || unicode && c > 0x7F && isUnicodeSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    private static boolean isUnicodeSpace(char c) {
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** A village name folded and without its leading type word: "Thôn Hoà Đông" and "hoa dong" fold alike. */
    public static String foldPlaceName(String name) {
        String folded = fold(name).replaceAll("[.,]", " ").replaceAll(" +", " ").strip();
        for (String type : PLACE_TYPES) {
            if (folded.startsWith(type + " ") && folded.length() > type.length() + 1) {
                return folded.substring(type.length() + 1);
            }
        }
        return folded;
    }
}
