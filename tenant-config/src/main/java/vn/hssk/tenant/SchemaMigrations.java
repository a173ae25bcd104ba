package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the platform schema and each tenant schema to the current version with Flyway. Migrations are plain SQL
 * under {@code db/platform} and {@code db/tenant}; each tenant schema keeps its own history table, so a province can
 * be migrated, retried or restored on its own. Callers run this outside a JTA transaction.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    public static MigrateResult migratePlatform(DataSource dataSource) {
        return configure(new PlatformCatalog(dataSource), TenantRegistry.PLATFORM_SCHEMA, "classpath:db/platform")
                .migrate();
    }

    public static MigrateResult migrateTenant(DataSource dataSource, TenantCode code) {
        return configure(new PlatformCatalog(dataSource), code.schema(), "classpath:db/tenant").migrate();
    }

    /**
     * Hands Flyway connections whose default schema is the platform's (when it exists yet). Flyway puts a
     * connection's original schema back when it is done; from "no schema" it can only do so by a trick that the
     * application's database user is not granted, and MariaDB logs a refusal each time.
     */
    private static final class PlatformCatalog extends DataSourceWrapper {
        PlatformCatalog(DataSource delegate) {
            super(delegate);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = super.getConnection();
            try {
                c.setCatalog(TenantRegistry.PLATFORM_SCHEMA);
            } catch (SQLException firstStart) {
                // The platform schema does not exist before the first migration creates it.
            }
            return c;
        }
    }

    private static Flyway configure(DataSource dataSource, String schema, String location) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }
}
