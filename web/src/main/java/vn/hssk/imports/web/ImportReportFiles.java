package vn.hssk.imports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import vn.hssk.imports.ImportJobService;
import vn.hssk.imports.PersonImportReport;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;

/**
 * A job's whole row report as a file, CSV (UTF-8) or XLSX, its messages in one language: the one way both the REST
 * download ({@code GET /api/imports/{id}/report}) and the import screen write it, so they give the same bytes and the
 * same file name.
 */
public final class ImportReportFiles {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = PersonImportReport.XLSX;

    private ImportReportFiles() {
    }

    /** Every listed row of job {@code id}, as it stands. */
    public static PersonImportReport whole(ImportJobService jobs, long id) {
        return jobs.report(id, 0, Integer.MAX_VALUE);
    }

    public static String csvName(long id) {
        return "import-" + id + "-report.csv";
    }

    public static String xlsxName(long id) {
        return "import-" + id + "-report.xlsx";
    }

    public static void writeCsv(PersonImportReport report, Locale language, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        report.writeCsv(w, say(language));
        w.flush();
    }

    public static void writeXlsx(PersonImportReport report, Locale language, OutputStream out) {
        report.writeXlsx(out, say(language));
    }

    private static Function<FieldError, String> say(Locale language) {
        return error -> ProblemTexts.message(error, language);
    }
}
