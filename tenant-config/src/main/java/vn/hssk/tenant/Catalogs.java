package vn.hssk.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the reference catalogs shipped with the platform (copies of {@code shared/catalogs}) as rows of named
 * columns. They are loaded into the database as data that a province can correct, never used as code.
 */
public final class Catalogs {

    public static final String PROVINCES = "catalogs/provinces-2025.csv";
    public static final String EPI_SCHEDULE = "catalogs/epi-schedule.csv";
    public static final String ICD10 = "catalogs/icd10-primary-care.csv";
    /** The 54 ethnic groups of the GSO list (QĐ 121-TCTK/PPCĐ, 1979), the codes of QĐ 130's MA_DANTOC. */
    public static final String ETHNICITIES = "catalogs/ethnicities.csv";
    /** The religions recognised by the state, for part A's religion (form 831 field MATONGIAO). */
    public static final String RELIGIONS = "catalogs/religions.csv";

    private Catalogs() {
    }

    public static List<CSVRecord> read(String resource) {
        InputStream in = Catalogs.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Catalog " + resource + " is missing from the build");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog " + resource, e);
        }
    }
}
