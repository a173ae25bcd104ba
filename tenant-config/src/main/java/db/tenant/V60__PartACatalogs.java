package db.tenant;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.hssk.tenant.Catalogs;

/**
 * The choices of part A's ethnicity and religion ({@code catalogs/ethnicities.csv}, {@code catalogs/religions.csv})
 * as rows of the tenant's schema, so a province can correct or add one without a release. A Java migration so the
 * CSV files stay the one source of the rows. Persons keep the chosen name, as they did before the catalog existed.
 */
public class V60__PartACatalogs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("CREATE TABLE part_a_choice ("
                    + " kind       VARCHAR(20)  NOT NULL,"
                    + " code       VARCHAR(10)  NOT NULL,"
                    + " name       VARCHAR(100) NOT NULL,"
                    + " position   INT          NOT NULL,"
                    + " source     VARCHAR(20)  NOT NULL,"
                    + " created_at TIMESTAMP(3) NOT NULL,"
                    + " created_by VARCHAR(100) NOT NULL,"
                    + " PRIMARY KEY (kind, code)"
                    + ") ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO part_a_choice (kind, code, name, position, source, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?, 'CATALOG', ?, 'catalog')")) {
            Timestamp now = Timestamp.from(Instant.now());
            load(insert, "ETHNICITY", Catalogs.ETHNICITIES, now);
            load(insert, "RELIGION", Catalogs.RELIGIONS, now);
            insert.executeBatch();
        }
    }

    private static void load(PreparedStatement insert, String kind, String catalog, Timestamp now)
            throws java.sql.SQLException {
        int position = 0;
        for (CSVRecord row : Catalogs.read(catalog)) {
            insert.setString(1, kind);
            insert.setString(2, row.get("code").strip());
            insert.setString(3, row.get("name").strip());
            insert.setInt(4, ++position);
            insert.setTimestamp(5, now);
            insert.addBatch();
        }
    }
}
