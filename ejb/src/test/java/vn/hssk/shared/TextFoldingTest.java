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
