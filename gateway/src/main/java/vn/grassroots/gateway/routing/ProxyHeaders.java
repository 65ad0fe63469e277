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
        Set<String> skip = new HashSet<>(HOP_BY_HOP);
        // Connection may name further headers that belong to this hop only.
        for (String value : from.getAll("Connection")) {
            for (String token : value.split(",")) {
                skip.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (request) {
            skip.add("host");
            skip.add("expect");
        }
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        from.forEach((name, value) -> {
            if (!skip.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, value);
            }
        });
        return to;
    }
}
