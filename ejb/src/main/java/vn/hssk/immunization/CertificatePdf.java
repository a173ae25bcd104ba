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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Draws a vaccination certificate (giấy chứng nhận tiêm chủng) as a one-page PDF: the person, the doses, and a QR
 * code of the public verification URL. Text is in DejaVu Sans, embedded from the export feature's font resources,
 * because the PDF standard fonts have no Vietnamese letters. The QR code is drawn as filled squares from ZXing's
 * matrix, so no image library or AWT is needed on the server.
 */
final class CertificatePdf {

    private static final String FONTS = "/vn/hssk/export/fonts/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CertificatePdf() {
    }

    static byte[] render(JsonObject content, String verifyUrl) {
        BaseFont regular = font("DejaVuSans.ttf");
        BaseFont bold = font("DejaVuSans-Bold.ttf");
        Font title = new Font(bold, 15);
        Font label = new Font(bold, 10);
        Font text = new Font(regular, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Giấy chứng nhận tiêm chủng");
            document.addCreator("hssk");
            document.open();
            Paragraph head = new Paragraph(nfc("GIẤY CHỨNG NHẬN TIÊM CHỦNG"), title);
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            Paragraph sub = new Paragraph(nfc("Vaccination certificate · " + content.getString("province")), text);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(14);
            document.add(sub);
            document.add(new Paragraph(nfc("Họ và tên / Name: " + content.getString("fullName")), label));
            document.add(new Paragraph(nfc("Ngày sinh / Date of birth: " + day(content.getString("birthDate"))), text));
            document.add(new Paragraph(nfc("Số giấy / Number: " + content.getString("number")), text));
            Paragraph issued = new Paragraph(nfc("Ngày cấp / Issued: " + day(content.getString("issuedOn"))), text);
            issued.setSpacingAfter(10);
            document.add(issued);

            PdfPTable table = new PdfPTable(new float[] {3, 5, 1.5f, 2.5f});
            table.setWidthPercentage(100);
            for (String h : new String[] {"Vắc xin", "Tên", "Mũi", "Ngày tiêm"}) {
                table.addCell(new PdfPCell(new Phrase(nfc(h), label)));
            }
            for (var v : content.getJsonArray("doses")) {
                JsonObject d = v.asJsonObject();
                table.addCell(new PdfPCell(new Phrase(nfc(d.getString("vaccine")), text)));
                table.addCell(new PdfPCell(new Phrase(nfc(d.getString("vaccineName")), text)));
                table.addCell(new PdfPCell(new Phrase(nfc(d.getString("dose")), text)));
                table.addCell(new PdfPCell(new Phrase(day(d.getString("givenOn")), text)));
            }
            document.add(table);
            Paragraph verify = new Paragraph(nfc("Kiểm tra tính xác thực / Verify: quét mã QR"), text);
            verify.setSpacingBefore(12);
            document.add(verify);
            drawQr(writer.getDirectContent(), verifyUrl, document.left(), document.bottom() + 20, 140);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The certificate PDF cannot be written", e);
        }
        return out.toByteArray();
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

    private static String day(String iso) {
        return DAY.format(LocalDate.parse(iso));
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
