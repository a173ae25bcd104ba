package vn.hssk.unit;

import java.util.Locale;
import vn.hssk.shared.TextFolding;

/**
 * The kinds of administrative unit as the official code lists name them, each on its level. Units are stored by the
 * key ({@code xa}, {@code to_dan_pho}); the Vietnamese label is what lists and imports show. "Thành phố" is both a
 * province-level city and a former district-level city: the level decides which.
 */
public enum UnitType {
    TINH("tỉnh", UnitLevel.PROVINCE),
    THANH_PHO_TW("thành phố", UnitLevel.PROVINCE),
    HUYEN("huyện", UnitLevel.DISTRICT),
    QUAN("quận", UnitLevel.DISTRICT),
    THI_XA("thị xã", UnitLevel.DISTRICT),
    THANH_PHO("thành phố", UnitLevel.DISTRICT),
    XA("xã", UnitLevel.COMMUNE),
    PHUONG("phường", UnitLevel.COMMUNE),
    DAC_KHU("đặc khu", UnitLevel.COMMUNE),
    THI_TRAN("thị trấn", UnitLevel.COMMUNE),
    THON("thôn", UnitLevel.VILLAGE),
    AP("ấp", UnitLevel.VILLAGE),
    BAN("bản", UnitLevel.VILLAGE),
    LANG("làng", UnitLevel.VILLAGE),
    BUON("buôn", UnitLevel.VILLAGE),
    SOC("sóc", UnitLevel.VILLAGE),
    XOM("xóm", UnitLevel.VILLAGE),
    TO_DAN_PHO("tổ dân phố", UnitLevel.VILLAGE),
    KHU_PHO("khu phố", UnitLevel.VILLAGE),
    KHU_VUC("khu vực", UnitLevel.VILLAGE);

    private final String label;
    private final UnitLevel level;

    UnitType(String label, UnitLevel level) {
        this.label = label;
        this.level = level;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public UnitLevel level() {
        return level;
    }

    /**
     * Reads a type from its key or its Vietnamese label, with or without diacritics. With a level given, only types of
     * that level match; without one, the ambiguous "thành phố" is not accepted. Answers null when nothing matches.
     */
    public static UnitType parse(String text, UnitLevel level) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String folded = TextFolding.fold(text).replace('_', ' ');
        UnitType found = null;
        for (UnitType t : values()) {
            boolean matches = t.key().replace('_', ' ').equals(folded) || TextFolding.fold(t.label).equals(folded);
            if (matches && (level == null || t.level == level)) {
                if (found != null && level == null) {
                    return null;
                }
                found = t;
            }
        }
        return found;
    }

    /** The label of a stored key, or the key itself for rows written before keys were used. */
    public static String labelOf(String key) {
        for (UnitType t : values()) {
            if (t.key().equals(key)) {
                return t.label;
            }
        }
        return key;
    }
}
