package vn.hssk.shared;

/**
 * The realm roles of the platform (Keycloak realm {@code hssk}). National administrators work on the registry of
 * tenants and see aggregates only; the other three work inside one province, the last two inside their communes.
 */
public final class Roles {

    public static final String NATIONAL_ADMIN = "national-admin";
    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String COMMUNE_CHAIR = "commune-chair";
    public static final String STATION_STAFF = "station-staff";

    private Roles() {
    }
}
