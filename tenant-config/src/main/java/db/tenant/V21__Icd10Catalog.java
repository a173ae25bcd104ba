package db.tenant;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.hssk.tenant.Catalogs;

/**
 * Loads the ICD-10 codes of primary care ({@code catalogs/icd10-primary-care.csv}) into a tenant's schema, once, as
 * data the province may extend. A Java migration so the CSV stays the one source of the rows.
 */
public class V21__Icd10Catalog extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO icd10_code (code, name, name_folded, source, created_at, created_by)"
                        + " VALUES (?, ?, ?, 'CATALOG', ?, 'catalog')")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (CSVRecord row : Catalogs.read(Catalogs.ICD10)) {
                String name = row.get("name").strip();
                insert.setString(1, row.get("code").strip());
                insert.setString(2, name);
                insert.setString(3, fold(name));
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The folding of {@code vn.hssk.shared.TextFolding} (in the ejb module, out of this jar's reach): same rule. */
    static String fold(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return stripped.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
