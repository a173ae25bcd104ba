package vn.hssk.shared;

/**
 * The realm roles of the platform (Keycloak realm {@code hssk}). National administrators work on the registry of
 * tenants and see aggregates only; the next three work inside one province, the last two of them inside their communes;
 * hospital doctors work inside one facility of one province; citizens see their own records only.
 */
public final class Roles {

    public static final String NATIONAL_ADMIN = "national-admin";
    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String COMMUNE_CHAIR = "commune-chair";
    public static final String STATION_STAFF = "station-staff";
    /**
     * A doctor of a hospital of the province (token claim {@code facility}, the hospital's facility code): answers the
     * tele-consultation requests sent to that hospital and sees only what the station shared ({@code vn.hssk.consult}).
     */
    public static final String HOSPITAL_DOCTOR = "hospital-doctor";
    /**
     * A resident logged in through the national identity provider (VNeID); sees only their own record and their
     * household's children, in every province that holds them ({@code vn.hssk.citizen}).
     */
    public static final String CITIZEN = "citizen";

    private Roles() {
    }
}
