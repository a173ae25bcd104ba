package vn.hssk.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.claims.ClaimEnvelopes.bytes;
import static vn.hssk.claims.ClaimEnvelopes.envelope;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.claims.ClaimEnvelopes.Claim;
import vn.hssk.shared.ProblemException;

class ClaimEnvelopeReaderTest {

    @Test
    void aQd130EnvelopeInBase64GivesEachClaimWithItsTables() {
        Claim a = new Claim("LK-A");
        a.personalId = "001080000001";
        a.cards = "HS4010123456789;DN4010123456789";
        a.secondary = "E11;I10";
        a.commune = "00004";
        a.referral = true;
        Claim b = new Claim("LK-B");
        ClaimEnvelopeReader.Envelope e = ClaimEnvelopeReader.read(bytes(envelope("79001", true, a, b)));
        assertEquals("79001", e.facility());
        assertEquals(2, e.claims().size());
        ParsedClaim first = e.claims().get(0);
        assertFalse(first.refused(), () -> first.issues().toString());
        ClaimSummary s = first.summary();
        assertEquals(ClaimEncoding.QD130, s.encoding());
        assertEquals("LK-A", s.claimKey());
        assertEquals("001080000001", s.personalId());
        assertEquals(LocalDate.of(1980, 1, 1), s.birthDate());
        assertEquals(LocalDateTime.of(2024, 1, 15, 8, 0), s.admittedAt());
        assertEquals(List.of("HS4010123456789", "DN4010123456789"), s.bhytCards());
        assertEquals("J06.9", s.mainIcd());
        assertEquals(List.of("E11", "I10"), s.secondaryIcds());
        assertEquals("00004", s.residenceCommune());
        assertEquals("79002", s.referredTo());
        assertEquals(1, count(first, ClaimLineKind.DRUG));
        assertEquals(2, count(first, ClaimLineKind.SERVICE));
        assertEquals(1, count(first, ClaimLineKind.RESULT));
        assertEquals(1, count(first, ClaimLineKind.REFERRAL_PAPER));
        assertEquals("LK-B", e.claims().get(1).claimKey());
    }

    @Test
    void inlineTablesWithBomCrlfAndNamespacesReadTheSame() {
        Claim a = new Claim("LK-N");
        a.personalId = "001080000002";
        ClaimEnvelopeReader.Envelope inline = ClaimEnvelopeReader.read(bytes(envelope("79001", false, true, a)));
        ClaimEnvelopeReader.Envelope b64 = ClaimEnvelopeReader.read(bytes(envelope("79001", true, true, a)));
        for (ClaimEnvelopeReader.Envelope e : List.of(inline, b64)) {
            ParsedClaim c = e.claims().get(0);
            assertFalse(c.refused(), () -> c.issues().toString());
            assertEquals("001080000002", c.summary().personalId());
            assertEquals(4, c.lines().size());
        }
    }

    @Test
    void escapedXmlTextInsideNoidungfileIsATableToo() {
        String summary = "&lt;?xml version=\"1.0\"?&gt;&lt;TONG_HOP&gt;&lt;MA_LK&gt;LK-E&lt;/MA_LK&gt;"
                + "&lt;HO_TEN&gt;Trần Thị Mẫu&lt;/HO_TEN&gt;&lt;NGAY_VAO&gt;202401150800&lt;/NGAY_VAO&gt;"
                + "&lt;/TONG_HOP&gt;";
        String xml = "<GIAMDINHHS><THONGTINDONVI><MACSKCB>79001</MACSKCB></THONGTINDONVI><THONGTINHOSO>"
                + "<DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>" + summary
                + "</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>";
        ParsedClaim c = ClaimEnvelopeReader.read(bytes(xml)).claims().get(0);
        assertFalse(c.refused(), () -> c.issues().toString());
        assertEquals("79001", c.facility());
        assertEquals("Trần Thị Mẫu", c.summary().fullName());
    }

    @Test
    void theQd4210FormIsRecognisedWithItsOwnFieldsAndDateLengths() {
        Claim old = new Claim("LK-OLD").old();
        old.cards = "GD4790123456789";
        old.main = "K29";
        old.secondary = "J069;I10";
        old.birth = "19751231";
        ParsedClaim c = ClaimEnvelopeReader.read(bytes(envelope("79001", true, old))).claims().get(0);
        assertFalse(c.refused(), () -> c.issues().toString());
        ClaimSummary s = c.summary();
        assertEquals(ClaimEncoding.QD4210, s.encoding());
        assertNull(s.personalId());
        assertEquals(LocalDate.of(1975, 12, 31), s.birthDate());
        assertEquals(List.of("GD4790123456789"), s.bhytCards());
        assertEquals("K29", s.mainIcd());
        assertEquals(List.of("J06.9", "I10"), s.secondaryIcds());
    }

    @Test
    void aBirthDateWithUnknownDayIsKeptAsUnknownNotRefused() {
        Claim a = new Claim("LK-Y");
        a.birth = "19800000";
        ParsedClaim c = ClaimEnvelopeReader.read(bytes(envelope("79001", false, a))).claims().get(0);
        assertFalse(c.refused());
        assertNull(c.summary().birthDate());
    }

    @Test
    void aBrokenTableRefusesItsClaimNamingKeyAndTableAndKeepsTheOthers() {
        Claim good = new Claim("LK-GOOD");
        Claim bad = new Claim("LK-BAD").table("XML3", "bm90IHhtbCBhdCBhbGw=");
        Claim notBase64 = new Claim("LK-NB64").table("XML2", "%%%");
        ClaimEnvelopeReader.Envelope e = ClaimEnvelopeReader.read(bytes(envelope("79001", true, good, bad,
                notBase64)));
        assertFalse(e.claims().get(0).refused());
        ParsedClaim refused = e.claims().get(1);
        assertTrue(refused.refused());
        assertEquals("claims.table", refused.issues().get(0).code());
        assertEquals(List.of("LK-BAD", "XML3"), refused.issues().get(0).args().subList(0, 2));
        assertTrue(refused.issues().get(0).message().contains("LK-BAD"));
        assertEquals("XML2", e.claims().get(2).issues().get(0).args().get(1));
    }

    @Test
    void aSummaryWithoutArrivalTimeOrWithABadDateIsRefusedNamingTheField() {
        Claim a = new Claim("LK-D");
        a.in = "2024-01-15";
        ParsedClaim c = ClaimEnvelopeReader.read(bytes(envelope("79001", false, a))).claims().get(0);
        assertTrue(c.refused());
        assertEquals(List.of("LK-D", "XML1", "NGAY_VAO"), c.issues().get(0).args());
    }

    @Test
    void aClaimWithoutXml1IsNamedByTheKeyOfItsOtherTables() {
        Claim a = new Claim("LK-NOSUM").table("XML1", "");
        ParsedClaim c = ClaimEnvelopeReader.read(bytes(envelope("79001", false, a))).claims().get(0);
        assertTrue(c.refused());
        assertEquals("LK-NOSUM", c.label());
    }

    @Test
    void whatIsNotAnEnvelopeIsRefusedWhole() {
        for (String body : List.of("hello", "<html><body/></html>", "<GIAMDINHHS><THONGTINDONVI/></GIAMDINHHS>",
                "{\"MA_LK\": 1}")) {
            ProblemException e = assertThrows(ProblemException.class, () -> ClaimEnvelopeReader.read(bytes(body)));
            assertEquals(400, e.status());
            assertEquals("claims.notEnvelope", e.errors().get(0).code());
        }
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE GIAMDINHHS [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<GIAMDINHHS><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>&x;</NOIDUNGFILE></FILEHOSO>"
                + "</HOSO></GIAMDINHHS>";
        ProblemException e = assertThrows(ProblemException.class, () -> ClaimEnvelopeReader.read(bytes(xxe)));
        assertEquals("claims.notEnvelope", e.errors().get(0).code());
        String inner = java.util.Base64.getEncoder().encodeToString(bytes("<!DOCTYPE T [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><TONG_HOP><MA_LK>&x;</MA_LK></TONG_HOP>"));
        String env = "<GIAMDINHHS><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>" + inner
                + "</NOIDUNGFILE></FILEHOSO></HOSO></GIAMDINHHS>";
        ParsedClaim c = ClaimEnvelopeReader.read(bytes(env)).claims().get(0);
        assertTrue(c.refused());
        assertEquals("XML1", c.issues().get(0).args().get(1));
    }

    @Test
    void icdCodesWithoutTheDotAreWrittenAsTheCatalogDoes() {
        assertEquals("J06.9", ClaimEnvelopeReader.icd(" j069 "));
        assertEquals("K29", ClaimEnvelopeReader.icd("K29"));
        assertEquals("E11.65", ClaimEnvelopeReader.icd("E11.65"));
    }

    private static long count(ParsedClaim c, ClaimLineKind kind) {
        return c.lines().stream().filter(l -> l.kind() == kind).count();
    }
}
