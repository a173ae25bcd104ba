package vn.hssk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void normalizeComposesCollapsesInnerSpacesAndTrims() {
        String decomposed = Normalizer.normalize("Trần  Văn\u00A0 Hòa ", Normalizer.Form.NFD);
        assertEquals("Trần Văn Hòa", TextFolding.normalize("  " + decomposed + "\t"));
        assertEquals(Normalizer.normalize("Trần Văn Hòa", Normalizer.Form.NFC),
                TextFolding.normalize(decomposed));
        assertEquals("", TextFolding.normalize("   "));
        assertNull(TextFolding.normalize(null));
    }

    @Test
    void foldingIgnoresMarksCaseAndBothToneStyles() {
        assertEquals("hoa dong", TextFolding.fold("Hòa Đông"));
        assertEquals("hoa dong", TextFolding.fold("Hoà  Đông"));
        assertEquals("hoa dong", TextFolding.fold(Normalizer.normalize("HÒA ĐÔNG", Normalizer.Form.NFD)));
    }

    /** The forms as first written with regular expressions: the loops that replaced them must agree on any text. */
    @Test
    void theLoopsAgreeWithTheRegularExpressionsTheyReplaced() {
        java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
        java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("\\s+");
        java.util.regex.Pattern anySpaces = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");
        String alphabet = "aAđĐăâêôơưÀÁẢÃẠàáảãạằẵệộờữỹ \t\n\r\f\u000B\u00A0\u2003\u3000\u2028\u2029\u001C"
                + "\u0300\u0301\u0303\u0309\u0323\u20DDİΣς-.,'0123";
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
            String stripped = marks.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
            String fold = spaces.matcher(stripped.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").trim();
            String normal = anySpaces.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
            assertEquals(fold, TextFolding.fold(text), () -> "fold of " + text.codePoints()
                    .mapToObj(Integer::toHexString).toList());
            assertEquals(normal, TextFolding.normalize(text), () -> "normalize of " + text.codePoints()
                    .mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void placeNamesFoldWithoutTheirTypeWord() {
        assertEquals("hoa dong", TextFolding.foldPlaceName("Thôn Hòa Đông"));
        assertEquals("hoa dong", TextFolding.foldPlaceName("hoà đông"));
        assertEquals("3", TextFolding.foldPlaceName("Tổ dân phố 3"));
        assertEquals("phu xa", TextFolding.foldPlaceName("Ấp Phú Xá"));
        assertEquals("na lan", TextFolding.foldPlaceName("Bản Nà Lạn"));
        assertEquals("ha", TextFolding.foldPlaceName("Làng Hạ"));
        assertEquals("4", TextFolding.foldPlaceName("Khu phố 4"));
        assertEquals("thon", TextFolding.foldPlaceName("Thôn"), "a type word alone is the name");
    }
}
