package vn.hssk.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.wildfly.security.http.oidc.AccessToken;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;

class CitizenIdentityTest {

    private static AccessToken token(String broker, String personalId) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("f3c1");
        claims.setClaim("preferred_username", "038085012345");
        if (broker != null) {
            claims.setClaim("identity_provider", broker);
        }
        if (personalId != null) {
            claims.setClaim("personal_id", personalId);
        }
        return new AccessToken(claims);
    }

    @Test
    void thePersonalIdComesFromATokenOfTheNationalIdentityProvider() {
        CitizenIdentity citizen = CitizenIdentity.from(token("vneid", "038085012345"), "vneid");
        assertEquals("038085012345", citizen.personalId());
        assertEquals("038085012345", citizen.username());
        assertEquals("38", citizen.in("38").requireTenant());
        assertEquals(java.util.Set.of(Roles.CITIZEN), citizen.in("38").roles());
    }

    @Test
    void aTokenThatDidNotComeThroughTheProviderOrCarriesNoValidIdIsRefused() {
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CitizenIdentity.from(token(null, "038085012345"), "vneid")).status(),
                "an account given a personal ID by hand, logged in with a password");
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CitizenIdentity.from(token("google", "038085012345"), "vneid")).status(),
                "another identity provider");
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CitizenIdentity.from(token("vneid", null), "vneid")).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CitizenIdentity.from(token("vneid", "03808501234"), "vneid")).status(), "11 digits");
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CitizenIdentity.from(token("vneid", "03808501234x"), "vneid")).status());
    }
}
