package vn.hssk.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TenantCodeTest {

    @Test
    void schemaIsNamedAfterTheCode() {
        assertEquals("hssk_t38", new TenantCode("38").schema());
    }

    @Test
    void anythingButTwoDigitsIsRefused() {
        for (String bad : new String[] {null, "", "3", "380", "3a", "38;", "38 ", "٣٨"}) {
            assertThrows(IllegalArgumentException.class, () -> new TenantCode(bad), String.valueOf(bad));
        }
    }
}
