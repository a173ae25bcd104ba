package vn.hssk.tenant;

import java.util.regex.Pattern;

/**
 * The official two-digit code of a province-level unit (QĐ 19/2025/QĐ-TTg). It names the tenant and, through
 * {@link #schema()}, the tenant's database schema; nothing else may be used to build a schema name, so a value that is
 * not two digits can never reach SQL.
 */
public record TenantCode(String value) {

    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

    public static final String SCHEMA_PREFIX = "hssk_t";

    public TenantCode {
        if (value == null || !TWO_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("A province code is exactly two digits, got: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && TWO_DIGITS.matcher(value).matches();
    }

    public String schema() {
        return SCHEMA_PREFIX + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
