package vn.hssk.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;

class CareListReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    private static CareList list() {
        CareList.Item dose = new CareList.Item(CareList.Kind.VACCINATION, "DPT-VGB-Hib", "Vắc xin 5 trong 1",
                "Pentavalent", "mũi 2", CareRules.Status.OVERDUE, LocalDate.of(2026, 11, 1), null, false);
        CareList.Item htn = new CareList.Item(CareList.Kind.PROGRAMME, "HTN", "Tăng huyết áp", "Hypertension", null,
                CareRules.Status.UPCOMING, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 11, 9), false);
        CareList.Household h = new CareList.Household(7L, "16279-01-001", "Lê Văn Nam", "Thôn 1",
                List.of(new CareList.Member(1, "Lê Văn Nam", Sex.MALE, LocalDate.of(1960, 1, 2),
                                MemberRelation.HEAD, List.of(htn)),
                        new CareList.Member(2, "Lê Minh An", Sex.MALE, LocalDate.of(2026, 6, 1),
                                MemberRelation.GRANDCHILD, List.of(dose))));
        CareList.Household none = new CareList.Household(null, null, null, null,
                List.of(new CareList.Member(3, "Trần Thị Lan", Sex.FEMALE, LocalDate.of(1950, 5, 5), null,
                        List.of(htn, dose))));
        return new CareList(9, "16279-01", "Thôn 1", "Quảng Đại", DAY, List.of(h, none));
    }

    @Test
    void oneLinePerThingDueWithHouseholdAndMemberOnTheirFirstLine() {
        List<List<String>> rows = new CareListReport(list(), Locale.forLanguageTag("vi"), "staff").rows();
        assertEquals(4, rows.size());
        assertEquals(List.of("1", "16279-01-001 (Lê Văn Nam) – Thôn 1", "Lê Văn Nam", "02/01/1960", "Nam",
                "Tăng huyết áp (chưa quản lý)", "09/12/2026", "Sắp đến hạn", "09/11/2026"), rows.get(0));
        assertEquals(List.of("", "", "Lê Minh An", "01/06/2026", "Nam", "Tiêm chủng: Vắc xin 5 trong 1 mũi 2",
                "01/11/2026", "Quá hạn", ""), rows.get(1));
        assertEquals("Chưa thuộc hộ nào", rows.get(2).get(1));
        assertEquals("", rows.get(3).get(2), "the member is named on their first line only");
    }

    @Test
    void englishForAnEnglishReader() {
        List<List<String>> rows = new CareListReport(list(), Locale.ENGLISH, "staff").rows();
        assertEquals("Hypertension (not enrolled)", rows.get(0).get(5));
        assertEquals("Upcoming", rows.get(0).get(7));
    }

    @Test
    void pdfAndXlsxAreMade() {
        CareListReport report = new CareListReport(list(), Locale.forLanguageTag("vi"), "staff");
        byte[] pdf = report.pdf();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        byte[] xlsx = report.xlsx();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        assertEquals("cham-soc-16279-01-2026-12-05.pdf", report.fileName("pdf"));
    }
}
