package vn.grassroots.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** Plain unit tests of route matching, URI building and header filtering. */
class UpstreamTest {

    private static Upstream route(String prefix, String url) {
        return Upstream.of("organization", prefix, url);
    }

    @Test
    void matchesWholeSegments() {
        Upstream u = route("/api/v1/organizations", "http://org:8081");
        assertTrue(u.matches("/api/v1/organizations"));
        assertTrue(u.matches("/api/v1/organizations/"));
        assertTrue(u.matches("/api/v1/organizations/x/y"));
        assertFalse(u.matches("/api/v1/organizationsx"));
        assertFalse(u.matches("/api/v1/organization"));
    }

    @Test
    void buildsUpstreamUriWithBasePath() {
        Upstream.Instance u = route("/api/v1/organizations", "https://org.internal/svc/").instances().get(0);
        assertEquals(443, u.port());
        assertTrue(u.ssl());
        assertEquals("/svc/api/v1/organizations/1?limit=5", u.uri("/api/v1/organizations/1", "limit=5"));
        assertEquals("/svc/api/v1/organizations", u.uri("/api/v1/organizations", null));
    }

    @Test
    void relativizesLocationsOnTheUpstream() {
        Upstream u = route("/api/v1/organizations", "http://org:8081");
        assertEquals("/api/v1/organizations/1", u.relativize("http://org:8081/api/v1/organizations/1"));
        assertEquals("/api/v1/organizations/1", u.relativize("HTTP://ORG:8081/api/v1/organizations/1"));
        assertEquals("/api/v1/organizations/1", u.relativize("/api/v1/organizations/1"));
        assertEquals("https://elsewhere/x", u.relativize("https://elsewhere/x"));
        assertEquals("http://org:80812/x", u.relativize("http://org:80812/x"));
        Upstream based = route("/api/v1/organizations", "http://org/svc");
        assertEquals("/api/v1/organizations/1", based.relativize("http://org/svc/api/v1/organizations/1"));
        // several instances: a Location built by any of them
        Upstream two = Upstream.of("organization", "/api/v1/organizations", "http://10.0.0.5:8081", "http://10.0.0.6:8081");
        assertEquals(2, two.instances().size());
        assertEquals("/api/v1/organizations/1", two.relativize("http://10.0.0.6:8081/api/v1/organizations/1"));
        assertEquals("/api/v1/organizations/1", two.relativize("http://10.0.0.5:8081/api/v1/organizations/1"));
        assertEquals("http://10.0.0.7:8081/x", two.relativize("http://10.0.0.7:8081/x"));
    }

    @Test
    void rejectsRoutesOutsideApiOrWithoutHost() {
        assertThrows(IllegalArgumentException.class, () -> route("/admin", "http://org:8081"));
        assertThrows(IllegalArgumentException.class, () -> route("/api/v1/organizations/", "http://org:8081"));
        assertThrows(IllegalArgumentException.class, () -> route("/api/v1/organizations", "org:8081"));
    }

    @Test
    void dropsHopByHopHeaders() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap()
                .add("Host", "gateway:8080")
                .add("Connection", "keep-alive, X-Secret")
                .add("X-Secret", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Expect", "100-continue")
                .add("Authorization", "Bearer t")
                .add("If-Match", "\"1\"")
                .add("Idempotency-Key", "k")
                .add("Accept", "application/json")
                .add("Accept", "text/plain");
        MultiMap out = ProxyHeaders.endToEnd(in, true);
        assertEquals(MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer t")
                .add("If-Match", "\"1\"")
                .add("Idempotency-Key", "k")
                .add("Accept", "application/json")
                .add("Accept", "text/plain").entries().toString(), out.entries().toString());
        assertEquals("gateway:8080", ProxyHeaders.endToEnd(in, false).get("Host"));
    }
}
