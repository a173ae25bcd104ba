package vn.hssk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreWrittenAsText() {
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", SpreadsheetCells.text("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'=cmd|' /C calc'!A0", SpreadsheetCells.text("=cmd|' /C calc'!A0"));
        assertEquals("'+1+2", SpreadsheetCells.text("+1+2"));
        assertEquals("'-2+3", SpreadsheetCells.text("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetCells.text("@SUM(A1)"));
        assertEquals("'\t=1", SpreadsheetCells.text("\t=1"));
        assertEquals("'\r=1", SpreadsheetCells.text("\r=1"));
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        assertEquals("Nguyễn Văn A", SpreadsheetCells.text("Nguyễn Văn A"));
        assertEquals("a=b", SpreadsheetCells.text("a=b"));
        assertEquals("", SpreadsheetCells.text(""));
        assertNull(SpreadsheetCells.text(null));
        assertEquals(-5, SpreadsheetCells.value(-5));
        assertEquals("'-5", SpreadsheetCells.value("-5"));
    }
}
