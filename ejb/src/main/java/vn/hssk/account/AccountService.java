package vn.hssk.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.hssk.consult.HospitalService;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.station.StationService;
import vn.hssk.station.StationStaff;
import vn.hssk.tenant.KeycloakAdmin;
import vn.hssk.tenant.KeycloakAdmin.Account;
import vn.hssk.tenant.KeycloakAdmin.TenantAccount;
import vn.hssk.unit.UnitRepository;
import vn.hssk.unit.UnitLevel;

/**
 * A province administrator's use cases on the accounts of their province: list them, create commune chairs and
 * station staff scoped to current communes of the province and hospital doctors scoped to an open hospital of the
 * province, disable and enable them. The province written on an
 * account is always the caller's own; an account of another province answers 404; province and national
 * administrators are neither made nor disabled here.
 */
@Stateless
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The accounts made, disabled and enabled here. */
    private static final List<String> MANAGED_ROLES = List.of(Roles.COMMUNE_CHAIR, Roles.STATION_STAFF,
            Roles.HOSPITAL_DOCTOR);

    @Resource
    private EJBContext context;

    @Inject
    private KeycloakAdmin keycloak;

    @Inject
    private UnitRepository units;

    @Inject
    private StationService stations;

    @Inject
    private HospitalService hospitals;

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<TenantAccount> accounts() {
        return keycloak.tenantAccounts(caller().requireTenant());
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public TenantAccount account(String username) {
        String tenant = caller().requireTenant();
        return keycloak.tenantAccount(tenant, normalise(username))
                .orElseThrow(() -> ProblemException.notFound("No account " + username));
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public CreatedAccount create(NewAccount request) {
        String tenant = caller().requireTenant();
        if (request == null) {
            throw ProblemException.invalid("username", "The account is required");
        }
        String username = normalise(request.username());
        String email = request.email() == null ? null : request.email().trim();
        List<FieldError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username",
                    "A username has 3 to 50 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (email == null || email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "A valid e-mail address is required"));
        }
        if (request.role() == null || !MANAGED_ROLES.contains(request.role().trim())) {
            errors.add(new FieldError("role", "The role is commune-chair, station-staff or hospital-doctor"));
        }
        String firstName = name(request.firstName(), "firstName", errors);
        String lastName = name(request.lastName(), "lastName", errors);
        if (request.role() != null && Roles.HOSPITAL_DOCTOR.equals(request.role().trim())) {
            return createDoctor(tenant, username, email, firstName, lastName, request, errors);
        }
        if (request.facility() != null && !request.facility().isBlank()) {
            errors.add(new FieldError("facility", "Only a hospital doctor's account names a facility"));
        }
        TreeSet<String> communes = new TreeSet<>();
        if (request.communes() == null || request.communes().isEmpty()) {
            errors.add(new FieldError("communes", "At least one commune is required"));
        } else {
            for (String code : request.communes()) {
                String c = code == null ? "" : code.trim();
                boolean current = c.matches("[0-9]{5}") && units.findCurrentByCode(c)
                        .filter(u -> u.getLevel() == UnitLevel.COMMUNE).isPresent();
                if (!current) {
                    errors.add(new FieldError("communes", "No current commune " + c + " in this province"));
                    break;
                }
                communes.add(c);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (request.staffId() != null) {
            StationStaff member = stations.staffMember(request.staffId());
            if (member.hasLeft()) {
                throw ProblemException.invalid("staffId", member.getFullName() + " has left the station");
            }
            if (!communes.contains(member.getStation().getCommune().getCode())) {
                throw ProblemException.invalid("staffId",
                        "The staff member works in a commune the account does not cover");
            }
        }
        Account created = keycloak.createCommuneAccount(username, email, firstName, lastName, tenant,
                List.copyOf(communes), request.role().trim());
        if (request.staffId() != null) {
            stations.linkAccount(request.staffId(), username);
        }
        TenantAccount account = new TenantAccount(created.id(), username, email, firstName, lastName,
                request.role().trim(), List.copyOf(communes), true, null);
        return new CreatedAccount(account, created.temporaryPassword());
    }

    /** A hospital doctor's account: no communes, the facility code of an open hospital of the province. */
    private CreatedAccount createDoctor(String tenant, String username, String email, String firstName,
                                        String lastName, NewAccount request, List<FieldError> errors) {
        if (request.communes() != null && !request.communes().isEmpty()) {
            errors.add(new FieldError("communes", "A hospital doctor works in a hospital, not in communes"));
        }
        if (request.staffId() != null) {
            errors.add(new FieldError("staffId", "A hospital doctor is not a station staff member"));
        }
        String facility = request.facility() == null ? "" : request.facility().trim();
        if (hospitals.list(false).stream().noneMatch(h -> h.getFacilityCode().equals(facility))) {
            errors.add(new FieldError("facility", "No open hospital " + facility + " in this province"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Account created = keycloak.createFacilityAccount(username, email, firstName, lastName, tenant, facility);
        TenantAccount account = new TenantAccount(created.id(), username, email, firstName, lastName,
                Roles.HOSPITAL_DOCTOR, List.of(), true, facility);
        return new CreatedAccount(account, created.temporaryPassword());
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public TenantAccount disable(String username) {
        return setEnabled(username, false);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public TenantAccount enable(String username) {
        return setEnabled(username, true);
    }

    private TenantAccount setEnabled(String username, boolean enabled) {
        CallerIdentity caller = caller();
        String tenant = caller.requireTenant();
        TenantAccount account = keycloak.tenantAccount(tenant, normalise(username))
                .orElseThrow(() -> ProblemException.notFound("No account " + username));
        if (!MANAGED_ROLES.contains(account.role())) {
            throw ProblemException.forbidden("Only commune chair, station staff and hospital doctor accounts are"
                    + " managed here");
        }
        keycloak.setEnabled(account.id(), enabled);
        return new TenantAccount(account.id(), account.username(), account.email(), account.firstName(),
                account.lastName(), account.role(), account.communes(), enabled, account.facility());
    }

    private static String name(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > 100) {
            errors.add(new FieldError(field, "At most 100 characters"));
        }
        return value.trim();
    }

    private static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
