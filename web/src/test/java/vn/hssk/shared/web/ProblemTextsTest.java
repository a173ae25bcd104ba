package vn.hssk.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.hssk.household.Sex;
import vn.hssk.immunization.AgeSpan;
import vn.hssk.immunization.DoseSource;
import vn.hssk.immunization.ScheduleCheck;
import vn.hssk.immunization.ScheduleDose;
import vn.hssk.immunization.ScheduleDoseDetails;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineDetails;
import vn.hssk.immunization.VaccineLot;
import vn.hssk.record.HistoryCategory;
import vn.hssk.record.HistoryItem;
import vn.hssk.record.HistoryItemDetails;
import vn.hssk.record.Person;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDetails;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * Real refusals of the services' rules, said by the bundles: in English exactly as the services state them (API users
 * and tests read that text), in Vietnamese with every argument filled in and field names in words.
 */
class ProblemTextsTest {

    private static final LocalDate TODAY = FieldCheck.today();
    private static final LocalDate BIRTH = TODAY.minusMonths(6);

    @Test
    void scheduleRefusalsAreSaidInBothLanguages() {
        Vaccine dpt = new Vaccine(new VaccineDetails("DPT-VGB-HIB", "DPT-VGB-Hib", "diphtheria", null, 10), "t");
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(check(dpt, 1, BIRTH.plusMonths(2).minusDays(1), dose(dpt, 1, new AgeSpan(2, 0), null),
                List.of()));
        LocalDate first = BIRTH.plusMonths(2);
        errors.addAll(check(dpt, 2, first.plusDays(20), dose(dpt, 2, null, new AgeSpan(1, 0)),
                List.of(new ScheduleCheck.Recorded(1, first))));
        errors.addAll(check(dpt, 2, first.plusDays(20), dose(dpt, 2, new AgeSpan(12, 0), new AgeSpan(0, 28)),
                List.of(new ScheduleCheck.Recorded(1, first))));
        errors.addAll(check(dpt, 3, BIRTH.plusMonths(4), dose(dpt, 3, null, new AgeSpan(0, 7)), List.of()));
        errors.addAll(check(dpt, 7, BIRTH.plusMonths(3), null, List.of()));
        errors.addAll(check(dpt, 0, BIRTH.plusMonths(3), null, List.of()));
        errors.addAll(check(dpt, 1, BIRTH.minusDays(1), null, List.of()));
        errors.addAll(check(dpt, 1, TODAY.plusDays(1), null, List.of()));
        errors.addAll(check(dpt, 1, null, null, List.of()));
        assertEquals(9, errors.size(), errors::toString);
        assertSaidInBoth(errors);

        String tooEarly = ProblemTexts.message(errors.get(0), ProblemTexts.VIETNAMESE);
        assertTrue(tooEarly.startsWith("Mũi 1 vắc xin DPT-VGB-HIB tiêm trước tuổi tối thiểu 2 tháng (từ ngày "),
                tooEarly);
        assertTrue(ProblemTexts.message(errors.get(2), ProblemTexts.VIETNAMESE).contains("1 năm"));
    }

    @Test
    void vaccineLotAndScheduleRowRefusalsAreSaidInBothLanguages() {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(refusal(() -> new Vaccine(new VaccineDetails("BCG 2", " ", "", null, 60), "t")));
        Vaccine bcg = new Vaccine(new VaccineDetails("BCG", "BCG", "tuberculosis", null, 20), "t");
        bcg.activate(false, "t");
        errors.addAll(refusal(() -> new VaccineLot(bcg, " ", TODAY.minusDays(3), 0, TODAY.minusDays(1), "t")));
        errors.addAll(refusal(() -> new ScheduleDose(bcg, new ScheduleDoseDetails(2, null, null, null, null, null,
                null, true, TODAY, TODAY.minusDays(1), null, null, null), null, "t")));
        ScheduleDose row = new ScheduleDose(bcg, new ScheduleDoseDetails(1, null, null, null, null, null, null, true,
                TODAY, null, null, null, null), null, "t");
        errors.addAll(refusal(() -> row.end(TODAY.minusDays(1), "t")));
        errors.addAll(refusal(() -> row.end(null, "t")));
        assertEquals(12, errors.size(), errors::toString);
        assertSaidInBoth(errors);
        assertTrue(errors.stream().map(e -> ProblemTexts.message(e, ProblemTexts.VIETNAMESE))
                .anyMatch(m -> m.equals("Số lô: bắt buộc phải nhập")), errors::toString);
    }

    @Test
    void visitAndHistoryRefusalsAreSaidInBothLanguages() {
        AdministrativeUnit province = new AdministrativeUnit("38", "Thanh Hóa", UnitLevel.PROVINCE, "tinh", null,
                TODAY.minusYears(1), "t");
        AdministrativeUnit commune = new AdministrativeUnit("16279", "Xã Quảng Đại", UnitLevel.COMMUNE, "xa",
                province, TODAY.minusYears(1), "t");
        AdministrativeUnit village = new AdministrativeUnit("16279-01", "Thôn Một", UnitLevel.VILLAGE, "thon",
                commune, TODAY.minusYears(1), "t");
        Person person = new Person(new PersonDetails("Lê Văn Khám", Sex.MALE, LocalDate.of(1985, 5, 5),
                "038085000123", null, null, null, null, null, null, null, null, null, null, null), village, "t");
        person.voidRecord("thử", "t");
        VisitDetails visit = new VisitDetails(LocalDate.of(1980, 1, 1), null, null, 300, new BigDecimal("37.55"), 120,
                130, null, new BigDecimal("170"), new BigDecimal("2"), null, null,
                List.of(new VisitDetails.TestDetails(null, " ", null)), List.of("Z99.99"), null, null);
        List<FieldError> errors = new ArrayList<>(refusal(() -> new Visit(person, visit,
                code -> java.util.Optional.empty(), "t")));
        errors.addAll(refusal(() -> person.voidRecord("again", "t")));
        errors.addAll(refusal(() -> new HistoryItem(new HistoryItemDetails(HistoryCategory.HABIT, "a b", "Hút thuốc",
                null, null, List.of("X", "X"), null, BigDecimal.TEN, BigDecimal.ONE, true, true, false, false, false,
                null), "t")));
        assertEquals(12, errors.size(), errors::toString);
        assertSaidInBoth(errors);
        List<String> vi = errors.stream().map(e -> ProblemTexts.message(e, ProblemTexts.VIETNAMESE)).toList();
        assertTrue(vi.contains("Mạch phải từ 20 đến 250 lần/phút"), vi::toString);
        assertTrue(vi.contains("Tên xét nghiệm: bắt buộc phải nhập"), "a field of a list in words: " + vi);
        assertTrue(vi.contains("Hồ sơ sức khỏe này đã bị hủy: thử"), vi::toString);
    }

    @Test
    void agesAreSaidAsTheScheduleSaysThem() {
        for (AgeSpan span : List.of(new AgeSpan(0, 0), new AgeSpan(1, 0), new AgeSpan(2, 0), new AgeSpan(12, 0),
                new AgeSpan(24, 0), new AgeSpan(18, 0), new AgeSpan(0, 1), new AgeSpan(0, 3), new AgeSpan(0, 7),
                new AgeSpan(0, 28), new AgeSpan(1, 14), new AgeSpan(12, 1))) {
            FieldError e = tooSoon(span, "Dose 2 of OPV is sooner than " + span.describe()
                    + " after dose 1 (from 01/01/2026): give a reason to record it anyway");
            assertEquals(e.message(), ProblemTexts.message(e, Locale.ENGLISH), span::toString);
        }
        assertEquals("Mũi 2 vắc xin OPV tiêm chưa đủ 1 tháng 2 tuần sau mũi 1 (từ ngày 01/01/2026): hãy ghi lý do nếu"
                + " vẫn ghi nhận", ProblemTexts.message(tooSoon(new AgeSpan(1, 14), ""), ProblemTexts.VIETNAMESE));
    }

    private static FieldError tooSoon(AgeSpan span, String message) {
        return FieldError.coded("overrideReason", "dose.tooSoon", message, 2, "OPV", span.argument(), 1,
                "01/01/2026");
    }

    @Test
    void anUnknownCodeKeepsTheEnglishMessage() {
        FieldError unknown = FieldError.coded("x", "no.such.code", "As the service says it");
        assertEquals("As the service says it", ProblemTexts.message(unknown, ProblemTexts.VIETNAMESE));
        assertEquals("As the service says it", ProblemTexts.message(new FieldError("x", "As the service says it"),
                ProblemTexts.VIETNAMESE));
    }

    private static ScheduleDose dose(Vaccine v, int number, AgeSpan minimumAge, AgeSpan interval) {
        return new ScheduleDose(v, new ScheduleDoseDetails(number, null, null, null, null, minimumAge, interval,
                true, LocalDate.of(2024, 8, 1), null, null, null, null), null, "t");
    }

    private static List<FieldError> check(Vaccine v, int number, LocalDate on, ScheduleDose schedule,
                                          List<ScheduleCheck.Recorded> recorded) {
        return ScheduleCheck.errors(v.getCode(), BIRTH, number, on, schedule, true, recorded, DoseSource.GIVEN,
                null);
    }

    private static List<FieldError> refusal(Runnable rule) {
        ProblemException refused = assertThrows(ProblemException.class, rule::run);
        return refused.errors();
    }

    private static void assertSaidInBoth(List<FieldError> errors) {
        for (FieldError e : errors) {
            assertNotNull(e.code(), () -> "a code for " + e);
            Supplier<String> which = () -> e.code() + " " + e.args();
            assertEquals(e.message(), ProblemTexts.message(e, Locale.ENGLISH), which);
            String vi = ProblemTexts.message(e, ProblemTexts.VIETNAMESE);
            assertNotEquals(e.message(), vi, which);
            assertFalse(vi.contains("{") || vi.contains("age:"), () -> which.get() + ": " + vi);
        }
    }
}
