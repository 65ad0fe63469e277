package vn.grassroots.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Header copying between the two hops. Everything end-to-end passes (Authorization, If-Match,
 * Idempotency-Key, content negotiation ...); what only concerns one connection (RFC 9110 7.6.1) does not.
 */
public final class ProxyHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "http2-settings");

    private ProxyHeaders() {}

    /**
     * Copies end-to-end headers. On requests, {@code Host} is left out because the client sets the upstream's,
     * and {@code Expect} because the gateway answers 100-continue itself.
     */
    public static MultiMap endToEnd(MultiMap from, boolean request) {
        // Connection may name further headers that belong to this hop only.
        Set<String> named = new HashSet<>();
        for (String value : from.getAll("Connection")) {
            for (String token : value.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        from.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !(request && ("host".equals(lower) || "expect".equals(lower)))
                    && !named.contains(lower)) {
                to.add(name, value);
            }
        });
        return to;
    }
}
