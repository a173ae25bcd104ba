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

    private static TenantEntry find(String code) {
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
