package vn.hssk.citizen;

import jakarta.ejb.EJBContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.shared.Settings;

/**
 * A citizen as the token describes them: the Keycloak username and the personal ID the national identity provider
 * vouched for. The personal ID is taken only from the token's {@code personal_id} claim, and only when the token's
 * {@code identity_provider} claim (the login session's broker, set by Keycloak, not by the user) names that provider
 * ({@code hssk.citizen.idp}, {@code HSSK_CITIZEN_IDP}, default {@code vneid}): an account an administrator gave a
 * personal ID and the citizen role by hand, or a token without the claim, is refused. Never from a form.
 */
public record CitizenIdentity(String username, String personalId) {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");

    /** The citizen calling, or 403 when the caller is not one or the token does not carry a vouched personal ID. */
    public static CitizenIdentity of(EJBContext context) {
        if (!context.isCallerInRole(Roles.CITIZEN)) {
            throw ProblemException.forbidden("Only a citizen logged in through the national identity provider"
                    + " sees this");
        }
        Principal principal = context.getCallerPrincipal();
        if (!(principal instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null
                || oidc.getOidcSecurityContext().getToken() == null) {
            throw ProblemException.forbidden("The login carries no token");
        }
        return from(oidc.getOidcSecurityContext().getToken(), provider());
    }

    static CitizenIdentity from(AccessToken token, String provider) {
        String broker = token.getClaimValueAsString("identity_provider");
        if (broker == null || !broker.equals(provider)) {
            throw ProblemException.forbidden("This login did not come through the national identity provider");
        }
        String personalId = token.getClaimValueAsString("personal_id");
        if (personalId == null || !PERSONAL_ID.matcher(personalId).matches()) {
            throw ProblemException.forbidden("The national identity provider sent no valid personal ID");
        }
        String username = Optional.ofNullable(token.getPreferredUsername()).orElse(token.getSubject());
        return new CitizenIdentity(username, personalId);
    }

    static String provider() {
        return Settings.get("hssk.citizen.idp", "HSSK_CITIZEN_IDP", "vneid");
    }

    /** The citizen as the audit and the province's services see them while working in {@code tenant}. */
    public CallerIdentity in(String tenant) {
        return new CallerIdentity(username, Set.of(Roles.CITIZEN), Optional.of(tenant), Set.of());
    }
}
