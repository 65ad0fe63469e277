package vn.grassroots.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The routing table. A new service is one more pair of {@code grassroots.routes.<name>.prefix/url}
 * lines; the name is also what {@code /openapi/<name>} and the problem details call it.
 */
@ConfigMapping(prefix = "grassroots")
public interface GatewayConfig {

    Map<String, Route> routes();

    UpstreamSettings upstream();

    interface Route {
        /** Path prefix under /api, without a trailing slash, e.g. /api/v1/organizations. */
        String prefix();

        /** Base URL of the service, e.g. http://localhost:8081 (a path part is prepended). */
        String url();
    }

    interface UpstreamSettings {
        /** How long an upstream may stay silent (before or while answering) until it counts as unavailable. */
        @WithDefault("10s")
        Duration timeout();

        /** Kept short so that a stopped service gives a quick 503 instead of a hanging client. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** HTTP/1.1 connections kept per upstream. */
        @WithDefault("64")
        int maxConnections();
    }
}
