package vn.grassroots.gateway.routing;

import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.grassroots.gateway.correlation.CorrelationId;
import vn.grassroots.gateway.problem.Problems;

/**
 * Forwards one request to an upstream and streams the answer back. Bodies flow chunk by chunk with
 * back-pressure in both directions, so the gateway never holds a whole request or response.
 * Each upstream has a circuit breaker; a bodiless GET, HEAD or OPTIONS whose connection failed before
 * any answer is tried again, nothing else is (a POST may have been acted on, a streamed body is gone).
 *
 * <p>Longer than 300 lines on purpose: {@link Exchange} is one forwarded request's states (connect, send the body,
 * relay the answer, retry, abort), which share its fields and the proxy's client; split apart, each step would have to
 * hand all of them on.
 */
@Singleton
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    /** An answer up to this size is read and dropped when its caller has gone, rather than cut off with its connection. */
    private static final long DROPPED_MAX_BYTES = 64 * 1024;

    private static final Set<HttpMethod> RETRYABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Vertx vertx;
    private final HttpClient client;
    private final GatewayConfig.UpstreamSettings settings;
    private final long timeoutMillis;
    private final long connectTimeoutMillis;
    private final RouteTable routes;
    private final boolean tracing;

    public UpstreamProxy(Vertx vertx, GatewayConfig config, RouteTable routes,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        this.vertx = vertx;
        this.routes = routes;
        this.tracing = !tracingOff;
        settings = config.upstream();
        timeoutMillis = settings.timeout().toMillis();
        connectTimeoutMillis = settings.connectTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) connectTimeoutMillis)
                .setKeepAlive(true)
                // Upstream gzip (if any) is relayed as is; the caller asked for it via Accept-Encoding.
                .setDecompressionSupported(false);
        client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends {@code method path?query} with {@code headers} to an instance of the upstream; with {@code withBody}, the
     * caller's body follows. The answer, or a 503 problem if no instance can be reached in time, goes to {@code ctx}.
     */
    public void forward(RoutingContext ctx, Upstream upstream, HttpMethod method, String path, String rawQuery, MultiMap headers,
            boolean withBody) {
        Pool pool = routes.pool(upstream.name());
        long now = System.nanoTime();
        Pool.Pick pick = pool.pick(now, null);
        if (pick == null) {
            // Every circuit open: answer at once rather than let every caller wait for a connect timeout.
            LOG.debugf("%s service circuits are open; refusing %s %s", upstream.name(), method, ctx.request().path());
            Problems.upstreamUnavailable(ctx, upstream.name(),
                    Math.max(1, TimeUnit.NANOSECONDS.toSeconds(pool.waitNanos(now) + TimeUnit.SECONDS.toNanos(1) - 1)));
            return;
        }
        if (tracing) {
            // The client's tracer adds the gateway's own span as the upstream's parent; the caller's would come first.
            headers.remove(TRACEPARENT);
            headers.remove(TRACESTATE);
        }
        boolean retryable = RETRYABLE.contains(method) && !(withBody && hasBody(ctx.request()));
        new Exchange(ctx, upstream, pool, method, path, rawQuery, headers, retryable ? settings.retries() : 0).start(pick, withBody);
    }

    /** The declared length of an answer; unknown (streamed) counts as unbounded. */
    private static long contentLength(HttpClientResponse answer) {
        try {
            String length = answer.getHeader("Content-Length");
            return length == null ? Long.MAX_VALUE : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader("Content-Length");
        return in.headers().contains("Transfer-Encoding") || length != null && !"0".equals(length.trim());
    }

    /** The headers to send upstream for the caller's request: end-to-end ones plus correlation and X-Forwarded-*. */
    public static MultiMap requestHeaders(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        MultiMap headers = ProxyHeaders.endToEnd(in.headers(), true);
        headers.set(CorrelationId.HEADER, CorrelationId.of(ctx));
        String client = in.remoteAddress() != null ? in.remoteAddress().hostAddress() : null;
        if (client != null) {
            String prior = in.getHeader("X-Forwarded-For");
            headers.set("X-Forwarded-For", prior == null ? client : prior + ", " + client);
        }
        if (!headers.contains("X-Forwarded-Proto")) {
            headers.set("X-Forwarded-Proto", in.scheme());
        }
        if (!headers.contains("X-Forwarded-Host") && in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        return headers;
    }

    /** State of one forwarded request. */
    private final class Exchange {
        private final RoutingContext ctx;
        private final Upstream upstream;
        private final Pool pool;
        private final HttpMethod method;
        private final String path;
        private final String rawQuery;
        private final MultiMap headers;
        private int retriesLeft;
        private Pool.Pick current;
        private HttpClientRequest out;
        private boolean aborted;
        private boolean settled;
        /** The upstream's answer was received whole: its connection may already serve another call. */
        private boolean answered;
        /** The whole request went upstream: its answer can be let come and dropped if the caller leaves. */
        private boolean sent;
        /** The answer is being relayed to the caller, and whether it is small enough to be read to its end and dropped. */
        private boolean relaying;
        private boolean small;

        Exchange(RoutingContext ctx, Upstream upstream, Pool pool, HttpMethod method, String path, String rawQuery, MultiMap headers,
                int retries) {
            this.ctx = ctx;
            this.upstream = upstream;
            this.pool = pool;
            this.method = method;
            this.path = path;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.retriesLeft = retries;
        }

        void start(Pool.Pick pick, boolean withBody) {
            current = pick;
            settled = false;
            Upstream.Instance instance = pick.instance();
            RequestOptions options = new RequestOptions()
                    .setMethod(method)
                    .setServer(instance.address())
                    .setHost(instance.host())
                    .setPort(instance.port())
                    .setSsl(instance.ssl())
                    .setURI(instance.uri(path, rawQuery))
                    .setHeaders(headers)
                    // Connect: obtaining a pooled or new connection. Idle: no byte from the upstream for that long.
                    .setConnectTimeout(connectTimeoutMillis)
                    .setIdleTimeout(timeoutMillis);
            client.request(options).onComplete(connected -> {
                if (connected.failed()) {
                    if (!retried(connected.cause(), withBody)) {
                        unavailable(connected.cause());
                    }
                    return;
                }
                out = connected.result();
                // Failures reach us through response() below; this only keeps Vert.x from logging them as errors.
                out.exceptionHandler(t -> LOG.debugf("%s request ended early: %s", upstream.name(), t));
                out.response().onComplete(answered -> {
                    if (answered.failed()) {
                        if (!retried(answered.cause(), withBody)) {
                            unavailable(answered.cause());
                        }
                    } else {
                        settle(true);
                        relay(answered.result());
                    }
                });
                ctx.response().closeHandler(v -> abort());
                sendBody(withBody);
            });
        }

        private void sendBody(boolean withBody) {
            HttpServerRequest in = ctx.request();
            if (!withBody || in.isEnded()) {
                // Ended already: either no body, or some other handler buffered it.
                RequestBody body = ctx.body();
                Buffer buffered = withBody && body != null ? body.buffer() : null;
                if (buffered != null) {
                    out.end(buffered);
                } else {
                    out.end();
                }
                sent = true;
                return;
            }
            // The token and size checks are passed and the upstream is reachable: now the client may send.
            if (in.version() == HttpVersion.HTTP_1_1 && "100-continue".equalsIgnoreCase(in.getHeader("Expect"))) {
                ctx.response().writeContinue();
            }
            streamBody(in);
        }

        /** The caller's body, chunk by chunk with back-pressure, counted against its path's limit. */
        private void streamBody(HttpServerRequest in) {
            // Vert.x rejects a Content-Length above the largest limit; every body is counted against its path's limit here.
            Long limit = ctx.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            boolean fixedLength = in.headers().contains("Content-Length");
            long[] received = {0};
            in.exceptionHandler(t -> abort());
            in.handler(chunk -> {
                if (aborted) {
                    return;
                }
                received[0] += chunk.length();
                if (limit != null && received[0] > limit) {
                    tooLarge(limit);
                    return;
                }
                if (!fixedLength && !out.isChunked()) {
                    out.setChunked(true);
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    in.pause();
                    out.drainHandler(v -> in.resume());
                }
            });
            in.endHandler(v -> {
                if (!aborted) {
                    out.end();
                    sent = true;
                }
            });
        }

        private void tooLarge(long limit) {
            aborted = true;
            out.reset();
            TooLarge.refuse(ctx, limit);
        }

        private void relay(HttpClientResponse answer) {
            HttpServerResponse response = ctx.response();
            small = contentLength(answer) <= DROPPED_MAX_BYTES;
            if (aborted || response.ended() || response.headWritten()) {
                if (small) {
                    answer.handler(chunk -> {});
                    answer.exceptionHandler(t -> LOG.debugf("%s dropped answer ended early: %s", upstream.name(), t));
                } else {
                    out.reset();
                }
                return;
            }
            relaying = true;
            int status = answer.statusCode();
            response.setStatusCode(status);
            response.headers().addAll(ProxyHeaders.endToEnd(answer.headers(), false));
            for (String name : new String[] {"Location", "Content-Location"}) {
                String location = response.headers().get(name);
                if (location != null) {
                    response.headers().set(name, upstream.relativize(location));
                }
            }
            boolean bodyless = method == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
            if (!bodyless && !answer.headers().contains("Content-Length")) {
                response.setChunked(true);
            }
            answer.end().onSuccess(v -> answered = true);
            // On a failure half way, reset instead of ending, so the caller cannot take a cut body for a whole one. When the
            // caller's side failed (it went away), the pipe reads the rest of the answer and drops it.
            answer.pipe().endOnFailure(false).to(response).onFailure(t -> {
                boolean callerGone = t instanceof ClosedChannelException || response.closed();
                if (!aborted && !callerGone) {
                    LOG.warnf("%s service broke off its answer to %s %s: %s", upstream.name(), method,
                            ctx.request().path(), t.toString());
                }
                // A closed caller's connection needs no reset: writing one to it made Netty log a stack trace.
                if (!response.ended() && !callerGone) {
                    response.reset();
                }
            });
        }

        /**
         * Tries again after a connection failure (refused, or closed before any answer, e.g. a stale pooled
         * connection), never after a timeout: a slow service would only get twice the load. Another instance if there
         * is one (at once), else the same after a pause. The failed instance's circuit counts the failure.
         */
        private boolean retried(Throwable cause, boolean withBody) {
            boolean connectionFailure = cause instanceof ConnectException || cause instanceof HttpClosedException;
            if (aborted || retriesLeft <= 0 || !connectionFailure || ctx.response().closed()) {
                return false;
            }
            Upstream.Instance failed = current.instance();
            settle(false);
            Pool.Pick next = pool.pick(System.nanoTime(), failed);
            if (next == null) {
                return false;
            }
            retriesLeft--;
            LOG.debugf("%s service at %s: connection failed for %s %s, trying %s: %s", upstream.name(), failed.url(), method,
                    ctx.request().path(), next.instance().url(), cause);
            long delay = next.instance().equals(failed) ? Math.max(1, settings.retryDelay().toMillis()) : 1;
            vertx.setTimer(delay, id -> start(next, withBody));
            return true;
        }

        /** The breaker learns each exchange's outcome once. */
        private void settle(boolean success) {
            if (settled) {
                return;
            }
            settled = true;
            if (success) {
                current.breaker().succeeded();
            } else {
                current.breaker().failed(System.nanoTime());
            }
        }

        private void unavailable(Throwable cause) {
            if (aborted) {
                return;
            }
            settle(false);
            aborted = true;
            if (out != null) {
                out.reset();
            }
            LOG.warnf("%s service at %s is unavailable for %s %s: %s", upstream.name(), current.instance().url(), method,
                    ctx.request().path(), cause.toString());
            if (ctx.response().headWritten()) {
                ctx.response().reset();
            } else {
                Problems.upstreamUnavailable(ctx, upstream.name());
            }
        }

        /**
         * The caller went away. Its upstream request is reset only when that is needed to stop it: the body is still being
         * sent, or a large or streamed answer is being relayed. Otherwise the answer is let come and dropped
         * ({@link #relay}), because a reset closes the upstream connection: when wrk closed its connections, the calls that
         * came next drew closing connections from the pool and were answered 503. An answer already whole is left alone
         * (its connection may be back in the pool, under another call).
         */
        private void abort() {
            if (!settled) {
                settled = true;
                current.breaker().released();
            }
            if (aborted || out == null || answered) {
                return;
            }
            aborted = true;
            if (!sent || relaying && !small) {
                out.reset();
            }
        }
    }
}
