package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

class PersonFileTest {

    private static List<String> read(byte[] file, PersonFile.Encoding encoding) {
        List<String> seen = new ArrayList<>();
        PersonFile.read(new ByteArrayInputStream(file), PersonFile.Format.CSV, encoding, new PersonFile.Rows() {
            @Override
            public void header(List<String> cells) {
                seen.add("header " + cells);
            }

            @Override
            public void row(int line, int record, List<String> cells) {
                seen.add(line + "/" + record + " " + cells);
            }
        });
        return seen;
    }

    /**
     * Text as Windows-1258 writes it: base letters with circumflex, breve or horn precomposed, the five tones as
     * combining marks after them (the code page has no precomposed toned vowels).
     */
    static byte[] windows1258(String text) {
        Charset cp = Charset.forName("windows-1258");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i <= decomposed.length(); i++) {
            char c = i < decomposed.length() ? decomposed.charAt(i) : '\0';
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
            if (mark && "\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
                tones.append(c);
            } else if (mark) {
                base.append(c);
            } else {
                out.writeBytes(java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFC).getBytes(cp));
                out.writeBytes(tones.toString().getBytes(cp));
                base.setLength(0);
                tones.setLength(0);
                if (i < decomposed.length()) {
                    base.append(c);
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedSayingHowToSaveIt() {
        byte[] cp1258 = windows1258("ho_ten,gioi_tinh\nTrần Văn Hòa,Nam\n");
        ProblemException e = assertThrows(ProblemException.class, () -> read(cp1258, PersonFile.Encoding.UTF_8));
        assertEquals("file", e.field());
        assertEquals("import.notUtf8", e.errors().get(0).code());
        assertTrue(e.getMessage().contains("CSV UTF-8"), e.getMessage());
    }

    @Test
    void aWindows1258FileIsReadWhenItsEncodingIsChosenAndItsNamesNormalizeToNfc() {
        byte[] cp1258 = windows1258("ho_ten,gioi_tinh\nTrần Văn Hòa,Nam\n");
        List<String> seen = read(cp1258, PersonFile.Encoding.of("windows-1258"));
        assertEquals(2, seen.size());
        String name = seen.get(1).substring("2/1 [".length(), seen.get(1).indexOf(','));
        assertEquals("Trần Văn Hòa", TextFolding.normalize(name));
        assertTrue(seen.stream().noneMatch(s -> s.contains("\uFFFD")));
    }

    @Test
    void aChosenEncodingIsDecodedStrictlyToo() {
        byte[] undefined = new byte[] {'a', '\n', (byte) 0x81, '\n'};
        ProblemException e = assertThrows(ProblemException.class,
                () -> read(undefined, PersonFile.Encoding.WINDOWS_1252));
        assertEquals("import.notInEncoding", e.errors().get(0).code());
        assertEquals("encoding", assertThrows(ProblemException.class, () -> PersonFile.Encoding.of("latin-9"))
                .field());
    }

    @Test
    void utf8WithAndWithoutBomReadAlike() {
        String csv = "ho_ten,gioi_tinh\r\nAn,Nam\r\n";
        assertEquals(read(csv.getBytes(StandardCharsets.UTF_8), PersonFile.Encoding.UTF_8),
                read(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), PersonFile.Encoding.UTF_8));
    }

    @Test
    void eachRecordGivesThePhysicalLineWhereItStartsCountingBreaksInQuotedCells() {
        String csv = "ho_ten,dia_chi\n"
                + "An,\"Số 1\nĐường 2\"\n"
                + "\n"
                + "Bình,\"a\r\nb\r\nc\"\r\n"
                + "Chi,x\r"
                + "Dũng,y\n";
        assertEquals(List.of("header [ho_ten, dia_chi]", "2/1 [An, Số 1\nĐường 2]", "5/2 [Bình, a\r\nb\r\nc]",
                "8/3 [Chi, x]", "9/4 [Dũng, y]"), read(csv.getBytes(StandardCharsets.UTF_8),
                PersonFile.Encoding.UTF_8));
    }

    @Test
    void theLineCounterForgetsWhatItHasPassed() throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("x\n");
        }
        LineCountingReader lines = new LineCountingReader(new StringReader(text.toString()));
        char[] buffer = new char[1000];
        long position = 0;
        long lastLine = 0;
        int n;
        while ((n = lines.read(buffer, 0, buffer.length)) > 0) {
            lastLine = lines.lineOfRecordAt(position);
            position += n;
        }
        assertEquals(99_501, lastLine);
    }
}
