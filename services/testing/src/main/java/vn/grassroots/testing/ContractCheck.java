package vn.grassroots.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every answer a REST Assured call gets is checked against the service's OpenAPI document in contracts/openapi: the
 * operation exists, the status is documented, the media type is the documented one and a JSON body matches its schema
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12, so the JSON Schema validator of the event contracts checks them). An
 * answer that drifts fails the test that got it.
 *
 * <p>Registered for every {@code @QuarkusTest} class as a Quarkus test callback, so it runs in the class loader the
 * test's REST Assured lives in; a plain JUnit test names it in
 * {@code @ExtendWith}. Which documents: the system property
 * {@code grassroots.contracts} (service names, {@code all}, or {@code none}); by default the one named like the module's
 * folder, so a module without a contract (the gateway's own tests, with fake upstreams) checks nothing. With
 * {@code -Dgrassroots.contracts.lenient=true} drifts are only written to target/contract-drifts.txt.
 */
public final class ContractCheck implements QuarkusTestBeforeClassCallback, BeforeAllCallback, OrderedFilter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_TYPE = Pattern.compile("application/(.+\\+)?json");
    private static volatile boolean installed;

    private final List<Operations> documents;
    private final boolean lenient = Boolean.getBoolean("grassroots.contracts.lenient");
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public ContractCheck() {
        this(documentsToCheck());
    }

    private ContractCheck(List<Operations> documents) {
        this.documents = documents;
    }

    @Override
    public void beforeClass(Class<?> testClass) {
        install();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    private void install() {
        synchronized (ContractCheck.class) {
            if (!installed && !documents.isEmpty()) {
                RestAssured.filters(this);
                installed = true;
            }
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // sees the answer as it came, before any other filter
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext next) {
        Response response = next.next(request, spec);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/api/")) {
            List<String> drifts = check(request.getMethod(), path, response);
            if (!drifts.isEmpty()) {
                report(request.getMethod() + " " + path + " → " + response.statusCode() + ": " + String.join("; ", drifts));
            }
        }
        return response;
    }

    private List<String> check(String method, String path, Response response) {
        List<String> drifts = new ArrayList<>();
        Operations.Match match = documents.stream().map(d -> d.find(method, path)).filter(m -> m != null).findFirst().orElse(null);
        if (match == null) {
            drifts.add("no operation " + method + " of that path in " + documents.stream().map(d -> d.service).toList());
            return drifts;
        }
        JsonNode responses = match.operation().path("responses");
        String status = String.valueOf(response.statusCode());
        JsonNode documented = responses.has(status) ? responses.get(status)
                : responses.has(status.charAt(0) + "XX") ? responses.get(status.charAt(0) + "XX") : responses.get("default");
        if (documented == null) {
            drifts.add("status " + status + " is not documented (documented: " + names(responses) + ")");
            return drifts;
        }
        String body = response.asString();
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim().toLowerCase();
        JsonNode content = documented.path("content");
        if (body.isEmpty()) {
            return drifts; // HEAD, 204, 304: no body to check
        }
        if (content.isMissingNode() || content.isEmpty()) {
            drifts.add("a " + type + " body where the contract documents none");
            return drifts;
        }
        if (!content.has(type)) {
            drifts.add("media type " + type + " is not documented (documented: " + names(content) + ")");
            return drifts;
        }
        JsonNode schema = content.get(type).path("schema");
        if (!JSON_TYPE.matcher(type).matches() || schema.isMissingNode()) {
            return drifts;
        }
        String key = match.document().service + " " + match.template() + " " + method + " " + status + " " + type;
        validate(body, type, key, match, schema, drifts);
        return drifts;
    }

    /** Adds a drift if the JSON body does not parse, and one for each way it breaks the documented schema. */
    private void validate(String body, String type, String key, Operations.Match match, JsonNode schema, List<String> drifts) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            drifts.add("the " + type + " body is not JSON: " + e.getMessage());
            return;
        }
        JsonSchema validator = schemas.computeIfAbsent(key, k -> match.document().schema(schema));
        for (ValidationMessage m : validator.validate(json)) {
            drifts.add(m.getMessage());
        }
    }

    private void report(String drift) {
        try {
            Path file = Path.of("target", "contract-drifts.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, drift + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lenient) {
            throw new AssertionError("answer breaks the contract: " + drift);
        }
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static List<Operations> documentsToCheck() {
        Path dir = Contracts.contractsDir().resolve("openapi");
        String wanted = System.getProperty("grassroots.contracts", Path.of("").toAbsolutePath().getFileName().toString());
        List<Operations> documents = new ArrayList<>();
        try (var services = Files.list(dir)) {
            for (Path service : services.sorted().toList()) {
                String name = service.getFileName().toString();
                Path doc = service.resolve("openapi.json");
                boolean chosen = "all".equals(wanted) || Set.of(wanted.split(",")).contains(name);
                if (chosen && Files.exists(doc)) {
                    documents.add(new Operations(name, JSON.readTree(doc.toFile())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** One service's operations, found by method and concrete path; literal segments win over templated ones. */
    private static final class Operations {
        record Match(Operations document, String template, JsonNode operation) {}

        private record Route(String template, Pattern pattern, int parameters, JsonNode item) {}

        final String service;
        private final JsonNode components;
        private final List<Route> routes = new ArrayList<>();

        Operations(String service, JsonNode openapi) {
            this.service = service;
            this.components = openapi.path("components");
            for (Iterator<Map.Entry<String, JsonNode>> it = openapi.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String template = e.getKey();
                String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                int parameters = template.split("\\{", -1).length - 1;
                routes.add(new Route(template, Pattern.compile(regex), parameters, e.getValue()));
            }
            routes.sort(Comparator.comparingInt(Route::parameters));
        }

        Match find(String method, String path) {
            for (Route r : routes) {
                if (r.pattern().matcher(path).matches() && r.item().has(method.toLowerCase())) {
                    return new Match(this, r.template(), r.item().get(method.toLowerCase()));
                }
            }
            return null;
        }

        /** The schema with the document's components beside it, so its references resolve. */
        JsonSchema schema(JsonNode schema) {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", components);
            root.putArray("allOf").add(schema);
            return Contracts.FACTORY.getSchema(root, Contracts.CONFIG);
        }
    }
}
