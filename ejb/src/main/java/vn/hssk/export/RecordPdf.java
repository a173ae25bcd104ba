package vn.hssk.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;

/**
 * Lays out the PDF of a personal record: a title, a subtitle, one block per {@link RecordSection} and a closing line.
 * Text is set in DejaVu Sans, embedded from this module's resources (see {@code fonts/LICENSE-DejaVu.txt}), because
 * the PDF standard fonts have no Vietnamese letters and the server's fonts are not ours to rely on. Text is normalised
 * to NFC so that names typed with combining marks print as the precomposed letters the font draws.
 */
final class RecordPdf {

    private static final String FONTS = "/vn/hssk/export/fonts/";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");
    private static final Color RULE = new Color(0x99, 0x99, 0x99);

    private final Font title;
    private final Font heading;
    private final Font label;
    private final Font text;
    private final Font small;

    RecordPdf() {
        BaseFont regular = baseFont("DejaVuSans.ttf", REGULAR);
        BaseFont bold = baseFont("DejaVuSans-Bold.ttf", BOLD);
        title = new Font(bold, 15);
        heading = new Font(bold, 12);
        label = new Font(bold, 9.5f);
        text = new Font(regular, 9.5f);
        small = new Font(regular, 8);
    }

    byte[] render(String documentTitle, String subtitle, List<RecordSection> sections, String closing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(nfc(documentTitle));
            document.addCreator("hssk");
            document.open();
            Paragraph head = new Paragraph(nfc(documentTitle), title);
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            Paragraph sub = new Paragraph(nfc(subtitle), text);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            document.add(sub);
            for (RecordSection section : sections) {
                Paragraph h = new Paragraph(nfc(section.title()), heading);
                h.setSpacingBefore(12);
                h.setSpacingAfter(6);
                document.add(h);
                Writer writer = new Writer();
                section.write(writer);
                writer.flushTo(document);
            }
            Paragraph end = new Paragraph(nfc(closing), small);
            end.setSpacingBefore(16);
            document.add(end);
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be laid out", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    /** Collects a section's content in page order: consecutive fields share one two-column table. */
    private final class Writer implements SectionWriter {

        private final java.util.List<Element> elements = new java.util.ArrayList<>();
        private PdfPTable fields;

        @Override
        public void field(String name, String value) {
            if (fields == null) {
                fields = new PdfPTable(new float[] {2f, 5f});
                fields.setWidthPercentage(100);
                elements.add(fields);
            }
            fields.addCell(cell(name, label, false));
            fields.addCell(cell(value == null || value.isBlank() ? "—" : value, text, false));
        }

        @Override
        public void table(List<String> headers, List<List<String>> rows) {
            fields = null;
            PdfPTable table = new PdfPTable(headers.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            headers.forEach(h -> table.addCell(cell(h, label, true)));
            for (List<String> row : rows) {
                for (int i = 0; i < headers.size(); i++) {
                    String v = i < row.size() ? row.get(i) : null;
                    table.addCell(cell(v == null ? "" : v, text, true));
                }
            }
            elements.add(table);
        }

        @Override
        public void note(String line) {
            fields = null;
            elements.add(new Paragraph(nfc(line), text));
        }

        void flushTo(Document document) throws DocumentException {
            for (Element e : elements) {
                document.add(e);
            }
        }
    }

    private static PdfPCell cell(String value, Font font, boolean boxed) {
        PdfPCell cell = new PdfPCell(new Phrase(nfc(value), font));
        cell.setPadding(3);
        cell.setBorder(boxed ? Rectangle.BOX : Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        return cell;
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static BaseFont baseFont(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The embedded font " + name + " cannot be read", e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = RecordPdf.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("The font " + name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
