package vn.grassroots.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the organization service: echoes what it received, serves an OpenAPI document, and
 * remembers the paths it saw (GET /__seen) so tests can prove that a request never reached it, and counts the
 * connections that carried API calls and were closed (GET /__closed). A path ending in /delayed is answered after 300 ms.
 * A second route, "membership", points at a closed port.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Tổ chức đảng\",\"version\":\"1\"},\"paths\":{}}";

    private Vertx vertx;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();
    /** Connections that carried an API call (the gateway's), so that the tests' own calls to /__closed do not count. */
    private final Set<HttpConnection> apiConnections = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle)
                .connectionHandler(connection -> connection.closeHandler(v -> {
                    if (apiConnections.remove(connection)) {
                        closed.incrementAndGet();
                    }
                }));
        try {
            server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of(
                    "grassroots.routes.organization.url", "http://localhost:" + server.actualPort(),
                    "grassroots.routes.membership.prefix", "/api/v1/members",
                    "grassroots.routes.membership.url", "http://localhost:" + closedPort(),
                    // the other services are not part of these tests (not whatever a dev stack runs on their ports)
                    "grassroots.routes.meetings.url", "http://localhost:" + closedPort(),
                    "grassroots.routes.evaluations.url", "http://localhost:" + closedPort(),
                    "grassroots.routes.assignments.url", "http://localhost:" + closedPort(),
                    // Short, so the timeout test is quick; the echo answers in milliseconds.
                    "grassroots.upstream.timeout", "2s",
                    "grassroots.body.large-paths", "/api/v1/organizations/imports",
                    "grassroots.body.large-max-bytes", "3145728");
        } catch (Exception e) {
            throw new IllegalStateException("fake upstream did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void handle(HttpServerRequest req) {
        if (req.path().equals("/__seen")) {
            req.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
            return;
        }
        if (req.path().equals("/__closed")) {
            req.response().end(String.valueOf(closed.get()));
            return;
        }
        seen.add(req.path());
        if (req.path().startsWith("/api/")) {
            apiConnections.add(req.connection());
        }
        if (req.path().equals("/q/openapi")) {
            boolean json = "json".equals(req.getParam("format"));
            req.response().setStatusCode(json ? 200 : 400)
                    .putHeader("Content-Type", "application/json;charset=UTF-8")
                    .end(OPENAPI);
            return;
        }
        if (req.path().endsWith("/slow")) {
            return; // never answers
        }
        if (req.path().endsWith("/delayed")) {
            req.body().onSuccess(body -> vertx.setTimer(300, id -> echo(req, body)));
            return;
        }
        req.body().onSuccess(body -> echo(req, body));
    }

    private static void echo(HttpServerRequest req, Buffer body) {
        JsonObject headers = new JsonObject();
        req.headers().forEach((name, value) -> {
            String key = name.toLowerCase();
            headers.put(key, headers.containsKey(key) ? headers.getString(key) + ", " + value : value);
        });
        var response = req.response();
        String method = req.method().name();
        if (method.equals("DELETE")) {
            response.setStatusCode(204).putHeader("X-Upstream", "fake").end();
            return;
        }
        JsonObject echo = new JsonObject()
                .put("method", method)
                .put("path", req.path())
                .put("query", req.query())
                .put("bodyLength", body.length())
                .put("bodySha256", sha256(body))
                .put("headers", headers);
        if (body.length() < 10_000) {
            echo.put("body", body.toString("UTF-8"));
        }
        response.setStatusCode(method.equals("POST") ? 201 : 200)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("ETag", "\"7\"")
                .putHeader("X-Upstream", "fake")
                .putHeader("Keep-Alive", "timeout=30");
        if (method.equals("POST")) {
            // Absolute, from the Host it was sent, as JAX-RS UriInfo builds it: the gateway must not leak it.
            response.putHeader("Location", "http://" + req.authority() + req.path() + "/0190-new");
        }
        if (method.equals("HEAD")) {
            response.putHeader("Content-Length", "42").end();
        } else if ("true".equals(req.getHeader("X-Echo-Chunked"))) {
            String text = echo.encode();
            response.setChunked(true);
            response.write(text.substring(0, text.length() / 2));
            response.end(text.substring(text.length() / 2));
        } else {
            response.end(echo.encode());
        }
    }

    static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
