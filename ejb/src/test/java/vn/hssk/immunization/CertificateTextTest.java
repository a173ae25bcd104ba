package vn.hssk.immunization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CertificateTextTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void thePublicPageSeesOnlyTheFirstAndLastThreeDigitsOfThePersonalId() {
        assertEquals("038******789", CertificateText.masked("038123456789"));
        assertEquals("******", CertificateText.masked("123456"));
        assertNull(CertificateText.masked(null));
        assertNull(CertificateText.masked(" "));
    }

    @Test
    void theCertificateServiceMasksThePersonalIdOfWhatItShowsThePublic() {
        JsonObject content = Json.createObjectBuilder().add("fullName", "Lê Văn A").add("personalId", "038123456789")
                .build();
        JsonObject shown = CertificateService.publicView(content);
        assertEquals("038******789", shown.getString("personalId"));
        assertEquals("Lê Văn A", shown.getString("fullName"));
        assertFalse(shown.toString().contains("123456789"));
        JsonObject none = Json.createObjectBuilder().add("fullName", "Lê Văn B").build();
        assertEquals(none, CertificateService.publicView(none));
    }

    @Test
    void aDoseIsNamedAsTheScheduleCountsItInTheReadersLanguage() {
        JsonObject mr = Json.createObjectBuilder().add("vaccine", "MR").add("vaccineName", "Vắc xin sởi - rubella (MR)")
                .add("vaccineNameEn", "MR (measles-rubella combined)").add("doseNumber", 1).build();
        CertificateText vi = CertificateText.of(VI);
        CertificateText en = CertificateText.of(Locale.ENGLISH);
        assertEquals("Mũi 1", vi.doseOf(mr));
        assertEquals("Dose 1", en.doseOf(mr));
        assertEquals("Vắc xin sởi - rubella (MR)", vi.vaccineName(mr));
        assertEquals("MR (measles-rubella combined)", en.vaccineName(mr));
        assertEquals("Mũi 3", CertificateText.of(null).dose(3), "Vietnamese unless English is asked for");
        assertEquals("Mũi 2", CertificateText.of(Locale.FRENCH).dose(2));
    }

    @Test
    void anOlderCertificateStillShowsWhatItStored() {
        JsonObject old = Json.createObjectBuilder().add("vaccine", "BCG").add("vaccineName", "BCG").add("dose", "1")
                .build();
        assertEquals("1", CertificateText.of(VI).doseOf(old));
        assertEquals("BCG", CertificateText.of(Locale.ENGLISH).vaccineName(old));
    }

    @Test
    void datesAreWrittenAsFormsWriteThem() {
        assertEquals("05/03/2026", CertificateText.day("2026-03-05"));
        assertEquals("", CertificateText.day(null));
        assertEquals("x", CertificateText.day("x"));
        assertTrue(CertificateText.of(VI).get("title").contains("TIÊM CHỦNG"));
        assertEquals("VACCINATION CERTIFICATE", CertificateText.of(Locale.ENGLISH).get("title"));
    }
}
