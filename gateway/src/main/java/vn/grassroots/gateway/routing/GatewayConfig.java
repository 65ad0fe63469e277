package vn.grassroots.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing table. A new service is one more pair of {@code grassroots.routes.<name>.prefix/url}
 * lines; the name is also what {@code /openapi/<name>} and the problem details call it.
 */
@ConfigMapping(prefix = "grassroots")
public interface GatewayConfig {

    Map<String, Route> routes();

    UpstreamSettings upstream();

    RateLimits rateLimit();

    Body body();

    RequestHead request();

    /** Limits of the request line and headers, answered as problems (414, 431) before anything else. */
    interface RequestHead {
        /** Characters of the URI (path and query); Vert.x's own default line limit in the services is 4,096. */
        @WithDefault("4000")
        int maxUriChars();

        /** Bytes of all header names and values together (the services accept 20 KiB). */
        @WithDefault("16384")
        int maxHeaderBytes();
    }

    /** Request body limits: small for every API, larger for the few paths that take files (the CSV import). */
    interface Body {
        /** Bytes a request body may have. */
        @WithDefault("1048576")
        long maxBytes();

        /** Path prefixes (e.g. /api/v1/members/imports) whose bodies may reach {@link #largeMaxBytes()}. */
        Optional<List<String>> largePaths();

        /** Bytes a body may have on the large paths; quarkus.http.limits.max-body-size must not be smaller. */
        @WithDefault("67108864")
        long largeMaxBytes();
    }

    interface Route {
        /** Path prefixes under /api, comma-separated, without a trailing slash, e.g. /api/v1/organizations. */
        List<String> prefix();

        /**
         * Base URLs of the service's instances, comma-separated, e.g. http://10.0.0.5:8081,http://10.0.0.6:8081 (a path
         * part is prepended); calls go round robin to the instances whose circuit is closed and health check passes.
         */
        List<String> url();
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

        /** Extra attempts of a GET, HEAD or OPTIONS whose connection failed before any answer. */
        @WithDefault("1")
        int retries();

        /** Pause before such a retry, so a restarting instance has a moment. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** Consecutive failures (unreachable or timed out) that open an upstream's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one trial call is let through. */
        @WithDefault("10s")
        Duration openDelay();

        /** How long the health check waits for an upstream's /q/health/ready. */
        @WithDefault("1s")
        Duration healthTimeout();

        /** How often each instance of a service with several is checked (/q/health/ready), to take it out or back. */
        @WithDefault("2s")
        Duration healthInterval();
    }

    /** Token buckets: per client ({@code azp}), per user ({@code sub}), per remote address without a token. */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        Limit client();

        Limit user();

        Limit anonymous();

        /** Buckets kept per kind; a full (long idle) bucket is dropped first, as it equals a new one. */
        @WithDefault("100000")
        int maxBuckets();
    }

    interface Limit {
        /** Burst size: requests allowed at once. */
        long capacity();

        /** Sustained rate. */
        double refillPerSecond();
    }
}
