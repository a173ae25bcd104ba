package vn.hssk.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PDF layout draws Vietnamese from the embedded font, whatever Unicode form the text was typed in. */
class RecordPdfTest {

    @Test
    void vietnameseTextTypedWithCombiningMarksComesOutAsTheLettersItSpells() throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh Tuyết, Đắk Lắk, Thừa Thiên Huế", Normalizer.Form.NFD);
        RecordSection section = new RecordSection() {
            @Override
            public String title() {
                return "A. Thông tin hành chính";
            }

            @Override
            public void write(SectionWriter out) {
                out.field("Họ và tên", decomposed);
                out.field("Dân tộc", null);
                out.table(List.of("Ngày", "Vắc xin"), List.of(List.of("01/02/2025", "Sởi – Rubella")));
                out.note("Ghi chú cuối phần.");
            }
        };
        byte[] pdf = new RecordPdf().render("HỒ SƠ QUẢN LÝ SỨC KHỎE CÁ NHÂN", "Mẫu 831", List.of(section,
                new NotRecordedSection("B. Tiền sử")), "Xuất ngày hôm nay");
        PdfReader reader = new PdfReader(pdf);
        String text = Normalizer.normalize(new PdfTextExtractor(reader).getTextFromPage(1), Normalizer.Form.NFC);
        reader.close();
        for (String expected : List.of("Nguyễn Thị Ánh Tuyết, Đắk Lắk, Thừa Thiên Huế", "HỒ SƠ QUẢN LÝ SỨC KHỎE",
                "Sởi – Rubella", "Phần này chưa được ghi nhận", "Ghi chú cuối phần.")) {
            assertTrue(text.contains(expected), () -> "'" + expected + "' missing from:\n" + text);
        }
    }
}
