package vn.hssk.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The start page has nothing of its own: it sends each user to where their work is. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private SignedInUser signedIn;

    public String land() {
        return signedIn.isNationalAdmin()
                ? "/national/tenants?faces-redirect=true"
                : "/province/home?faces-redirect=true";
    }
}
