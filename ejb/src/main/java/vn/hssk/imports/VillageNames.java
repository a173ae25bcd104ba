package vn.hssk.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.shared.TextFolding;

/**
 * Finds the village a row names, among the current villages of the caller's communes: by its code, or by its name as
 * the population register writes it ("Thôn Hòa Đông", "Hoà Đông", "hoa dong": diacritics, both tone-mark styles, case
 * and the type word thôn/ấp/bản/làng/tổ dân phố... do not matter), within the row's commune when the file gives one.
 * A name two villages of the communes share is ambiguous and finds none.
 */
public final class VillageNames {

    /** A current village the caller may import into. */
    public record Village(long id, String code, String communeCode, String name) {
    }

    /** What a row's village cell found: the village, or why none. */
    public record Match(Village village, boolean ambiguous) {

        public boolean found() {
            return village != null;
        }
    }

    private final Map<String, Village> byCode = new HashMap<>();
    private final Map<String, List<Village>> byName = new HashMap<>();

    public VillageNames(List<Village> villages) {
        villages.forEach(this::add);
    }

    public void add(Village v) {
        byCode.put(v.code(), v);
        byName.computeIfAbsent(TextFolding.foldPlaceName(v.name()), k -> new ArrayList<>()).add(v);
    }

    /** The village of {@code text} (a code or a name) in {@code communeCode}, or in any commune when that is null. */
    public Match match(String communeCode, String text) {
        Village coded = byCode.get(text);
        if (coded != null && (communeCode == null || communeCode.equals(coded.communeCode()))) {
            return new Match(coded, false);
        }
        if (communeCode != null && byCode.get(communeCode + "-" + text) != null) {
            return new Match(byCode.get(communeCode + "-" + text), false);
        }
        List<Village> named = byName.getOrDefault(TextFolding.foldPlaceName(text), List.of()).stream()
                .filter(v -> communeCode == null || communeCode.equals(v.communeCode())).toList();
        return named.size() == 1 ? new Match(named.get(0), false) : new Match(null, named.size() > 1);
    }
}
