package vn.hssk.shared;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The common start of the reports printed for the provincial health department and the stations (OpenPDF): a Unicode
 * font embedded so that Vietnamese prints correctly, the title as a centred heading, and table header cells in one
 * colour.
 */
public final class ReportPdf {

    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final java.awt.Color HEADER = new java.awt.Color(0xDD, 0xEB, 0xF7);

    /** The report's fonts: body text, table text and the title's. */
    public record Fonts(Font normal, Font small, Font heading) {
    }

    private ReportPdf() {
    }

    /** Opens {@code doc} onto {@code out} with {@code title} (property and heading); table text in {@code smallSize}. */
    public static Fonts open(Document doc, OutputStream out, String title, float smallSize) throws IOException {
        BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        Fonts fonts = new Fonts(new Font(base, 10), new Font(base, smallSize), new Font(base, 14, Font.BOLD));
        PdfWriter.getInstance(doc, out);
        doc.addTitle(title);
        doc.addCreator("hssk");
        doc.open();
        Paragraph heading = new Paragraph(title, fonts.heading());
        heading.setAlignment(Element.ALIGN_CENTER);
        doc.add(heading);
        return fonts;
    }

    /** A table's header cell. */
    public static PdfPCell header(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBackgroundColor(HEADER);
        return cell;
    }
}
