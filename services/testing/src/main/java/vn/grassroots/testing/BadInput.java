package vn.grassroots.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The shared bad-input corpus, sent to every operation of a service's own OpenAPI document: each query and path
 * parameter, and each field of each JSON body (built from its schema), gets every case of its type in turn. The bar:
 * no 5xx, every 4xx a problem (application/problem+json), and what must be refused (NUL, control characters, broken
 * UTF-8 and UTF-16, wrong JSON types, impossible dates, unknown enum values, malformed ids, numbers, cursors) never
 * answered 2xx. Text that is odd but valid (emoji, combining marks, RTL marks, huge strings) goes only where it cannot
 * create anything (query parameters of reads), and must not fail either.
 *
 * <p>Longer than 300 lines on purpose: it is the corpus itself, case after case per type, read best as one table.
 */
public final class BadInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A value to send: raw query text or a JSON value, and whether the contract obliges a refusal. */
    record Case(String label, String query, JsonNode json, byte[] rawJsonString, boolean mustRefuse) {}

    /** What a sweep sent and what went wrong. */
    public record Report(int requests, Map<Integer, Integer> statuses, List<String> failures) {
        public String summary() {
            return requests + " requests, statuses " + statuses + (failures.isEmpty() ? ", no failure"
                    : ", " + failures.size() + " failures:\n  " + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    private final JsonNode doc;
    private final String bearer;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;

    private BadInput(JsonNode doc, String bearer) {
        this.doc = doc;
        this.bearer = bearer;
    }

    /** Sweeps every operation of the running service's OpenAPI document (/q/openapi) as the caller of {@code bearer}. */
    public static Report sweep(String bearer) {
        JsonNode doc;
        try {
            doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError("the service's OpenAPI document is not JSON", e);
        }
        BadInput sweep = new BadInput(doc, bearer);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    sweep.operation(path.getKey(), method, op);
                }
            }
        }
        return new Report(sweep.requests, sweep.statuses, sweep.failures);
    }

    private void operation(String template, String method, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        Map<String, String> fill = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if ("path".equals(p.path("in").asText())) {
                fill.put(p.path("name").asText(), UUID.randomUUID().toString());
            }
        }
        sendPathCases(template, method, fill);
        if ("get".equals(method)) {
            sendQueryCases(template, method, params, fill);
        }
        sendBodyCases(template, method, op, fill);
    }

    /** Path parameters, one bad value at a time. */
    private void sendPathCases(String template, String method, Map<String, String> fill) {
        for (String name : fill.keySet()) {
            for (String bad : List.of("not-a-uuid", "%00", "%FF", "123", "1e3")) {
                Map<String, String> f = new LinkedHashMap<>(fill);
                f.put(name, bad);
                send(method, expand(template, f), null, true, name + "=" + bad);
            }
        }
    }

    /** Query parameters of reads (a write with odd text could create something another test counts). */
    private void sendQueryCases(String template, String method, List<JsonNode> params, Map<String, String> fill) {
        for (JsonNode p : params) {
            if ("query".equals(p.path("in").asText())) {
                String name = p.path("name").asText();
                for (Case c : queryCases(name, resolve(p.path("schema")))) {
                    send(method, expand(template, fill) + "?" + name + "=" + c.query(), null, c.mustRefuse(), name + ": " + c.label());
                }
            }
        }
    }

    /** JSON bodies: one field at a time. */
    private void sendBodyCases(String template, String method, JsonNode op, Map<String, String> fill) {
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            JsonNode resolved = resolve(schema);
            JsonNode base = example(resolved, 0);
            String url = expand(template, fill);
            send(method, url, "{\"a\":".getBytes(StandardCharsets.UTF_8), true, "truncated JSON");
            if (base instanceof ObjectNode obj) {
                ObjectNode extra = obj.deepCopy();
                extra.put("noSuchField" + UUID.randomUUID().toString().substring(0, 4), "x");
                send(method, url, bytes(extra), true, "unknown field");
                for (Iterator<Map.Entry<String, JsonNode>> props = resolved.path("properties").fields(); props.hasNext();) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    for (Case c : bodyCases(resolve(prop.getValue()))) {
                        ObjectNode body = obj.deepCopy();
                        byte[] raw;
                        if (c.rawJsonString() != null) {
                            body.put(prop.getKey(), "@@RAW@@");
                            raw = replace(bytes(body), "\"@@RAW@@\"", c.rawJsonString());
                        } else {
                            body.set(prop.getKey(), c.json());
                            raw = bytes(body);
                        }
                        send(method, url, raw, c.mustRefuse(), prop.getKey() + ": " + c.label());
                    }
                }
            }
        }
    }

    private void send(String method, String url, byte[] body, boolean mustRefuse, String what) {
        var request = given().urlEncodingEnabled(false).header("Authorization", bearer);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        Response r = request.request(method.toUpperCase(), url);
        requests++;
        int status = r.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String where = method.toUpperCase() + " " + shorten(url) + " [" + what + "] → " + status;
        if (status >= 500) {
            failures.add(where + " " + shorten(r.asString()));
        } else if (status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(where + " is not a problem (" + r.contentType() + ")");
        } else if (status < 400 && mustRefuse) {
            failures.add(where + " accepted what must be refused");
        }
    }

    private List<Case> queryCases(String name, JsonNode schema) {
        List<Case> cases = new ArrayList<>(List.of(
                q("NUL", "a%00b", true), q("bell", "a%07b", true), q("line feed", "a%0Ab", true),
                q("invalid UTF-8", "a%FFb", true), q("UTF-8 of a lone surrogate", "%ED%A0%80", true),
                q("overlong UTF-8", "%C0%AF", true),
                q("emoji", "%F0%9F%87%BB%F0%9F%87%B3", false), q("combining marks", "Nguye%CC%82%CC%83n", false),
                q("RTL mark", "%E2%80%8Fabc", false), q("huge", "x".repeat(3_000), false),
                q("SQL", "'%20or%201=1%20--", false), q("LIKE wildcards", "%25_%5C", false)));
        String type = typeOf(schema);
        String format = schema.path("format").asText();
        if (type.equals("array")) {
            schema = resolve(schema.path("items"));
            type = typeOf(schema);
            format = schema.path("format").asText();
        }
        if (type.equals("integer")) {
            cases.addAll(List.of(q("letters", "abc", true), q("exponent", "1e3", true), q("fraction", "50.5", true),
                    q("above int", "2147483648", true), q("negative", "-1", name.equals("limit")),
                    q("huge", "99999999999999999999999", true)));
        }
        // Query ids are declared as text (parsed by the service to answer 400, not JAX-RS's 404); the audit trail's
        // entityId is any entity's id, not always a UUID.
        if (format.equals("uuid") || (name.endsWith("Id") && !name.equals("entityId")) || name.equals("within")) {
            cases.add(q("malformed UUID", "not-a-uuid", true));
        }
        if (format.equals("date")) {
            cases.addAll(List.of(q("month 13", "2025-13-45", true), q("not a date", "29/11", true)));
        }
        if (schema.has("enum")) {
            cases.add(q("unknown value", "NO_SUCH_VALUE", true));
        }
        if (name.equals("cursor")) {
            cases.addAll(List.of(q("garbage", "garbage", true),
                    q("foreign cursor", Base64.getUrlEncoder().withoutPadding()
                            .encodeToString("0\u001fnguyen van a\u001f00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.UTF_8)), true)));
        }
        return cases;
    }

    private static Case q(String label, String query, boolean mustRefuse) {
        return new Case(label, query, null, null, mustRefuse);
    }

    private static List<Case> bodyCases(JsonNode schema) {
        String type = typeOf(schema);
        String format = schema.path("format").asText();
        List<Case> cases = new ArrayList<>();
        cases.add(j("object for a scalar or wrong structure", type.equals("object") ? NODES.textNode("x") : NODES.objectNode(), true));
        switch (type) {
            case "string" -> {
                cases.addAll(List.of(j("NUL", NODES.textNode("a\u0000b"), true), j("bell", NODES.textNode("a\u0007b"), true),
                        j("escape", NODES.textNode("a\u001bb"), true), j("C1 control", NODES.textNode("a\u0085b"), true),
                        j("number for a string", NODES.numberNode(123), true), j("boolean for a string", NODES.booleanNode(true), true),
                        new Case("lone surrogate escape", null, null, "\"a\\ud800b\"".getBytes(StandardCharsets.UTF_8), true),
                        new Case("invalid UTF-8 byte", null, null, new byte[] {'"', 'a', (byte) 0xFF, 'b', '"'}, true),
                        new Case("UTF-8 of a lone surrogate", null, null,
                                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, true)));
                if (format.equals("date")) {
                    cases.addAll(List.of(j("month 13", NODES.textNode("2025-13-45"), true), j("empty date", NODES.textNode(""), true),
                            j("number for a date", NODES.numberNode(20250101), true), j("dd/mm/yyyy", NODES.textNode("29/11/2026"), true)));
                }
                if (format.equals("uuid")) {
                    cases.addAll(List.of(j("malformed UUID", NODES.textNode("not-a-uuid"), true), j("empty UUID", NODES.textNode(""), true)));
                }
                if (schema.has("enum")) {
                    cases.addAll(List.of(j("unknown value", NODES.textNode("NO_SUCH_VALUE"), true), j("empty enum", NODES.textNode(""), true),
                            j("ordinal", NODES.numberNode(0), true)));
                }
            }
            case "integer" -> {
                cases.addAll(List.of(j("string for a number", NODES.textNode("5"), true), j("fraction", NODES.numberNode(1.5), true),
                        j("boolean", NODES.booleanNode(true), true)));
                if (!format.equals("int64")) {
                    cases.add(j("above int", NODES.numberNode(2147483648L), true));
                }
            }
            case "number" -> cases.addAll(List.of(j("string for a number", NODES.textNode("5"), true), j("boolean", NODES.booleanNode(true), true)));
            case "boolean" -> cases.addAll(List.of(j("string for a boolean", NODES.textNode("true"), true), j("number", NODES.numberNode(1), true)));
            case "array" -> cases.add(j("string for an array", NODES.textNode("x"), true));
            default -> { }
        }
        return cases;
    }

    private static Case j(String label, JsonNode json, boolean mustRefuse) {
        return new Case(label, null, json, null, mustRefuse);
    }

    /** A plausible value of a schema: what a careful client would send, before one field is spoiled. */
    private JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String format = schema.path("format").asText();
        return switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), example(p.getValue(), depth + 1)));
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(example(schema.path("items"), depth + 1));
                }
                yield a;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            default -> switch (format) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date" -> NODES.textNode("2026-01-15");
                case "date-time" -> NODES.textNode("2026-01-15T08:00:00+07:00");
                default -> NODES.textNode("Thử nghiệm");
            };
        };
    }

    /** The schema's type; of a type list such as [string, null] (a field that may be null), the one that is not null. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    /** A schema with its $ref (and a first allOf/oneOf/anyOf) followed. */
    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10; i++) {
            if (schema.has("$ref")) {
                String ref = schema.path("$ref").asText();
                schema = doc.at(ref.substring(1));
            } else if (schema.has("allOf") && !schema.has("properties") && !schema.has("type")) {
                schema = schema.path("allOf").get(0);
            } else if (schema.has("oneOf")) {
                schema = schema.path("oneOf").get(0);
            } else if (schema.has("anyOf")) {
                schema = schema.path("anyOf").get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    private static String expand(String template, Map<String, String> values) {
        String url = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        return url;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replace(byte[] body, String marker, byte[] with) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(marker);
        byte[] out = new byte[body.length - marker.length() + with.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(with, 0, out, at, with.length);
        System.arraycopy(body, at + marker.length(), out, at + with.length, body.length - at - marker.length());
        return out;
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }
}
