package vn.hssk.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import vn.hssk.shared.Roles;

/**
 * The start page has nothing of its own: it sends each user to where their work is. A national administrator to the
 * tenants, a province administrator to the province's progress overview, a commune chair to the dashboard of their
 * commune (quota against records created, seed 002), station staff to the persons list of their communes, where the
 * station's daily work (finding, registering and completing records) starts, a hospital doctor to the inbox of
 * tele-consultation requests. Anyone else to the province's units.
 */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private SignedInUser signedIn;

    public String land() {
        return landingOf(signedIn.me().roles()) + "?faces-redirect=true";
    }

    /** The first screen of someone with these roles; the widest role wins when an account has several. */
    static String landingOf(Set<String> roles) {
        if (roles.contains(Roles.NATIONAL_ADMIN)) {
            return "/national/tenants";
        }
        if (roles.contains(Roles.PROVINCE_ADMIN)) {
            return "/province/overview";
        }
        if (roles.contains(Roles.COMMUNE_CHAIR)) {
            return "/province/dashboard";
        }
        if (roles.contains(Roles.STATION_STAFF)) {
            return "/province/persons";
        }
        if (roles.contains(Roles.HOSPITAL_DOCTOR)) {
            return "/consult/inbox";
        }
        if (roles.contains(Roles.CITIZEN)) {
            return "/citizen/index";
        }
        return "/province/home";
    }
}
