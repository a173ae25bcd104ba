package vn.hssk.immunization;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a vaccination certificate (giấy chứng nhận tiêm chủng) as a PDF, in Vietnamese unless English is asked for:
 * the person (name, date of birth, personal ID in full: staff print it for the person), every dose (vaccine by its
 * name, dose as the schedule counts it, date, lot, where it was given), who issued it and when, and a QR code of the
 * public verification URL. Text is in DejaVu Sans, embedded from the export feature's font resources,
 * because the PDF standard fonts have no Vietnamese letters. The QR code is drawn as filled squares from ZXing's
 * matrix, so no image library or AWT is needed on the server.
 */
final class CertificatePdf {

    private static final String FONTS = "/vn/hssk/export/fonts/";

    private CertificatePdf() {
    }

    static byte[] render(JsonObject content, String verifyUrl, Locale locale) {
        CertificateText t = CertificateText.of(locale);
        BaseFont regular = font("DejaVuSans.ttf");
        BaseFont bold = font("DejaVuSans-Bold.ttf");
        Font title = new Font(bold, 15);
        Font label = new Font(bold, 9);
        Font text = new Font(regular, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(nfc(t.get("title")));
            document.addCreator("hssk");
            document.open();
            Paragraph head = new Paragraph(nfc(t.get("title")), title);
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            Paragraph sub = new Paragraph(nfc(t.format("subtitle", content.getString("province", ""))), text);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(14);
            document.add(sub);

            PdfPTable person = new PdfPTable(new float[] {2, 5});
            person.setWidthPercentage(100);
            line(person, t.get("fullName"), content.getString("fullName", ""), label, label);
            line(person, t.get("birthDate"), CertificateText.day(content.getString("birthDate", "")), label, text);
            line(person, t.get("personalId"), content.getString("personalId", t.get("personalId.none")), label,
                    text);
            line(person, t.get("number"), content.getString("number", ""), label, text);
            person.setSpacingAfter(10);
            document.add(person);

            document.add(new Paragraph(nfc(t.get("doses")), label));
            PdfPTable table = new PdfPTable(new float[] {5, 1.4f, 2, 2, 3.6f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            table.setHeaderRows(1);
            for (String h : new String[] {"dose.vaccine", "dose.number", "dose.givenOn", "dose.lot", "dose.station"}) {
                table.addCell(cell(t.get(h), label));
            }
            for (var v : content.getJsonArray("doses")) {
                JsonObject d = v.asJsonObject();
                table.addCell(cell(t.vaccineName(d), text));
                table.addCell(cell(t.doseOf(d), text));
                table.addCell(cell(CertificateText.day(d.getString("givenOn", "")), text));
                table.addCell(cell(d.getString("lotNumber", "–"), text));
                table.addCell(cell(d.getString("station", "–"), text));
            }
            table.setSpacingAfter(10);
            document.add(table);

            PdfPTable issued = new PdfPTable(new float[] {2, 5});
            issued.setWidthPercentage(100);
            line(issued, t.get("issuedBy"), content.getString("issuedBy", content.getString("province", "")),
                    label, text);
            line(issued, t.get("issuedOn"), CertificateText.day(content.getString("issuedOn", "")), label, text);
            document.add(issued);
            Paragraph verify = new Paragraph(nfc(t.get("verify")), text);
            verify.setSpacingBefore(12);
            document.add(verify);
            float size = 140;
            float y = writer.getVerticalPosition(true) - size - 6;
            if (y < document.bottom()) {
                document.newPage();
                y = document.top() - size;
            }
            drawQr(writer.getDirectContent(), verifyUrl, document.left(), y, size);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The certificate PDF cannot be written", e);
        }
        return out.toByteArray();
    }

    private static void line(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell l = new PdfPCell(new Phrase(nfc(label), labelFont));
        PdfPCell v = new PdfPCell(new Phrase(nfc(value), valueFont));
        l.setBorder(PdfPCell.NO_BORDER);
        v.setBorder(PdfPCell.NO_BORDER);
        l.setPaddingBottom(3);
        v.setPaddingBottom(3);
        table.addCell(l);
        table.addCell(v);
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(nfc(value), font));
        c.setPadding(3);
        return c;
    }

    /** Draws the QR code of {@code text} as black squares, {@code size} points wide, lower left at (x, y). */
    static void drawQr(PdfContentByte canvas, String text, float x, float y, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("The QR code cannot be made", e);
        }
        float cell = size / matrix.getWidth();
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    canvas.rectangle(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static BaseFont font(String name) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("The font " + name + " is missing from the application");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("The embedded font " + name + " cannot be read", e);
        }
    }
}
