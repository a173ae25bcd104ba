package vn.hssk.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.shared.ProblemException.FieldError;

class PersonImportReportTest {

    private static Row row(int line, Outcome outcome, String pid, String name, Long person) {
        List<FieldError> errors = outcome == Outcome.ERROR ? List.of(FieldError.coded("fullName", "x", "bad"))
                : List.of();
        return new Row(line, line - 1, pid, name, outcome, person, List.of(), List.of(), List.of(), errors,
                List.of());
    }

    @Test
    void refusedConflictingAndDuplicateRowsComeFirstAndUnchangedRowsAreKeptCompactly() {
        PersonImportRows rows = new PersonImportRows();
        for (int line = 2; line < 10_002; line++) {
            rows.list(line % 1000 == 0 ? row(line, Outcome.ERROR, null, "E" + line, null)
                    : line % 1000 == 1 ? row(line, Outcome.CONFLICT, "001080000001", "C" + line, 7L)
                    : line % 1000 == 2 ? row(line, Outcome.DUPLICATE, null, "D" + line, null)
                    : line % 1000 == 3 ? row(line, Outcome.UPDATED, "001080000002", "U" + line, 8L)
                    : row(line, Outcome.UNCHANGED, String.format("%012d", line), "Same " + line, (long) line));
        }
        assertEquals(10_000, rows.size(), "no row is left out");
        assertEquals(Outcome.ERROR, rows.get(0).outcome());
        assertEquals(1000, rows.get(0).line());
        assertEquals(Outcome.ERROR, rows.get(9).outcome());
        assertEquals(Outcome.CONFLICT, rows.get(10).outcome());
        assertEquals(Outcome.DUPLICATE, rows.get(20).outcome());
        assertEquals(Outcome.UPDATED, rows.get(30).outcome());
        Row unchanged = rows.get(40);
        assertEquals(Outcome.UNCHANGED, unchanged.outcome());
        assertEquals(4, unchanged.line());
        assertEquals(3, unchanged.record());
        assertEquals("000000000004", unchanged.personalId());
        assertEquals(4L, unchanged.personId());
        assertEquals(Outcome.UNCHANGED, rows.get(rows.size() - 1).outcome());
    }

    @Test
    void theCsvAndXlsxReportsWriteFormulaLikeCellsAsText() throws java.io.IOException {
        PersonImportRows rows = new PersonImportRows();
        rows.list(row(2, Outcome.ERROR, null, "=HYPERLINK(\"http://x\",\"y\")", null));
        PersonImportReport report = new PersonImportReport(1, 0, 0, 0, 0, 0, 1, 0, false, 0, rows);
        String csv = report.toCsv();
        assertTrue(csv.startsWith("line,record,personal_id,full_name,outcome"), csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), csv);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        report.writeXlsx(out);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            String cell = wb.getFirstSheet().read().get(1).getCellAsString(3).orElseThrow();
            assertEquals("'=HYPERLINK(\"http://x\",\"y\")", cell);
        }
    }
}
