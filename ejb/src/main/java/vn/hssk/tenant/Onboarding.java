package vn.hssk.tenant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitType;

/**
 * Onboards a province in steps: register, create its schema, migrate it, load the default catalogs, create its first
 * administrator in Keycloak, activate. Each step is reported (returned and kept in the platform schema). A failure
 * at any step drops the schema this attempt created and leaves the registry row {@link TenantStatus#FAILED} with the
 * reason, so there is never a half tenant, and the same request can simply be sent again. It runs outside any JTA
 * transaction: DDL commits on its own.
 */
@Dependent
public class Onboarding {

    private static final Logger LOG = Logger.getLogger(Onboarding.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern SERVER = Pattern.compile("[a-z0-9_]{1,32}");
    /** The two-level administration (and so every province of the current list) began on this day. */
    private static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

    @Inject
    private KeycloakAdmin keycloak;

    public OnboardingReport onboard(OnboardingRequest request, String actor) {
        DataSource platform = TenantDataSources.platform();
        ProvinceCatalog.Province province = validate(request, new ProvinceCatalog(platform));
        TenantCode code = new TenantCode(request.code());
        String server = blankTo(request.dbServer(), TenantDataSources.DEFAULT_SERVER);
        String name = request.name().trim();
        TenantRegistry registry = new TenantRegistry(platform);
        if (!registry.claimForOnboarding(code, name, server, request.adminUsername(), actor)) {
            throw ProblemException.conflict(FieldError.coded("code", "onboard.already",
                    "Province " + code + " is already a tenant", code.value()));
        }

        Attempt attempt = new Attempt(code, platform);
        DataSource tenantData;
        boolean schemaCreated = false;
        try {
            tenantData = attempt.run("CONNECT", () -> {
                DataSource ds = TenantDataSources.forServer(server);
                try (Connection c = ds.getConnection()) {
                    return ds;
                }
            }, "database server " + server);
            attempt.run("CREATE_SCHEMA", () -> {
                createSchema(tenantData, code);
                return null;
            }, code.schema());
            schemaCreated = true;
            attempt.run("MIGRATE", () -> SchemaMigrations.migrateTenant(tenantData, code).migrationsExecuted,
                    "schema migrations");
            attempt.run("LOAD_CATALOGS", () -> {
                loadCatalogs(tenantData, code, name, province);
                return null;
            }, "province unit and EPI schedule");
            KeycloakAdmin.Account account = attempt.run("CREATE_ADMIN",
                    () -> keycloak.createProvinceAdmin(request.adminUsername(), request.adminEmail(), code.value()),
                    "administrator " + request.adminUsername());
            attempt.run("ACTIVATE", () -> {
                registry.setStatus(code, TenantStatus.ACTIVE, null);
                return null;
            }, "tenant active");
            LOG.infof("Onboarded province %s (%s) in %d ms", code, name, attempt.elapsed());
            return attempt.report(name, TenantStatus.ACTIVE, null, request.adminUsername(),
                    account.temporaryPassword());
        } catch (StepFailed failed) {
            String reason = failed.step + ": " + failed.getCause().getMessage();
            if (schemaCreated) {
                dropSchema(platform, server, code);
            }
            registry.setStatus(code, TenantStatus.FAILED, reason);
            LOG.warnf("Onboarding of province %s failed at %s", code, reason);
            return attempt.report(name, TenantStatus.FAILED, reason, request.adminUsername(), null);
        }
    }

    private static ProvinceCatalog.Province validate(OnboardingRequest request, ProvinceCatalog catalog) {
        List<FieldError> errors = new ArrayList<>();
        ProvinceCatalog.Province province = null;
        if (request.code() == null || request.code().isBlank()) {
            errors.add(FieldError.coded("code", "required", "The province code is required", "code"));
        } else if (!TenantCode.isValid(request.code())) {
            errors.add(FieldError.coded("code", "onboard.codeFormat",
                    "The province code is exactly two digits (e.g. 38)"));
        } else {
            province = catalog.find(request.code()).orElse(null);
            if (province == null) {
                errors.add(FieldError.coded("code", "onboard.unknownCode",
                        "Code " + request.code() + " is not a province on the current list", request.code()));
            }
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add(FieldError.coded("name", "required", "The province name is required", "name"));
        } else if (request.name().trim().length() > 200) {
            errors.add(FieldError.coded("name", "tooLong", "The province name is at most 200 characters", "name", 200));
        } else if (province != null
                && !TextFolding.fold(province.name()).equals(TextFolding.fold(request.name()))) {
            errors.add(FieldError.coded("name", "onboard.nameMismatch",
                    "Code " + province.code() + " is " + province.name(), province.code(), province.name()));
        }
        if (request.adminUsername() == null || !USERNAME.matcher(request.adminUsername()).matches()) {
            errors.add(FieldError.coded("adminUsername", "onboard.adminUsername",
                    "The administrator's username is 3 to 50 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (request.adminEmail() == null || !EMAIL.matcher(request.adminEmail()).matches()) {
            errors.add(FieldError.coded("adminEmail", "onboard.adminEmail",
                    "The administrator's e-mail address is not valid"));
        }
        if (request.dbServer() != null && !request.dbServer().isBlank()
                && !SERVER.matcher(request.dbServer()).matches()) {
            errors.add(FieldError.coded("dbServer", "onboard.dbServer",
                    "A database server name is lower-case letters, digits or '_'"));
        } else if (request.dbServer() != null && !request.dbServer().isBlank()
                && !TenantDataSources.exists(request.dbServer().trim())) {
            errors.add(FieldError.coded("dbServer", "server.unknown",
                    "No database server '" + request.dbServer().trim() + "' is configured on this platform",
                    request.dbServer().trim()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return province;
    }

    private static void createSchema(DataSource ds, TenantCode code) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + code.schema());
            st.execute("CREATE DATABASE " + code.schema() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static void dropSchema(DataSource platform, String server, TenantCode code) {
        try (Connection c = TenantDataSources.forServer(server).getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + code.schema());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Could not drop schema %s after a failed onboarding", code.schema());
        }
    }

    private static void loadCatalogs(DataSource ds, TenantCode code, String name, ProvinceCatalog.Province province)
            throws SQLException {
        String schema = code.schema();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement unit = c.prepareStatement("INSERT INTO " + schema + ".admin_unit "
                    + "(code, name, name_folded, level, unit_type, valid_from, created_at, created_by) "
                    + "VALUES (?, ?, ?, 'PROVINCE', ?, ?, ?, 'onboarding')")) {
                unit.setString(1, code.value());
                unit.setString(2, name);
                unit.setString(3, TextFolding.fold(name));
                unit.setString(4, UnitType.parse(province.type(), UnitLevel.PROVINCE).key());
                unit.setDate(5, Date.valueOf(REFORM_DAY));
                unit.setTimestamp(6, Timestamp.from(Instant.now()));
                unit.executeUpdate();
            }
            try (PreparedStatement epi = c.prepareStatement("INSERT INTO " + schema + ".epi_schedule_source "
                    + "(antigen, vaccine, dose_number, recommended_age, minimum_age, min_interval_from_previous, "
                    + "target_group, legal_basis, confidence, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                String[] columns = {"antigen", "vaccine", "dose_number", "recommended_age", "minimum_age",
                        "min_interval_from_previous", "target_group", "legal_basis", "confidence", "notes"};
                for (CSVRecord row : Catalogs.read(Catalogs.EPI_SCHEDULE)) {
                    for (int i = 0; i < columns.length; i++) {
                        epi.setString(i + 1, row.isSet(columns[i]) ? row.get(columns[i]) : null);
                    }
                    epi.addBatch();
                }
                epi.executeBatch();
            }
            c.commit();
        }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A step that threw; carries the step's name to the report. */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String step;

        StepFailed(String step, Throwable cause) {
            super(cause);
            this.step = step;
        }
    }

    @FunctionalInterface
    private interface StepWork<T> {
        T run() throws Exception;
    }

    /** Runs the steps of one attempt, times them and writes each to {@code onboarding_step}. */
    private static final class Attempt {
        private final TenantCode code;
        private final DataSource platform;
        private final String id = UUID.randomUUID().toString();
        private final long started = System.nanoTime();
        private final List<OnboardingReport.Step> steps = new ArrayList<>();

        Attempt(TenantCode code, DataSource platform) {
            this.code = code;
            this.platform = platform;
        }

        <T> T run(String step, StepWork<T> work, String detail) throws StepFailed {
            Instant at = Instant.now();
            long t0 = System.nanoTime();
            try {
                T result = work.run();
                record(step, "OK", detail, at, t0);
                return result;
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                record(step, "FAILED", message, at, t0);
                throw new StepFailed(step, e instanceof ProblemException ? e : new IllegalStateException(message, e));
            }
        }

        long elapsed() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        OnboardingReport report(String name, TenantStatus status, String reason, String admin, String password) {
            return new OnboardingReport(code.value(), name, status, reason, List.copyOf(steps), admin, password,
                    elapsed());
        }

        private void record(String step, String outcome, String detail, Instant at, long t0) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            steps.add(new OnboardingReport.Step(step, outcome, detail, ms));
            String sql = "INSERT INTO " + TenantRegistry.PLATFORM_SCHEMA + ".onboarding_step "
                    + "(tenant_code, attempt_id, step_no, step, outcome, detail, started_at, duration_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, code.value());
                ps.setString(2, id);
                ps.setInt(3, steps.size());
                ps.setString(4, step);
                ps.setString(5, outcome);
                ps.setString(6, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
                ps.setTimestamp(7, Timestamp.from(at));
                ps.setLong(8, ms);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOG.warnf(e, "Could not record onboarding step %s of %s", step, code);
            }
        }
    }
}
