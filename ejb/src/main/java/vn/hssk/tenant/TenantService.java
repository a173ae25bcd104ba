package vn.hssk.tenant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ClientAddress;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;
import vn.hssk.shared.Roles;

/**
 * National administrators' use cases on the registry of tenants. They see registry facts and counts, never a person,
 * and every change they make is written to the platform audit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantService {

    @Resource
    private EJBContext context;

    @Inject
    private Onboarding onboarding;

    @Inject
    private ClientAddress clientAddress;

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public List<TenantSummary> list() {
        return TenantRegistry.onPlatform().list().stream().map(TenantService::summary).toList();
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantSummary get(String code) {
        return summary(find(code));
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public OnboardingReport onboard(OnboardingRequest request) {
        String actor = CallerIdentity.of(context).username();
        OnboardingReport report = onboarding.onboard(request, actor);
        audit(actor, "ONBOARD", report.code(), report.status() + (report.reason() == null ? "" : ": " + report.reason()));
        return report;
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantSummary suspend(String code, String reason) {
        TenantEntry tenant = find(code);
        if (tenant.status() != TenantStatus.ACTIVE) {
            throw ProblemException.conflict("code", "Only an active tenant can be suspended; " + code + " is "
                    + tenant.status());
        }
        String why = reason == null || reason.isBlank() ? "Suspended by national administrator" : reason.trim();
        TenantRegistry.onPlatform().setStatus(tenant.code(), TenantStatus.SUSPENDED, why);
        audit(CallerIdentity.of(context).username(), "SUSPEND", code, why);
        return get(code);
    }

    /**
     * Puts a suspended tenant back in service, or one whose migration failed at start once its schema migrates now
     * (after the operators repaired it); a migration that fails again leaves it out of service with the new reason.
     */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantSummary resume(String code) {
        TenantEntry tenant = find(code);
        String actor = CallerIdentity.of(context).username();
        if (tenant.status() == TenantStatus.MIGRATION_FAILED) {
            try {
                SchemaMigrations.migrateTenant(TenantDataSources.forServer(tenant.dbServer()), tenant.code());
            } catch (RuntimeException e) {
                TenantRegistry.onPlatform().setStatus(tenant.code(), TenantStatus.MIGRATION_FAILED,
                        "MIGRATE on resume: " + e.getMessage());
                audit(actor, "RESUME", code, "migration failed again");
                throw ProblemException.conflict("code", "Province " + code + " still cannot be migrated; see its reason");
            }
        } else if (tenant.status() != TenantStatus.SUSPENDED) {
            throw ProblemException.conflict("code", "Only a suspended tenant, or one whose migration failed, can be"
                    + " resumed; " + code + " is " + tenant.status());
        }
        TenantRegistry.onPlatform().setStatus(tenant.code(), TenantStatus.ACTIVE, null);
        audit(actor, "RESUME", code, null);
        return get(code);
    }

    /**
     * Renames a province, or changes its type (tỉnh, thành phố trực thuộc trung ương), its code kept: the registry and
     * the province's own unit in its schema. A person's records, the units below and every report keep their keys.
     */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public TenantSummary rename(String code, String name, String type) {
        TenantEntry tenant = find(code);
        String clean = TextFolding.normalize(name);
        if (clean == null || clean.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("name", "required", "The province's name is required",
                    "name"));
        }
        if (clean.length() > 100) {
            throw ProblemException.invalid(FieldError.coded("name", "tooLong", "The name is at most 100 characters",
                    "name", 100));
        }
        String unitType = null;
        if (type != null && !type.isBlank()) {
            unitType = type.strip().toLowerCase(java.util.Locale.ROOT);
            if (!PROVINCE_TYPES.contains(unitType)) {
                throw ProblemException.invalid(FieldError.coded("type", "tenant.provinceType", "A province's type is"
                        + " one of " + PROVINCE_TYPES, String.join(", ", PROVINCE_TYPES)));
            }
        }
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            throw ProblemException.conflict(FieldError.coded("code", "tenant.notRenamable", "Only an active or"
                    + " suspended province can be renamed; " + code + " is " + tenant.status(), code));
        }
        String actor = CallerIdentity.of(context).username();
        try (java.sql.Connection c = TenantDataSources.forServer(tenant.dbServer()).getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE " + SchemaCopy.q(tenant.schema())
                     + ".admin_unit SET name = ?, name_folded = ?, unit_type = COALESCE(?, unit_type),"
                     + " version = version + 1, changed_at = NOW(3), changed_by = ? WHERE parent_id IS NULL AND"
                     + " level = 'PROVINCE'")) {
            ps.setString(1, clean);
            ps.setString(2, TextFolding.fold(clean));
            ps.setString(3, unitType);
            ps.setString(4, actor);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot rename the province unit of " + code, e);
        }
        TenantRegistry.onPlatform().rename(tenant.code(), clean);
        audit(actor, "RENAME", code, tenant.name() + " -> " + clean + (unitType == null ? "" : " (" + unitType + ")"));
        return get(code);
    }

    private static final List<String> PROVINCE_TYPES = List.of("tinh", "thanh_pho_tw");

    /** The registry row of a province named by a caller: 400 for a malformed code, 404 for an unknown one. */
    static TenantEntry find(String code) {
        if (!TenantCode.isValid(code)) {
            throw ProblemException.invalid("code", "The province code is exactly two digits");
        }
        return TenantRegistry.onPlatform().find(new TenantCode(code))
                .orElseThrow(() -> ProblemException.notFound("No tenant with code " + code));
    }

    private static TenantSummary summary(TenantEntry t) {
        TenantStatistics.Counts counts = TenantStatistics.of(t);
        return new TenantSummary(t.code().value(), t.name(), t.status(), t.statusReason(), t.dbServer(),
                t.createdAt(), t.updatedAt(), counts.communes(), counts.people(),
                counts.createdRecords());
    }

    private void audit(String actor, String action, String code, String detail) {
        PlatformAudit.record(actor, action, code, detail, clientAddress.get());
    }
}
