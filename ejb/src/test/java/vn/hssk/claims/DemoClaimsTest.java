package vn.hssk.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoClaimsTest {

    @Test
    void theDemoEnvelopeReadsWithoutIssue() {
        String xml = DemoClaims.envelope(List.of(
                DemoClaims.claim("DEMO-1", "Lê Văn Mẫu", "038080000001", "19800101", "I10", "E11"),
                DemoClaims.claim("DEMO-4", "Người Không Có Hồ Sơ", null, "19700101", "K29", null)));
        ClaimEnvelopeReader.Envelope e = ClaimEnvelopeReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, e.claims().size());
        for (ParsedClaim c : e.claims()) {
            assertFalse(c.refused(), () -> c.issues().toString());
            assertEquals(1, c.lines().size());
        }
        assertEquals(List.of("E11"), e.claims().get(0).summary().secondaryIcds());
    }
}
