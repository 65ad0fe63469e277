package vn.grassroots.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.gateway.e2e.PlatformIT.ORGS;
import static vn.grassroots.gateway.e2e.PlatformIT.bearer;
import static vn.grassroots.gateway.e2e.PlatformIT.env;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.grassroots.testing.ContractCheck;

/**
 * One request's spans share one trace from the gateway to the consumers of its event. The test stack
 * (deploy/local/platform.sh test) exports spans over OTLP/HTTP to OTLP_PORT, where this test listens; it samples only
 * requests that arrive with a sampled traceparent, so the trace below is the only one exported.
 */
@ExtendWith(ContractCheck.class)
class TracingIT {
    static final int OTLP_PORT = Integer.parseInt(env("OTLP_PORT", "24418"));
    static final Set<String> ORGANIZATION_CONSUMERS = Set.of("membership", "meetings", "evaluations", "assignments");

    record Received(String service, String traceId, String spanId, String parentId, SpanKind kind, String name) {}

    @Test
    void aWriteIsOneTraceFromTheGatewayThroughTheOutboxToEveryConsumer() throws Exception {
        List<Received> spans = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", OTLP_PORT), 0);
        collector.createContext("/v1/traces", exchange -> {
            try {
                receive(exchange, spans);
            } catch (IOException | RuntimeException e) {
                e.printStackTrace(); // the server would swallow it
                throw e;
            }
        });
        collector.start();
        try {
            HexFormat hex = HexFormat.of();
            SecureRandom random = new SecureRandom();
            String traceId = hex.formatHex(random.generateSeed(16));
            String callerSpan = hex.formatHex(random.generateSeed(8));
            given().header("Authorization", bearer("admin")).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .contentType(ContentType.JSON)
                    .body(Map.of("type", "PROVINCIAL_COMMITTEE", "sector", "OTHER", "name", "Đảng bộ tỉnh Theo dấu " + UUID.randomUUID()))
                    .post(ORGS).then().statusCode(201);

            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!complete(spans, traceId) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            List<Received> trace = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
            String seen = trace.stream().map(s -> s.service() + ":" + s.kind() + ":" + s.name()).collect(Collectors.joining(", "));

            Set<String> gatewaySpans = ids(trace, "grassroots-gateway");
            assertTrue(trace.stream().anyMatch(s -> s.service().equals("grassroots-gateway") && s.kind() == SpanKind.SPAN_KIND_SERVER
                    && s.parentId().equals(callerSpan)), "the gateway's span continues the caller's trace: " + seen);
            List<Received> served = trace.stream()
                    .filter(s -> s.service().equals("organization") && s.kind() == SpanKind.SPAN_KIND_SERVER).toList();
            assertEquals(1, served.size(), "organization served the request in the same trace: " + seen);
            assertTrue(gatewaySpans.contains(served.get(0).parentId()), "the service's span is a child of the gateway's: " + seen);

            Set<String> organizationSpans = ids(trace, "organization");
            for (String consumer : ORGANIZATION_CONSUMERS) {
                List<Received> consumed = trace.stream()
                        .filter(s -> s.service().equals(consumer) && s.kind() == SpanKind.SPAN_KIND_CONSUMER).toList();
                assertFalse(consumed.isEmpty(), consumer + " consumed the event in the request's trace: " + seen);
                assertTrue(consumed.stream().allMatch(s -> organizationSpans.contains(s.parentId())),
                        consumer + "'s span is a child of the span that wrote the event (its traceparent): " + seen);
            }
            assertTrue(spans.stream().allMatch(s -> s.traceId().equals(traceId)),
                    "nothing else is sampled: a request without a sampled traceparent exports no span");
        } finally {
            collector.stop(0);
        }
    }

    /** Every process has sent its span of the trace (each exports its own batches, in no particular order). */
    private static boolean complete(List<Received> spans, String traceId) {
        return Stream.concat(Stream.of("grassroots-gateway", "organization"), ORGANIZATION_CONSUMERS.stream())
                .allMatch(service -> spans.stream().anyMatch(s -> s.traceId().equals(traceId) && s.service().equals(service)
                        && (s.kind() == SpanKind.SPAN_KIND_SERVER || s.kind() == SpanKind.SPAN_KIND_CONSUMER)));
    }

    private static Set<String> ids(List<Received> trace, String service) {
        return trace.stream().filter(s -> s.service().equals(service)).map(Received::spanId).collect(Collectors.toSet());
    }

    /** An OTLP/HTTP collector's traces endpoint (protobuf): what it takes, it keeps. */
    private static void receive(HttpExchange exchange, List<Received> spans) throws IOException {
        try (exchange; InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            HexFormat hex = HexFormat.of();
            for (var resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                        .findFirst().orElse("?");
                for (var scope : resource.getScopeSpansList()) {
                    for (var s : scope.getSpansList()) {
                        spans.add(new Received(service, hex.formatHex(s.getTraceId().toByteArray()),
                                hex.formatHex(s.getSpanId().toByteArray()), hex.formatHex(s.getParentSpanId().toByteArray()),
                                s.getKind(), s.getName()));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
