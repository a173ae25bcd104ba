package vn.hssk.shared;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as hssk keeps and compares it. {@link #normalize} is the stored form of a name typed or imported: composed
 * (NFC, so "Hoà" typed decomposed and composed is one string), inner white space collapsed to one space, trimmed.
 * {@link #fold} is the search form: decompose (NFD), drop the combining marks, map đ/Đ to d, lower-case and collapse
 * white space, so that "nguyen van a" finds "Nguyễn Văn A" and both tone-mark styles (Hòa/Hoà) fold alike.
 * {@link #foldPlaceName} also drops the type word a village's name may carry (thôn, ấp, bản, tổ dân phố...), since
 * registers write "Thôn Hòa Đông" where the tree says "Hòa Đông" or the other way round.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** White space including the no-break and other Unicode spaces spreadsheets leave in names. */
    private static final Pattern ANY_SPACES = Pattern.compile("[\\s\\p{Z}]+");
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
        String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The stored form of a text: NFC, inner white space one space, trimmed; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return ANY_SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
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
