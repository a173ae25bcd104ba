package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VillageNamesTest {

    private final VillageNames names = new VillageNames(List.of(
            new VillageNames.Village(1, "17901-01", "17901", "Thôn Hòa Đông"),
            new VillageNames.Village(2, "17901-02", "17901", "Huệ Nghiêm"),
            new VillageNames.Village(3, "17902-01", "17902", "Thôn Hoà Đông"),
            new VillageNames.Village(4, "17902-02", "17902", "Tổ dân phố 3")));

    private long id(String commune, String text) {
        VillageNames.Match m = names.match(commune, text);
        assertTrue(m.found(), () -> commune + " " + text);
        return m.village().id();
    }

    @Test
    void aVillageIsFoundByNameWithOrWithoutTypeWordInEitherToneStyleWithinItsCommune() {
        assertEquals(1, id("17901", "Thôn Hòa Đông"));
        assertEquals(1, id("17901", "Thôn Hoà Đông"));
        assertEquals(1, id("17901", "hoa dong"));
        assertEquals(3, id("17902", "Hòa Đông"));
        assertEquals(2, id("17901", "Thôn Huệ Nghiêm"));
        assertEquals(4, id("17902", "TDP 3".replace("TDP", "Tổ dân phố")));
    }

    @Test
    void aVillageIsFoundByCodeAndByItsShortCodeWithinTheCommune() {
        assertEquals(2, id("17901", "17901-02"));
        assertEquals(2, id(null, "17901-02"));
        assertEquals(4, id("17902", "02"));
        assertFalse(names.match("17902", "17901-02").found(), "a code of another commune is not this commune's");
    }

    @Test
    void anUnknownNameIsNotFoundAndASharedNameWithoutCommuneIsAmbiguous() {
        assertFalse(names.match("17901", "Kênh Lâm").found());
        assertFalse(names.match("17901", "Kênh Lâm").ambiguous());
        VillageNames.Match shared = names.match(null, "Hòa Đông");
        assertFalse(shared.found());
        assertTrue(shared.ambiguous());
        assertEquals(2, id(null, "Huệ Nghiêm"));
    }
}
