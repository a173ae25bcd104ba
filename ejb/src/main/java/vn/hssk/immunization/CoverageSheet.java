package vn.hssk.immunization;

import vn.hssk.shared.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Coverage rows as an XLSX sheet, one row per unit, month and indicator, with the percentage. */
public final class CoverageSheet {

    private static final String[] HEADER = {"month", "level", "unit_code", "unit_name", "indicator", "cohort",
        "vaccinated", "percent"};

    private CoverageSheet() {
    }

    public static byte[] xlsx(List<CoverageRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "hssk", "1.0");
            Worksheet ws = wb.newWorksheet("coverage");
            for (int c = 0; c < HEADER.length; c++) {
                ws.value(0, c, HEADER[c]);
            }
            int r = 1;
            for (CoverageRow row : rows) {
                ws.value(r, 0, row.month());
                ws.value(r, 1, row.level());
                ws.value(r, 2, SpreadsheetCells.text(row.unitCode()));
                ws.value(r, 3, SpreadsheetCells.text(row.unitName()));
                ws.value(r, 4, SpreadsheetCells.text(row.indicator()));
                ws.value(r, 5, row.cohort());
                ws.value(r, 6, row.vaccinated());
                ws.value(r, 7, row.percent());
                // Whole people and a one-decimal share, in the reader's separators (as vn.hssk.shared.Numbers).
                ws.style(r, 5).format("#,##0").set();
                ws.style(r, 6).format("#,##0").set();
                ws.style(r, 7).format("#,##0.0").set();
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
