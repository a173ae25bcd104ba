package vn.hssk.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.OnboardingReport;
import vn.hssk.tenant.OnboardingRequest;
import vn.hssk.tenant.TenantService;
import vn.hssk.tenant.TenantStatus;
import vn.hssk.tenant.TenantSummary;

/**
 * The national administrators' screen: the registry of provinces with their aggregates, suspending and resuming, and
 * onboarding a new province. Request-scoped on purpose: the onboarding report carries the new administrator's
 * one-time password, which must be shown once and kept nowhere, not even in a view scope held by the session.
 */
@Named
@RequestScoped
public class TenantsView {

    private static final String ROW_PARAMETER = "tenant";
    /** The registry's reason of a merged province (TenantMergeBatchlet): "Merged into 92 (Cần Thơ) by merge 3; ...". */
    private static final java.util.regex.Pattern MERGED =
            java.util.regex.Pattern.compile("Merged into (\\d{2}) \\((.*)\\) by merge (\\d+)");

    @Inject
    private TenantService tenantService;


    private List<TenantSummary> tenants;
    private OnboardingReport report;

    private String code;
    private String name;
    private String adminUsername;
    private String adminEmail;

    private String suspendCode;
    private String suspendReason;

    public List<TenantSummary> getTenants() {
        if (tenants == null) {
            tenants = tenantService.list();
        }
        return tenants;
    }

    public void onboard() {
        try {
            report = tenantService.onboard(new OnboardingRequest(code, name, adminUsername, adminEmail, null));
            tenants = null;
            if (report.status() == TenantStatus.ACTIVE) {
                clearForm();
            }
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "onboard");
        }
    }

    /** Remembers which province the confirmation dialog is about. */
    public void askSuspend() {
        suspendCode = rowParameter();
        suspendReason = null;
    }

    public void suspend() {
        try {
            tenantService.suspend(suspendCode, suspendReason);
            tenants = null;
            ScreenMessages.info("tenants.suspended", suspendCode);
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void resume() {
        String resumed = rowParameter();
        try {
            tenantService.resume(resumed);
            tenants = null;
            ScreenMessages.info("tenants.resumed", resumed);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    /** The code of the row whose button was pressed, sent as a parameter so it does not depend on row positions. */
    private static String rowParameter() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(ROW_PARAMETER);
    }

    private void clearForm() {
        code = null;
        name = null;
        adminUsername = null;
        adminEmail = null;
    }

    /**
     * A step's detail in the screen's language: what the step did when it succeeded, and when it failed the error
     * the step met (the technical text, English or the database's, is kept as the cell's title and in the report).
     */
    public String stepDetail(OnboardingReport.Step step) {
        if ("OK".equals(step.outcome())) {
            String admin = report == null ? "" : report.adminUsername();
            return text("stepDone." + step.step(), admin);
        }
        return text("stepFailed", step.detail());
    }

    /** A status reason "STEP: message" as the report and the registry store it, with the step named in words. */
    public String reason(String stored) {
        if (stored == null) {
            return null;
        }
        java.util.regex.Matcher merged = MERGED.matcher(stored);
        if (merged.lookingAt()) {
            return text("tenants.mergedInto", merged.group(1), merged.group(2), merged.group(3));
        }
        int colon = stored.indexOf(": ");
        String step = colon < 0 ? null : stored.substring(0, colon);
        if (step == null || !step.matches("[A-Z_]+") || !bundle().containsKey("step." + step)) {
            return stored;
        }
        return text("report.reasonAt", text("step." + step), stored.substring(colon + 2));
    }

    private static java.util.ResourceBundle bundle() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg");
    }

    private static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        return new java.text.MessageFormat(bundle().getString(key), context.getViewRoot().getLocale())
                .format(arguments);
    }

    public OnboardingReport getReport() {
        return report;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getSuspendCode() {
        return suspendCode;
    }

    public void setSuspendCode(String suspendCode) {
        this.suspendCode = suspendCode;
    }

    public String getSuspendReason() {
        return suspendReason;
    }

    public void setSuspendReason(String suspendReason) {
        this.suspendReason = suspendReason;
    }
}
