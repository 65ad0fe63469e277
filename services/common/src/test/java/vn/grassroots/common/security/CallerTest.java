package vn.grassroots.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.ProblemException;

/** Who the caller is, what roles they hold and the subtree they may act in, from the token alone. */
class CallerTest {
    static final UUID ORG = UUID.fromString("0b5e3f2a-7c1d-4e8f-9a6b-1c2d3e4f5a6b");

    static final class Token implements JsonWebToken {
        final Map<String, Object> claims = new HashMap<>();

        Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        @Override
        public String getName() {
            return (String) claims.get("preferred_username");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }

    static Caller caller(String principal, Token token, OrganizationPaths paths, String... roles) {
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).addRoles(Set.of(roles)).build(),
                token, paths);
    }

    static Caller anonymous() {
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("")).setAnonymous(true).build(),
                new Token().claim(Caller.ORG_CLAIM, ORG.toString()), null);
    }

    static final OrganizationPaths NONE = id -> Optional.empty();

    @Test
    void theNameIsThePreferredUsernameElseThePrincipal() {
        assertEquals("an.nguyen", caller("sub-1", new Token().claim("preferred_username", "an.nguyen"), NONE).name());
        assertEquals("sub-1", caller("sub-1", new Token(), NONE).name());
        assertEquals("anonymous", anonymous().name());
    }

    @Test
    void theActorOfAChangeIsTheCallerOrTheSystem() {
        assertEquals("an.nguyen", Caller.actorOf(caller("sub-1", new Token().claim("preferred_username", "an.nguyen"), NONE)));
        assertEquals("system", Caller.actorOf(anonymous()));
        Caller outsideARequest = new Caller(null, null, NONE) {
            @Override
            public String name() {
                throw new IllegalStateException("request context not active");
            }
        };
        assertEquals("system", Caller.actorOf(outsideARequest), "a Kafka consumer has no request");
    }

    @Test
    void idClaimsAreReadWithOrWithoutJsonQuotes() {
        assertEquals(Optional.of(ORG), caller("u", new Token().claim(Caller.ORG_CLAIM, ORG.toString()), NONE).organizationId());
        // some token libraries give a claim as a JSON string value, quotes included
        Object jsonString = new Object() {
            @Override
            public String toString() {
                return "\"" + ORG + "\"";
            }
        };
        assertEquals(Optional.of(ORG), caller("u", new Token().claim(Caller.MEMBER_CLAIM, jsonString), NONE).memberId());
        assertEquals(Optional.empty(), caller("u", new Token().claim(Caller.ORG_CLAIM, "not-a-uuid"), NONE).organizationId());
        assertEquals(Optional.empty(), caller("u", new Token(), NONE).memberId());
        assertEquals(Optional.empty(), anonymous().organizationId(), "an anonymous caller has no claims");
    }

    @Test
    void rolesAreCheckedAndAMissingOneIsRefused() {
        Caller secretary = caller("u", new Token(), NONE, Roles.SECRETARY, Roles.MEMBER);
        assertEquals(Set.of(Roles.SECRETARY, Roles.MEMBER), secretary.roles());
        assertTrue(secretary.hasAnyRole(Roles.ORGANIZER, Roles.SECRETARY));
        assertFalse(secretary.hasAnyRole(Roles.ORGANIZER, Roles.AUDITOR));
        assertFalse(secretary.isAdmin());
        secretary.requireRole(Roles.MEMBER);
        ProblemException e = assertThrows(ProblemException.class, () -> secretary.requireRole(Roles.ADMIN, Roles.ORGANIZER));
        assertEquals(403, e.status());
        assertEquals("this operation needs one of the roles admin, organizer", e.getMessage());
    }

    @Test
    void anAdminMayActInTheWholeTree() {
        Caller admin = caller("u", new Token(), id -> {
            throw new AssertionError("an admin's organization is not looked up");
        }, Roles.ADMIN);
        assertTrue(admin.isAdmin());
        assertSame(Scope.ALL, admin.scope());
        admin.requireInScope("/any/where/", UUID.randomUUID());
    }

    @Test
    void othersActInTheSubtreeOfTheirOrganizationLookedUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        Caller organizer = caller("u", new Token().claim(Caller.ORG_CLAIM, ORG.toString()), id -> {
            lookups.incrementAndGet();
            return id.equals(ORG) ? Optional.of("/p/d/") : Optional.empty();
        }, Roles.ORGANIZER);
        assertEquals(new Scope("/p/d/"), organizer.scope());
        organizer.requireInScope("/p/d/c/", null);
        ProblemException outside = assertThrows(ProblemException.class, () -> organizer.requireInScope("/p/e/", null));
        assertEquals("out-of-scope", outside.slug());
        assertEquals(1, lookups.get(), "the scope is resolved once per request");
    }

    @Test
    void noOrganizationOrAnUnknownOneMeansNoScope() {
        ProblemException none = assertThrows(ProblemException.class, () -> caller("u", new Token(), NONE, Roles.ORGANIZER).scope());
        assertEquals(403, none.status());
        assertEquals("your token names no organization (claim org_id), so you have no scope", none.getMessage());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> caller("u", new Token().claim(Caller.ORG_CLAIM, ORG.toString()), NONE, Roles.ORGANIZER).scope());
        assertEquals(403, unknown.status());
        assertEquals("the organization " + ORG + " named by your token is unknown here", unknown.getMessage());
    }
}
