package vn.hssk.reorganization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;

/** A decision's list of old and new commune codes read into steps, as the government publishes it. */
class DecisionFileTest {

    @Test
    void oldCodesOfOneNewCodeMergeAndALineAloneRenames() {
        String csv = "\uFEFFMã xã cũ,Mã xã mới,Tên xã mới,Loại\n"
                + "16279,16279,Phường Quảng Phú,phường\n"
                + "16282,16279,Phường Quảng Phú,phường\n"
                + "16300,16300,Phường Sầm Sơn,phường\n"
                + "16301,16399,Xã Mới,xã\n"
                + "16302,16399,,\n";
        List<ReorganizationStep> steps = DecisionFile.steps(DecisionFile.read(csv.getBytes(StandardCharsets.UTF_8),
                "qd.csv"));
        assertEquals(List.of(
                ReorganizationStep.merge(List.of("16279", "16282"), "16279", "Phường Quảng Phú", "phường"),
                ReorganizationStep.rename("16300", "Phường Sầm Sơn", "phường"),
                ReorganizationStep.merge(List.of("16301", "16302"), "16399", "Xã Mới", "xã")), steps);
    }

    @Test
    void codesAKeptSpreadsheetShortenedGetTheirZerosBack() {
        String csv = "old_code;new_code;new_name;type\n4;4;Phường Ba Đình;phường\n";
        List<DecisionFile.Line> lines = DecisionFile.read(csv.getBytes(StandardCharsets.UTF_8), "qd.csv");
        assertEquals("00004", lines.get(0).oldCode());
    }

    @Test
    void aFileInAnotherEncodingABadHeaderOrABadCodeIsRefused() {
        byte[] latin = "ma_xa_cu,ma_xa_moi,ten_xa_moi,loai\n16279,16279,Ph\u01b0\u1eddng,ph\u01b0\u1eddng\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1258"));
        assertEquals("reorg.file.encoding", assertThrows(ProblemException.class,
                () -> DecisionFile.read(latin, "qd.csv")).errors().get(0).code());
        assertEquals("reorg.file.header", assertThrows(ProblemException.class,
                () -> DecisionFile.read("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "qd.csv")).errors().get(0)
                .code());
        ProblemException bad = assertThrows(ProblemException.class, () -> DecisionFile.steps(DecisionFile.read(
                "ma_xa_cu,ma_xa_moi\n16279,1627X\n".getBytes(StandardCharsets.UTF_8), "qd.csv")));
        assertEquals(List.of("2"), bad.errors().get(0).args());
    }
}
