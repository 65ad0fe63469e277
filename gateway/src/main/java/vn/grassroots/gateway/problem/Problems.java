package vn.grassroots.gateway.problem;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem details, shaped like the services' own, for what the gateway itself answers. */
public final class Problems {

    public static final String TYPE_BASE = "https://grassroots.vn/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {}

    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(body.encode());
    }

    public static void notFound(RoutingContext ctx, String detail) {
        send(ctx, 404, "not-found", "Not found", detail);
    }

    public static void upstreamUnavailable(RoutingContext ctx, String service) {
        send(ctx, 503, "upstream-unavailable", "Service unavailable", service + " service is unavailable");
    }

    /** 429 with Retry-After in seconds. */
    public static void tooManyRequests(RoutingContext ctx, long retryAfterSeconds, String detail) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        send(ctx, 429, "too-many-requests", "Too many requests", detail);
    }

    /** 503 for an upstream that cannot be reached; with Retry-After when it is known how long that lasts. */
    public static void upstreamUnavailable(RoutingContext ctx, String service, long retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        upstreamUnavailable(ctx, service);
    }

    public static void payloadTooLarge(RoutingContext ctx, long limit) {
        send(ctx, 413, "payload-too-large", "Payload too large", "The request body exceeds " + limit + " bytes");
    }
}
