package vn.hssk.tenant;

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
        return configure(dataSource, TenantRegistry.PLATFORM_SCHEMA, "classpath:db/platform").migrate();
    }

    public static MigrateResult migrateTenant(DataSource dataSource, TenantCode code) {
        return configure(dataSource, code.schema(), "classpath:db/tenant").migrate();
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
