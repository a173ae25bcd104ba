package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

class ImportLimitsTest {

    @AfterEach
    void defaultLimit() {
        System.clearProperty("hssk.import.max-bytes");
    }

    @Test
    void theDefaultLimitIsTwoHundredMegabytes() {
        assertEquals(200L * 1024 * 1024, ImportLimits.maxBytes());
        assertEquals(200, ImportLimits.maxMegabytes());
    }

    @Test
    void aStreamUpToTheLimitIsReadWholeAndOneByteMoreIsRefusedWith413NamingTheLimit() throws Exception {
        System.setProperty("hssk.import.max-bytes", String.valueOf(3L * 1024 * 1024));
        byte[] exactly = new byte[3 * 1024 * 1024];
        try (InputStream in = ImportLimits.limited(new ByteArrayInputStream(exactly))) {
            assertEquals(exactly.length, in.readAllBytes().length);
        }
        byte[] over = new byte[exactly.length + 1];
        ProblemException e = assertThrows(ProblemException.class, () -> {
            try (InputStream in = ImportLimits.limited(new ByteArrayInputStream(over))) {
                in.readAllBytes();
            }
        });
        assertEquals(413, e.status());
        assertEquals("file", e.field());
        assertEquals("import.tooLarge", e.errors().get(0).code());
        assertEquals("3", e.errors().get(0).args().get(0));
    }
}
