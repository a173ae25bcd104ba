package vn.hssk.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.CurrentProvinceService;
import vn.hssk.tenant.CurrentProvinceService.Me;

/**
 * The signed-in user as the page header and the screens show them. It reuses the answer the province gate already
 * got for this request, so a page asks the service once.
 */
@Named("signedIn")
@RequestScoped
public class SignedInUser {

    @Inject
    private CurrentProvinceService currentProvince;

    private Me me;

    public Me me() {
        if (me == null) {
            Object known = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                    .get(ProvinceGateFilter.CALLER);
            me = known instanceof Me m ? m : currentProvince.whoAmI();
        }
        return me;
    }

    public String getUsername() {
        return me().username();
    }

    public String getProvinceCode() {
        return me().tenantCode();
    }

    public String getProvinceName() {
        return me().tenantName();
    }

    public boolean isNationalAdmin() {
        return me().roles().contains(Roles.NATIONAL_ADMIN);
    }

    public boolean isProvinceAdmin() {
        return me().roles().contains(Roles.PROVINCE_ADMIN);
    }

    public boolean isStationStaff() {
        return me().roles().contains(Roles.STATION_STAFF);
    }

    /** A hospital doctor works on tele-consultation requests only; the province's menu is not theirs. */
    public boolean isHospitalDoctor() {
        return me().roles().contains(Roles.HOSPITAL_DOCTOR) && !me().roles().contains(Roles.PROVINCE_ADMIN)
                && !isStationStaff() && !me().roles().contains(Roles.COMMUNE_CHAIR);
    }
}
