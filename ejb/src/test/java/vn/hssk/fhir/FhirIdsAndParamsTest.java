package vn.hssk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

class FhirIdsAndParamsTest {

    @Test
    void idsReadBackIntoRowsOfTheirOwnProvinceOnly() {
        assertEquals("38-1042", Fhir.id("38", 1042));
        assertEquals(OptionalLong.of(1042), Fhir.rowId("38", "38-1042"));
        assertTrue(Fhir.rowId("92", "38-1042").isEmpty(), "another province's id is no row here");
        assertTrue(Fhir.rowId("3", "38-1042").isEmpty(), "a code that is a prefix of another is not confused");
        assertTrue(Fhir.rowId("38", "38-77-bp").isEmpty(), "an id with a part is not a row id");
        assertTrue(Fhir.rowId("38", "38-").isEmpty());
        assertTrue(Fhir.rowId("38", "38-12a").isEmpty());
        assertTrue(Fhir.rowId("38", "38-1 OR 1=1").isEmpty());
        assertEquals(new Fhir.PartId(77, "bp"), Fhir.partId("38", "38-77-bp"));
        assertNull(Fhir.partId("38", "38-77"));
        assertEquals(OptionalLong.of(5), Fhir.referenced("38", "Patient", "Patient/38-5"));
        assertEquals(OptionalLong.of(5), Fhir.referenced("38", "Patient", "http://x/fhir/Patient/38-5"));
        assertTrue(Fhir.referenced("38", "Patient", "Organization/38-5").isEmpty());
    }

    @Test
    void datesTakePrefixesAndYearsMonthsOrDays() {
        FhirParams p = new FhirParams("Patient", Map.of("birthdate", List.of("2026-02"),
                "date", List.of("ge2025", "lt2026-03-01")));
        FhirParams.DateRange month = p.dateRanges("birthdate").get(0);
        assertEquals(LocalDate.of(2026, 2, 1), month.from());
        assertEquals(LocalDate.of(2026, 2, 28), month.to());
        List<FhirParams.DateRange> both = p.dateRanges("date");
        assertTrue(both.stream().allMatch(r -> r.contains(LocalDate.of(2026, 2, 28))));
        assertFalse(both.stream().allMatch(r -> r.contains(LocalDate.of(2026, 3, 1))));
        assertFalse(both.stream().allMatch(r -> r.contains(LocalDate.of(2024, 12, 31))));
        ProblemException bad = assertThrows(ProblemException.class,
                () -> new FhirParams("Patient", Map.of("birthdate", List.of("15/01/1990"))).dateRanges("birthdate"));
        assertEquals("birthdate", bad.field());
        assertThrows(ProblemException.class,
                () -> new FhirParams("Patient", Map.of("birthdate", List.of("sa2020"))).dateRanges("birthdate"));
    }

    @Test
    void tokensSplitOnTheirBar() {
        assertEquals(new FhirParams.Token("https://fhir.hssk.vn/sid/ma-so-bhxh", "0123456789"),
                FhirParams.token("https://fhir.hssk.vn/sid/ma-so-bhxh|0123456789"));
        assertEquals(new FhirParams.Token(null, "0123456789"), FhirParams.token("|0123456789"));
        assertEquals(new FhirParams.Token(null, "038090000001"), FhirParams.token("038090000001"));
    }
}
