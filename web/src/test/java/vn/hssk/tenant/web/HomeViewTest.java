package vn.hssk.tenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.Roles;

class HomeViewTest {

    @Test
    void eachRoleLandsWhereItsWorkIs() {
        assertEquals("/national/tenants", HomeView.landingOf(Set.of(Roles.NATIONAL_ADMIN)));
        assertEquals("/province/overview", HomeView.landingOf(Set.of(Roles.PROVINCE_ADMIN)));
        assertEquals("/province/dashboard", HomeView.landingOf(Set.of(Roles.COMMUNE_CHAIR)));
        assertEquals("/province/persons", HomeView.landingOf(Set.of(Roles.STATION_STAFF)));
        assertEquals("/citizen/index", HomeView.landingOf(Set.of(Roles.CITIZEN)));
        assertEquals("/consult/inbox", HomeView.landingOf(Set.of(Roles.HOSPITAL_DOCTOR)));
        assertEquals("/province/home", HomeView.landingOf(Set.of()));
    }

    @Test
    void theWidestRoleWinsForAnAccountWithSeveral() {
        assertEquals("/province/dashboard", HomeView.landingOf(Set.of(Roles.STATION_STAFF, Roles.COMMUNE_CHAIR)));
        assertEquals("/province/overview", HomeView.landingOf(Set.of(Roles.COMMUNE_CHAIR, Roles.PROVINCE_ADMIN)));
    }
}
