package vn.hssk.tenant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.hssk.care.DemoCare;
import vn.hssk.claims.DemoClaims;
import vn.hssk.citizen.DemoCitizens;
import vn.hssk.consult.DemoHospitals;
import vn.hssk.household.DemoHouseholds;
import vn.hssk.immunization.DemoImmunization;
import vn.hssk.plan.DemoPlans;
import vn.hssk.record.DemoClinical;
import vn.hssk.record.DemoPersons;
import vn.hssk.station.DemoStations;
import vn.hssk.unit.DemoUnits;

/**
 * The demo provinces of the embedded stack: Thanh Hóa (38) and Cần Thơ (92), onboarded at the first start with the
 * administrators that the dev realm already has, then filled with demo units, stations, households, residents with
 * their history and visits, immunization data, and plans. Only runs with {@code hssk.demo=true}, never in
 * production; every step leaves existing data alone.
 */
@Dependent
public class DemoProvinces {

    private static final Logger LOG = Logger.getLogger(DemoProvinces.class);

    @Inject
    private Onboarding onboarding;

    @Inject
    private DemoUnits units;

    @Inject
    private DemoStations stations;

    @Inject
    private DemoHospitals hospitals;

    @Inject
    private DemoHouseholds households;

    @Inject
    private DemoPersons persons;

    @Inject
    private DemoClinical clinical;

    @Inject
    private DemoCitizens citizens;

    @Inject
    private DemoCare care;

    @Inject
    private DemoClaims claims;

    @Inject
    private DemoImmunization immunization;

    @Inject
    private DemoPlans plans;

    public void ensure() {
        ensure(new OnboardingRequest("38", "Thanh Hóa", "th-admin", "th-admin@demo.hssk.vn", null));
        ensure(new OnboardingRequest("92", "Cần Thơ", "ct-admin", "ct-admin@demo.hssk.vn", null));
    }

    private void ensure(OnboardingRequest request) {
        TenantCode code = new TenantCode(request.code());
        if (TenantRegistry.onPlatform().find(code).filter(t -> t.status() != TenantStatus.FAILED).isEmpty()) {
            OnboardingReport report = onboarding.onboard(request, "demo");
            LOG.infof("Demo province %s: %s in %d ms %s", code, report.status(), report.durationMs(),
                    report.reason() == null ? "" : report.reason());
        }
        TenantEntry tenant = TenantRegistry.onPlatform().find(code).filter(TenantEntry::isActive).orElse(null);
        if (tenant == null) {
            return;
        }
        try {
            TenantContext.callAs(tenant, () -> {
                units.ensure(code.value());
                stations.ensure(code.value());
                hospitals.ensure(code.value());
                households.ensure(code.value());
                clinical.addTo(code.value(), persons.ensure(code.value()));
                citizens.ensure(code.value());
                care.ensure(code.value());
                claims.ensure(code.value());
                immunization.ensure(code.value());
                plans.ensure(code.value());
                return null;
            });
        } catch (Exception e) {
            LOG.errorf(e, "Demo data of province %s could not be loaded", code);
        }
    }
}
