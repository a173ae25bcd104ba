package vn.hssk.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

class PlanRulesTest {

    @Test
    void periodsAreYearsMonthsOrIsoWeeks() {
        Period year = Period.parse("2024");
        assertEquals(LocalDate.of(2024, 1, 1), year.first());
        assertEquals(LocalDate.of(2025, 1, 1), year.end());
        Period month = Period.parse("2024-02");
        assertEquals(LocalDate.of(2024, 2, 29), month.last());
        Period week = Period.parse("2024-W01");
        assertEquals(LocalDate.of(2024, 1, 1), week.first());
        assertEquals(Period.Kind.WEEK, week.kind());
        assertEquals("2020-W53", Period.week(LocalDate.of(2021, 1, 1)).key());
        assertEquals("period", assertThrows(ProblemException.class, () -> Period.parse("2024-13")).field());
        assertEquals("period", assertThrows(ProblemException.class, () -> Period.parse("2023-W53")).field());
        assertEquals("period", assertThrows(ProblemException.class, () -> Period.parse("last year")).field());
    }

    @Test
    void summaryDaysAreVietnameseDays() {
        LocalDate day = LocalDate.of(2024, 1, 1);
        assertEquals(day.toEpochDay(), ProgressRepository.dayOf(Period.startOf(day)));
        assertEquals(day.toEpochDay() - 1, ProgressRepository.dayOf(Period.startOf(day).minusMillis(1)));
        assertEquals(day.plusDays(1).toEpochDay(),
                ProgressRepository.dayAfterLastInstantBefore(Period.startOf(day.plusDays(1))));
        assertEquals(day.plusDays(1).toEpochDay(),
                ProgressRepository.dayAfterLastInstantBefore(Period.startOf(day).plusSeconds(3600)));
    }

    @Test
    void achievementRunsFromTheBaselineToTheTarget() {
        assertEquals(50.0, TargetService.achieved(new BigDecimal("12"), new BigDecimal("82"), new BigDecimal("47")));
        assertEquals(100.0, TargetService.achieved(new BigDecimal("12"), new BigDecimal("82"), new BigDecimal("82")));
        assertEquals(0.0, TargetService.achieved(new BigDecimal("12"), new BigDecimal("82"), new BigDecimal("12")));
    }

    @Test
    void aQuotaTableIsReadAsACommunesPlanPrintsIt() {
        String csv = "STT;Thôn;Nhân khẩu;Chỉ tiêu lập hồ sơ sức khỏe\n1;Huệ Nghiêm;1.180;1.180\n"
                + ";Tổng cộng;7.219;7.219\n";
        List<QuotaFile.Line> lines = QuotaFile.read(csv.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(1, lines.size(), "the total line is skipped");
        assertEquals("Huệ Nghiêm", lines.get(0).village());
        assertEquals(1180, QuotaFile.number(lines.get(0).quota()));
        assertNull(QuotaFile.number(" "));
        assertThrows(NumberFormatException.class, () -> QuotaFile.number("12a"));
        assertEquals("file", assertThrows(ProblemException.class, () -> QuotaFile.read(
                "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), false)).field());
    }

    @Test
    void aProgressShareIsRoundedToOneDecimalAndNeedsAQuota() {
        assertEquals(33.3, UnitProgress.percent(1, 3));
        assertNull(UnitProgress.percent(5, 0));
    }

    @Test
    void aTaskIsOverdueOnlyWhileOpenAfterItsDeadline() {
        assertTrue(TaskStatus.IN_PROGRESS.isOpen());
        assertFalse(TaskStatus.DONE.isOpen());
        assertFalse(TaskStatus.CANCELLED.isOpen());
    }
}
