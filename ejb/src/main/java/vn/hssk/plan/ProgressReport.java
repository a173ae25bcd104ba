package vn.hssk.plan;

import vn.hssk.shared.SpreadsheetCells;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hssk.shared.Numbers;
import vn.hssk.shared.ReportPdf;

/**
 * The commune's progress report for the provincial health department, as XLSX (fastexcel) and PDF (OpenPDF, with
 * an embedded Unicode font so Vietnamese prints correctly): the villages' quota, records created, share reached,
 * records this week and in the period, pace and forecast, then the records of each recent week.
 */
final class ProgressReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Whole numbers and one-decimal shares in XLSX: Excel shows the separators of the reader's language. */
    private static final String COUNT_FORMAT = "#,##0";
    private static final String DECIMAL_FORMAT = "#,##0.0";

    private final CommuneDashboard d;
    private final Locale locale;
    private final ResourceBundle text;
    private final String preparedBy;

    ProgressReport(CommuneDashboard dashboard, Locale locale, String preparedBy) {
        this.d = dashboard;
        Locale l = Numbers.english(locale) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        this.locale = l;
        this.text = ResourceBundle.getBundle("vn.hssk.plan.report", l, ProgressReport.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.preparedBy = preparedBy;
    }

    private String t(String key) {
        return text.getString(key);
    }

    private List<String> columns() {
        return List.of(t("number"), t("village"), t("population"), t("quota"), t("created"), t("percent"),
                t("thisWeek"), t("inPeriod"), t("perWeek"), t("forecast"));
    }

    private String forecast(CommuneDashboard.Line line) {
        return line.met() ? t("met") : line.forecast() == null ? t("none") : DAY.format(line.forecast());
    }

    private String count(long n) {
        return Numbers.count(n, locale);
    }

    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "hssk", "1.0");
            Worksheet ws = wb.newWorksheet(t("sheet"));
            ws.value(0, 0, t("title"));
            ws.style(0, 0).bold().set();
            ws.value(1, 0, t("commune") + ": " + d.communeName() + " (" + d.communeCode() + ")");
            ws.value(2, 0, t("period") + ": " + d.period().key() + " (" + DAY.format(d.period().first()) + " – "
                    + DAY.format(d.period().last()) + ")");
            ws.value(3, 0, t("made") + ": " + DAY.format(d.today()) + " · " + t("madeBy") + ": " + preparedBy);
            int row = 5;
            List<String> columns = columns();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(row, c, columns.get(c));
                ws.style(row, c).bold().fillColor("DDEBF7").set();
            }
            int n = 1;
            for (CommuneDashboard.Line line : d.villages()) {
                row++;
                xlsxLine(ws, row, String.valueOf(n++), line);
            }
            row++;
            xlsxLine(ws, row, "", d.total());
            for (int c = 0; c < columns.size(); c++) {
                String format = c == 5 || c == 8 ? DECIMAL_FORMAT : c >= 2 && c <= 7 ? COUNT_FORMAT : null;
                if (format == null) {
                    ws.style(row, c).bold().set();
                } else {
                    ws.style(row, c).bold().format(format).set();
                }
            }
            ws.value(row, 1, t("total"));
            ws.value(row + 2, 0, t("note"));
            ws.width(1, 22);
            ws.width(9, 18);

            Worksheet weeks = wb.newWorksheet(t("sheetWeeks"));
            weeks.value(0, 0, t("weekOf"));
            weeks.style(0, 0).bold().set();
            for (int v = 0; v < d.villages().size(); v++) {
                weeks.value(0, v + 1, SpreadsheetCells.text(d.villages().get(v).name()));
                weeks.style(0, v + 1).bold().set();
            }
            weeks.value(0, d.villages().size() + 1, t("total"));
            weeks.style(0, d.villages().size() + 1).bold().set();
            for (int w = 0; w < d.weekStarts().size(); w++) {
                weeks.value(w + 1, 0, DAY.format(d.weekStarts().get(w)));
                for (int v = 0; v < d.villages().size(); v++) {
                    weeks.value(w + 1, v + 1, d.villages().get(v).weekly()[w]);
                    weeks.style(w + 1, v + 1).format(COUNT_FORMAT).set();
                }
                weeks.value(w + 1, d.villages().size() + 1, d.total().weekly()[w]);
                weeks.style(w + 1, d.villages().size() + 1).format(COUNT_FORMAT).set();
            }
            weeks.width(0, 14);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void xlsxLine(Worksheet ws, int row, String number, CommuneDashboard.Line line) {
        ws.value(row, 0, number);
        ws.value(row, 1, SpreadsheetCells.text(line.name()));
        ws.value(row, 2, line.population());
        ws.value(row, 3, line.quota());
        ws.value(row, 4, line.created());
        if (line.percent() != null) {
            ws.value(row, 5, line.percent());
        }
        ws.value(row, 6, line.createdThisWeek());
        ws.value(row, 7, line.createdInPeriod());
        ws.value(row, 8, line.perWeek());
        ws.value(row, 9, forecast(line));
        for (int c : new int[] {2, 3, 4, 6, 7}) {
            ws.style(row, c).format(COUNT_FORMAT).set();
        }
        ws.style(row, 5).format(DECIMAL_FORMAT).set();
        ws.style(row, 8).format(DECIMAL_FORMAT).set();
    }

    byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            ReportPdf.Fonts fonts = ReportPdf.open(doc, out, t("title"), 9);
            Font normal = fonts.normal();
            Font small = fonts.small();
            doc.add(new Paragraph(t("recipient"), normal));
            doc.add(new Paragraph(t("commune") + ": " + d.communeName() + " (" + d.communeCode() + ")", normal));
            doc.add(new Paragraph(t("period") + ": " + d.period().key() + " (" + DAY.format(d.period().first())
                    + " – " + DAY.format(d.period().last()) + ") · " + t("year") + ": " + d.year(), normal));
            doc.add(new Paragraph(t("made") + ": " + DAY.format(d.today()) + " · " + t("madeBy") + ": "
                    + preparedBy, normal));
            doc.add(new Paragraph(" ", normal));
            List<String> columns = columns();
            PdfPTable table = new PdfPTable(columns.size());
            table.setWidthPercentage(100);
            table.setWidths(new float[] {4, 16, 9, 9, 10, 8, 9, 9, 9, 12});
            for (String c : columns) {
                table.addCell(ReportPdf.header(c, small));
            }
            int n = 1;
            for (CommuneDashboard.Line line : d.villages()) {
                pdfLine(table, String.valueOf(n++), line.name(), line, small);
            }
            pdfLine(table, "", t("total"), d.total(), small);
            doc.add(table);
            doc.add(new Paragraph(" ", normal));
            doc.add(new Paragraph(t("weekly"), normal));
            PdfPTable weeks = new PdfPTable(d.weekStarts().size() + 1);
            weeks.setWidthPercentage(100);
            weeks.addCell(new Phrase(t("village"), small));
            for (LocalDate w : d.weekStarts()) {
                weeks.addCell(new Phrase(DateTimeFormatter.ofPattern("dd/MM").format(w), small));
            }
            for (CommuneDashboard.Line line : d.villages()) {
                weeks.addCell(new Phrase(line.name(), small));
                for (long c : line.weekly()) {
                    weeks.addCell(new Phrase(count(c), small));
                }
            }
            weeks.addCell(new Phrase(t("total"), small));
            for (long c : d.total().weekly()) {
                weeks.addCell(new Phrase(count(c), small));
            }
            doc.add(weeks);
            doc.add(new Paragraph(" ", normal));
            doc.add(new Paragraph(t("note"), small));
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void pdfLine(PdfPTable table, String number, String name, CommuneDashboard.Line line, Font font) {
        for (String value : List.of(number, name, count(line.population()), count(line.quota()),
                count(line.created()), Numbers.decimal(line.percent(), locale), count(line.createdThisWeek()),
                count(line.createdInPeriod()), Numbers.decimal(line.perWeek(), locale), forecast(line))) {
            table.addCell(new Phrase(value, font));
        }
    }
}
