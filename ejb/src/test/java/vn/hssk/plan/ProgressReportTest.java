package vn.hssk.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The progress report writes its numbers as the screens do: 7.219 and 10,5 in Vietnamese, 7,219 and 10.5 in English. */
class ProgressReportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static CommuneDashboard dashboard() {
        List<LocalDate> weeks = List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
        CommuneDashboard.Line east = new CommuneDashboard.Line(1, "24101-01", "Thôn Đông", 8000, 7200, 1234, 17.1,
                0, 1234, new long[] {0, 0}, new long[] {1234, 1234}, 0.0, null, false);
        CommuneDashboard.Line west = new CommuneDashboard.Line(2, "24101-02", "Thôn Tây", 25, 19, 2, 10.5, 2, 2,
                new long[] {0, 2}, new long[] {0, 2}, 13.75, TODAY.plusDays(60), false);
        CommuneDashboard.Line total = new CommuneDashboard.Line(0, "24101", "Tổng", 8025, 7219, 1236, 17.1, 2,
                1236, new long[] {0, 2}, new long[] {1234, 1236}, 13.75, null, false);
        return new CommuneDashboard(0, "24101", "Xã Đầu", 2026, TODAY, Period.year(2026), weeks, total,
                List.of(east, west));
    }

    private static String pdfText(Locale locale) throws IOException {
        PdfReader reader = new PdfReader(new ProgressReport(dashboard(), locale, "tester").pdf());
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    void thePdfWritesVietnameseNumbersInVietnamese() throws IOException {
        String text = pdfText(Locale.forLanguageTag("vi"));
        assertTrue(text.contains("7.219") && text.contains("8.025") && text.contains("1.234"), text);
        assertTrue(text.contains("10,5") && text.contains("13,8"), text);
        assertTrue(!text.contains("7219") && !text.contains("13.75"), text);
    }

    @Test
    void thePdfWritesEnglishNumbersInEnglish() throws IOException {
        String text = pdfText(Locale.ENGLISH);
        assertTrue(text.contains("7,219") && text.contains("10.5") && text.contains("13.8"), text);
    }

    @Test
    void theSheetKeepsNumbersAsNumbersWithFormatsExcelShowsInTheReadersLanguage() throws IOException {
        byte[] xlsx = new ProgressReport(dashboard(), Locale.forLanguageTag("vi"), "tester").xlsx();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row total = rows.stream().filter(r -> r.getCellCount() > 3 && r.getCell(3) != null
                    && r.getCell(3).getType() == CellType.NUMBER
                    && r.getCell(3).asNumber().compareTo(BigDecimal.valueOf(7219)) == 0).findFirst().orElseThrow();
            Cell quota = total.getCell(3);
            assertEquals("#,##0", quota.getDataFormatString(), "a whole number with Excel's thousands separator");
            assertEquals("#,##0.0", total.getCell(5).getDataFormatString(), "a share with one decimal");
        }
    }
}
