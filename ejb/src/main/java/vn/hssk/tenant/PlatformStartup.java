package vn.hssk.tenant;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.hssk.shared.Settings;

/**
 * Brings the databases up to date when the application starts: the platform schema, the national province list,
 * then every tenant's schema. A tenant whose migration fails is marked {@link TenantStatus#MIGRATION_FAILED} with the
 * reason and stays out of service with its data kept; the others start. With {@code hssk.demo=true} it also onboards the demo provinces.
 * Flyway keeps its own lock per schema, so several nodes starting at once migrate each schema once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class PlatformStartup {

    private static final Logger LOG = Logger.getLogger(PlatformStartup.class);

    @Inject
    private DemoProvinces demo;

    @PostConstruct
    void migrate() {
        long t0 = System.nanoTime();
        DataSource platform = TenantDataSources.platform();
        SchemaMigrations.migratePlatform(platform);
        int added = new ProvinceCatalog(platform).loadMissing();
        TenantRegistry registry = new TenantRegistry(platform);
        int migrated = 0;
        int failed = 0;
        for (TenantEntry tenant : registry.list()) {
            if (tenant.status() == TenantStatus.MOVING && registry.resumeWrites(tenant.code(), tenant.dbServer())) {
                // A node died in a move's pause. Safe even if the move runs on another node: its switch needs the
                // pause, so it fails, and the province stays where it is; resuming the move pauses it again.
                LOG.warnf("Province %s was paused for a move at start; its writes are back on %s", tenant.code(),
                        tenant.dbServer());
                tenant = registry.find(tenant.code()).orElse(tenant);
            }
            if (tenant.status() == TenantStatus.MERGING) {
                // A merge compares both schemas column by column: the absorbed one follows the migrations too.
                try {
                    SchemaMigrations.migrateTenant(TenantDataSources.forServer(tenant.dbServer()), tenant.code());
                    migrated++;
                } catch (RuntimeException e) {
                    failed++;
                    LOG.errorf(e, "Migration of tenant %s, being merged, failed; its merge cannot go on until it"
                            + " migrates", tenant.code());
                }
                continue;
            }
            if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED
                    && tenant.status() != TenantStatus.MIGRATION_FAILED) {
                continue;
            }
            try {
                SchemaMigrations.migrateTenant(TenantDataSources.forServer(tenant.dbServer()), tenant.code());
                migrated++;
                if (tenant.status() == TenantStatus.MIGRATION_FAILED) {
                    registry.setStatus(tenant.code(), TenantStatus.ACTIVE, null);
                    LOG.infof("Tenant %s migrated again and back in service", tenant.code());
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf(e, "Migration of tenant %s failed; it stays out of service, its data kept", tenant.code());
                registry.setStatus(tenant.code(), TenantStatus.MIGRATION_FAILED,
                        "MIGRATE at startup: " + e.getMessage());
            }
        }
        LOG.infof("Platform schema ready (%d provinces added to the catalog); %d tenant schemas migrated, %d failed,"
                + " in %d ms", added, migrated, failed, (System.nanoTime() - t0) / 1_000_000);
        if (Boolean.parseBoolean(Settings.get("hssk.demo", "HSSK_DEMO", "false"))) {
            demo.ensure();
        }
    }
}
