package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class ProxyTest {

    static final String JSON_UTF8 = "application/json; charset=UTF-8";
    /** For what REST Assured cannot do: chunked bodies and Expect: 100-continue. */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void getIsForwardedWithPathQueryAndHeaders() {
        String token = Fixtures.organizer();
        Response response = given().urlEncodingEnabled(false)
                .header("Authorization", token)
                .header("Accept", "application/json")
                .header("If-None-Match", "\"6\"")
                .get("/api/v1/organizations/0190/children?limit=5&q=Qu%C3%A0i%20Cang&sector=commune");

        response.then().statusCode(200)
                .header("ETag", "\"7\"")
                .header("X-Upstream", "fake")
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("Keep-Alive", nullValue());
        JsonPath echo = response.jsonPath();
        assertEquals("GET", echo.getString("method"));
        assertEquals("/api/v1/organizations/0190/children", echo.getString("path"));
        assertEquals("limit=5&q=Qu%C3%A0i%20Cang&sector=commune", echo.getString("query"));
        assertEquals(token, echo.getString("headers.authorization"));
        assertEquals("application/json", echo.getString("headers.accept"));
        assertEquals("\"6\"", echo.getString("headers.if-none-match"));
        assertEquals(0, echo.getInt("bodyLength"));
    }

    @Test
    void postWithVietnameseJsonAndIfMatchIsForwardedExactly() {
        String body = "{\"name\":\"Đảng bộ xã Quài Cang\",\"sector\":\"COMMUNE\",\"note\":\"Chi bộ bản Phiêng Pẻn\"}";
        String key = UUID.randomUUID().toString();
        Response response = given()
                .config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", Fixtures.organizer())
                .header("If-Match", "\"3\"")
                .header("Idempotency-Key", key)
                .contentType(JSON_UTF8)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/organizations/0190/children");

        response.then().statusCode(201)
                .header("Location", "/api/v1/organizations/0190/children/0190-new")
                .header("ETag", "\"7\"");
        JsonPath echo = response.jsonPath();
        assertEquals("POST", echo.getString("method"));
        assertEquals("/api/v1/organizations/0190/children", echo.getString("path"));
        assertEquals(body, echo.getString("body"));
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length, echo.getInt("bodyLength"));
        assertEquals(JSON_UTF8, echo.getString("headers.content-type"));
        assertEquals("\"3\"", echo.getString("headers.if-match"));
        assertEquals(key, echo.getString("headers.idempotency-key"));
    }

    @Test
    void prefixItselfIsRouted() {
        given().header("Authorization", Fixtures.organizer())
                .get("/api/v1/organizations")
                .then().statusCode(200).body("path", equalTo("/api/v1/organizations"), "query", nullValue());
    }

    @Test
    void chunkedUpstreamAnswerIsRelayed() {
        given().header("Authorization", Fixtures.organizer()).header("X-Echo-Chunked", "true")
                .get("/api/v1/organizations/0190")
                .then().statusCode(200).body("path", equalTo("/api/v1/organizations/0190"));
    }

    @Test
    void noContentAnswerIsRelayed() {
        given().header("Authorization", Fixtures.organizer()).header("If-Match", "\"7\"")
                .delete("/api/v1/organizations/0190")
                .then().statusCode(204).header("X-Upstream", "fake").body(equalTo(""));
    }

    @Test
    void headAnswerKeepsContentLength() {
        given().header("Authorization", Fixtures.organizer())
                .head("/api/v1/organizations/0190")
                .then().statusCode(200).header("Content-Length", "42");
    }

    @Test
    void hopByHopHeadersStayOnTheirHop() {
        JsonPath echo = given().header("Authorization", Fixtures.organizer())
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "only-for-the-gateway")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Custom", "kept")
                .get("/api/v1/organizations/0190")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(null, echo.getString("headers.x-hop-secret"));
        assertEquals(null, echo.getString("headers.proxy-authorization"));
        assertEquals("kept", echo.getString("headers.x-custom"));
        assertFalse(echo.getString("headers.host").endsWith(":" + gateway.getPort()), "Host is the upstream's");
        assertEquals("http", echo.getString("headers.x-forwarded-proto"));
    }

    @Test
    void unknownApiPathIsProblem404() {
        given().header("Authorization", Fixtures.organizer())
                .get("/api/v1/nothing-here/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/not-found"),
                        "status", equalTo(404),
                        "title", equalTo("Not found"));
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        given().header("Authorization", Fixtures.organizer())
                .get("/api/v1/organizationsx")
                .then().statusCode(404).contentType("application/problem+json");
        assertFalse(Fixtures.seenPaths().contains("/api/v1/organizationsx"));
    }

    @Test
    void largeBodyIsStreamedIntact() {
        byte[] body = new byte[900 * 1024];
        Arrays.fill(body, (byte) 'x');
        given().header("Authorization", Fixtures.organizer()).contentType("application/octet-stream").body(body)
                .put("/api/v1/organizations/0190/attachment")
                .then().statusCode(200)
                .body("bodyLength", equalTo(body.length), "bodySha256", equalTo(FakeUpstream.sha256(Buffer.buffer(body))));
    }

    @Test
    void chunkedBodyIsStreamedIntact() throws Exception {
        byte[] body = "Nghị quyết chi bộ ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send("/api/v1/organizations/0190/minutes", body, false);
        assertEquals(201, response.statusCode());
        JsonPath echo = JsonPath.from(response.body());
        assertEquals(body.length, echo.getInt("bodyLength"));
        assertEquals(FakeUpstream.sha256(Buffer.buffer(body)), echo.getString("bodySha256"));
        assertEquals("chunked", echo.getString("headers.transfer-encoding"));
    }

    @Test
    void bodyOverTheLimitIsRejected() throws Exception {
        byte[] body = new byte[1024 * 1024 + 10_000];
        String path = "/api/v1/organizations/too-large-" + UUID.randomUUID();
        // With a Content-Length: counted like a chunked body, the upstream exchange is cut off at the limit.
        HttpResponse<String> declared = send(path, body, true);
        assertEquals(413, declared.statusCode());
        // Chunked: counted while streaming, the upstream exchange is cut off.
        HttpResponse<String> chunked = send(path + "-chunked", body, false);
        assertEquals(413, chunked.statusCode());
        assertEquals("application/problem+json", chunked.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void filePathsTakeLargerBodiesUpToTheirOwnLimit() throws Exception {
        byte[] body = "Họ và tên,Ngày sinh\r\n".repeat(80_000).getBytes(StandardCharsets.UTF_8); // ~1.9 MB
        assertTrue(body.length > 1024 * 1024);
        for (boolean withLength : new boolean[] {true, false}) {
            HttpResponse<String> response = send("/api/v1/organizations/imports", body, withLength);
            assertEquals(201, response.statusCode(), response.body());
            JsonPath echo = JsonPath.from(response.body());
            assertEquals(body.length, echo.getInt("bodyLength"));
            assertEquals(FakeUpstream.sha256(Buffer.buffer(body)), echo.getString("bodySha256"));
        }
        // the same size elsewhere is refused; a prefix must match a whole segment
        assertEquals(413, send("/api/v1/organizations/0190/minutes", body, true).statusCode());
        assertEquals(413, send("/api/v1/organizations/importsX", body, true).statusCode());
        // and the file path has its own limit (3 MiB in this test)
        byte[] tooLarge = new byte[3 * 1024 * 1024 + 1];
        HttpResponse<String> declared = send("/api/v1/organizations/imports", tooLarge, true);
        assertEquals(413, declared.statusCode());
        assertTrue(declared.body().contains("3145728"), declared.body());
        assertEquals(413, send("/api/v1/organizations/imports", tooLarge, false).statusCode());
    }

    /**
     * A caller that sends a too-large body whole without waiting for an answer still reads the 413. Closing the
     * connection while the body was coming made the kernel reset it, and the 413 could be lost with it.
     */
    @Test
    void aCallerSendingATooLargeBodyWithoutWaitingReadsThe413() throws Exception {
        byte[] body = new byte[16 * 1024 * 1024];
        for (boolean withLength : new boolean[] {true, false}) {
            try (Socket caller = new Socket(gateway.getHost(), gateway.getPort())) {
                OutputStream out = caller.getOutputStream();
                out.write(("POST /api/v1/organizations/0190/minutes HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + Fixtures.organizer() + "\r\nContent-Type: text/plain\r\n"
                        + (withLength ? "Content-Length: " + body.length : "Transfer-Encoding: chunked") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                int chunk = 64 * 1024;
                for (int at = 0; at < body.length; at += chunk) {
                    if (!withLength) {
                        out.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, at, chunk);
                    if (!withLength) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (!withLength) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                String answer = new String(caller.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
                assertTrue(answer.contains("1048576"), answer);
            }
        }
    }

    /**
     * A caller that leaves before its small answer comes does not cost the gateway its upstream connection: the answer
     * is read and dropped. Resetting the exchange closed the connection, and calls arriving just then were answered 503.
     */
    @Test
    void aCallerLeavingBeforeTheAnswerLeavesTheUpstreamConnectionOpen() throws Exception {
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/0190").then().statusCode(200);
        int closedBefore = Fixtures.closedUpstreamConnections();
        String path = "/api/v1/organizations/left-" + UUID.randomUUID() + "/delayed";
        try (Socket caller = new Socket(gateway.getHost(), gateway.getPort())) {
            caller.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Fixtures.organizer()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!Fixtures.seenPaths().contains(path)) {
                assertTrue(System.nanoTime() < deadline, "the request did not reach the upstream");
                Thread.sleep(20);
            }
        }
        Thread.sleep(800); // the answer comes 300 ms after the request
        assertEquals(closedBefore, Fixtures.closedUpstreamConnections());
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/0190").then().statusCode(200);
    }

    @Test
    void tooLongUrisAndHeaderBlocksAreProblems() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> uri = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/organizations?q=" + "a".repeat(5_000)))
                .header("Authorization", Fixtures.organizer()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(414, uri.statusCode());
        assertEquals("application/problem+json", uri.headers().firstValue("Content-Type").orElse(""));
        assertEquals(414, JsonPath.from(uri.body()).getInt("status"));
        HttpResponse<String> headers = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/organizations"))
                .header("Authorization", Fixtures.organizer()).header("X-Padding", "b".repeat(20_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(431, headers.statusCode());
        assertEquals("application/problem+json", headers.headers().firstValue("Content-Type").orElse(""));
        assertTrue(headers.body().contains("16384"), headers.body());
    }

    private HttpResponse<String> send(String path, byte[] body, boolean withLength) throws Exception {
        HttpRequest.BodyPublisher publisher = withLength
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", Fixtures.organizer())
                .header("Content-Type", "text/plain; charset=UTF-8")
                .expectContinue(true)
                .POST(publisher)
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
