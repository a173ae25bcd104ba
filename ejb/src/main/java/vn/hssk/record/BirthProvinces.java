package vn.hssk.record;

import java.util.Set;
import java.util.stream.Collectors;
import vn.hssk.tenant.Catalogs;

/**
 * The 3-digit province codes of birth registration that open a personal ID, read once from the shipped catalog
 * {@code catalogs/cccd-province-codes.csv}. The list was frozen before the 2025 merge, so it only feeds a warning.
 */
final class BirthProvinces {

    static final String CATALOG = "catalogs/cccd-province-codes.csv";

    private static final class Holder {
        private static final Set<String> CODES = Catalogs.read(CATALOG).stream()
                .map(r -> r.get("code").strip()).collect(Collectors.toUnmodifiableSet());
    }

    private BirthProvinces() {
    }

    static Set<String> codes() {
        return Holder.CODES;
    }
}
