package vn.grassroots.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints access tokens shaped like Keycloak's (realm_access.roles, org_id, member_id), signed with
 * the key whose public half the test profile trusts (META-INF/microprofile-config.properties).
 */
public final class TestTokens {
    public static final String ISSUER = "https://grassroots.test/realms/grassroots";
    /** The audience every Grassroots token carries (Keycloak's "grassroots-api audience" mapper). */
    public static final String AUDIENCE = "grassroots-api";
    private static final PrivateKey KEY = load();

    private TestTokens() {}

    /** A bearer token for a user acting in the subtree of {@code orgId} with the given roles. */
    public static String token(String username, String orgId, String... roles) {
        return builder(username, orgId, null, roles);
    }

    /** As {@link #token} with the caller's own member id (mobile users). */
    public static String memberToken(String username, String orgId, String memberId, String... roles) {
        return builder(username, orgId, memberId, roles);
    }

    /** The "Authorization" header value. */
    public static String bearer(String username, String orgId, String... roles) {
        return "Bearer " + token(username, orgId, roles);
    }

    /** A token of {@link #token} that expires {@code seconds} from now. */
    public static String expiringToken(String username, String orgId, long seconds, String... roles) {
        return sign(claims(username, orgId, null, roles).expiresIn(seconds));
    }

    public static String admin() {
        return "Bearer " + token("admin", null, "admin");
    }

    private static String builder(String username, String orgId, String memberId, String... roles) {
        return sign(claims(username, orgId, memberId, roles).expiresIn(3600));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String username, String orgId, String memberId, String... roles) {
        var jwt = Jwt.issuer(ISSUER).audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (orgId != null) {
            jwt.claim("org_id", orgId);
        }
        if (memberId != null) {
            jwt.claim("member_id", memberId);
        }
        return jwt;
    }

    /** Signs any claims with the test key (tokens that are wrong in one way, for refusal tests). */
    public static String signed(io.smallrye.jwt.build.JwtClaimsBuilder jwt) {
        return sign(jwt);
    }

    private static String sign(io.smallrye.jwt.build.JwtClaimsBuilder jwt) {
        return jwt.jws().keyId("grassroots-test").sign(KEY);
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("grassroots-testing/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException("test signing key missing", e);
        }
    }
}
