package vn.hssk.care;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hssk.shared.Numbers;
import vn.hssk.shared.ReportPdf;
import vn.hssk.shared.SpreadsheetCells;

/**
 * A village's care list printed (PDF, A4 landscape, Unicode font embedded) or exported (XLSX) for the station and the
 * village health worker who visits the households: one line per thing due, household and member written on their
 * first line only. Vietnamese unless the reader asked for English; dates dd/MM/yyyy.
 */
public final class CareListReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CareList list;
    private final Locale locale;
    private final ResourceBundle text;
    private final String preparedBy;

    public CareListReport(CareList list, Locale locale, String preparedBy) {
        this.list = list;
        this.locale = Numbers.english(locale) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        this.text = ResourceBundle.getBundle("vn.hssk.care.report", this.locale,
                CareListReport.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.preparedBy = preparedBy;
    }

    private String t(String key) {
        return text.getString(key);
    }

    private List<String> columns() {
        return List.of(t("number"), t("household"), t("member"), t("birthDate"), t("sex"), t("task"), t("dueOn"),
                t("status"), t("lastContact"));
    }

    /** The table's rows as text, in the order printed. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (CareList.Household h : list.households()) {
            n++;
            boolean firstOfHousehold = true;
            for (CareList.Member m : h.members()) {
                boolean firstOfMember = true;
                for (CareList.Item i : m.items()) {
                    rows.add(List.of(firstOfHousehold ? String.valueOf(n) : "",
                            firstOfHousehold ? household(h) : "",
                            firstOfMember ? m.fullName() : "",
                            firstOfMember ? DAY.format(m.birthDate()) : "",
                            firstOfMember ? t("sex." + m.sex().name()) : "",
                            task(i), i.dueOn() == null ? "" : DAY.format(i.dueOn()),
                            t("status." + i.status().name()),
                            i.lastContact() == null ? "" : DAY.format(i.lastContact())));
                    firstOfHousehold = false;
                    firstOfMember = false;
                }
            }
        }
        return rows;
    }

    private String household(CareList.Household h) {
        if (h.id() == null) {
            return t("noHousehold");
        }
        return h.code() + " (" + h.headName() + ")" + (h.address() == null ? "" : " – " + h.address());
    }

    private String task(CareList.Item i) {
        if (i.kind() == CareList.Kind.VACCINATION) {
            return t("vaccination") + ": " + i.name(locale) + (i.detail() == null ? "" : " " + i.detail());
        }
        return i.name(locale) + (i.enrolled() ? "" : " (" + t("notEnrolled") + ")");
    }

    private String heading() {
        return t("village") + ": " + list.villageName() + " (" + list.villageCode() + ")"
                + (list.communeName() == null ? "" : " · " + t("commune") + ": " + list.communeName());
    }

    private String made() {
        return t("asOf") + ": " + DAY.format(list.asOf()) + " · " + t("madeBy") + ": " + preparedBy;
    }

    private String summary() {
        return MessageFormat.format(t("summary"), Numbers.count(list.households().size(), locale),
                Numbers.count(list.memberCount(), locale));
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "hssk", "1.0");
            Worksheet ws = wb.newWorksheet(t("sheet"));
            ws.value(0, 0, t("title"));
            ws.style(0, 0).bold().set();
            ws.value(1, 0, SpreadsheetCells.text(heading()));
            ws.value(2, 0, SpreadsheetCells.text(made()));
            ws.value(3, 0, summary());
            int row = 5;
            List<String> columns = columns();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(row, c, columns.get(c));
                ws.style(row, c).bold().fillColor("DDEBF7").set();
            }
            for (List<String> line : rows()) {
                row++;
                for (int c = 0; c < line.size(); c++) {
                    if (!line.get(c).isEmpty()) {
                        ws.value(row, c, SpreadsheetCells.text(line.get(c)));
                    }
                }
            }
            ws.width(1, 36);
            ws.width(2, 24);
            ws.width(5, 36);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            ReportPdf.Fonts fonts = ReportPdf.open(doc, out, t("title"), 8.5f);
            Font normal = fonts.normal();
            Font small = fonts.small();
            doc.add(new Paragraph(heading(), normal));
            doc.add(new Paragraph(made(), normal));
            doc.add(new Paragraph(summary(), normal));
            doc.add(new Paragraph(" ", normal));
            List<List<String>> rows = rows();
            if (rows.isEmpty()) {
                doc.add(new Paragraph(t("empty"), normal));
            } else {
                List<String> columns = columns();
                PdfPTable table = new PdfPTable(columns.size());
                table.setWidthPercentage(100);
                table.setWidths(new float[] {4, 20, 14, 8, 5, 22, 8, 8, 8});
                table.setHeaderRows(1);
                for (String c : columns) {
                    table.addCell(ReportPdf.header(c, small));
                }
                for (List<String> line : rows) {
                    for (String c : line) {
                        table.addCell(new Phrase(c, small));
                    }
                }
                doc.add(table);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    /** The file name of an export, e.g. {@code cham-soc-16279-01-2026-12-05.pdf}. */
    public String fileName(String extension) {
        return "cham-soc-" + list.villageCode() + "-" + LocalDate.from(list.asOf()) + "." + extension;
    }
}
