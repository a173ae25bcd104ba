package vn.hssk.tenant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The demo provinces of the embedded stack: Thanh Hóa (38) and Cần Thơ (92), onboarded at the first start with the
 * administrators that the dev realm already has. Only runs with {@code hssk.demo=true}, never in production.
 */
@Dependent
public class DemoProvinces {

    private static final Logger LOG = Logger.getLogger(DemoProvinces.class);

    @Inject
    private Onboarding onboarding;

    public void ensure() {
        ensure(new OnboardingRequest("38", "Thanh Hóa", "th-admin", "th-admin@demo.hssk.vn", null));
        ensure(new OnboardingRequest("92", "Cần Thơ", "ct-admin", "ct-admin@demo.hssk.vn", null));
    }

    private void ensure(OnboardingRequest request) {
        TenantCode code = new TenantCode(request.code());
        if (TenantRegistry.onPlatform().find(code).filter(t -> t.status() != TenantStatus.FAILED).isPresent()) {
            return;
        }
        OnboardingReport report = onboarding.onboard(request, "demo");
        LOG.infof("Demo province %s: %s in %d ms %s", code, report.status(), report.durationMs(),
                report.reason() == null ? "" : report.reason());
    }
}
