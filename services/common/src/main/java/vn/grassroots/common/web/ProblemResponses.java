package vn.grassroots.common.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.grassroots.common.problem.Problem;

/**
 * Documents in every service's OpenAPI what every operation may answer because of what the platform does alike (the
 * shared problem mappers, filters, security and preconditions), each as a problem: 400 for input that breaks the
 * contract, 401, 403, 404 under a path with an id, 304 where If-None-Match is taken, 412/428 where If-Match is, 409 and
 * 422 on every change (the state or a rule refuses it), 413/415 with a body, 503 when the database is unavailable. A
 * status an operation documents itself keeps its description and gets the problem schema.
 * Every /api operation needs a token, also those the shared module adds (exports, consumer admin) whose roles are
 * checked in code rather than by annotation: they get the security requirement too. It also writes the platform's
 * rule for null into every schema ({@link NullableFields}).
 */
public class ProblemResponses implements OASFilter {
    /** quarkus.smallrye-openapi.security-scheme-name (META-INF/microprofile-config.properties). */
    private static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        NullableFields.apply(api);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> ops = item.getOperations();
            if (ops != null) {
                ops.forEach((method, op) -> document(path, method, op));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation op) {
        if (path.startsWith("/api/") && (op.getSecurity() == null || op.getSecurity().isEmpty())) {
            op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses r = op.getResponses();
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean body = op.getRequestBody() != null;
        if (body || !params.isEmpty() || path.contains("{")) {
            add(r, "400", "Input that breaks the contract: a field, parameter or body (validation, invalid-parameter, malformed-json)");
        }
        add(r, "401", "No valid token for this API (missing, expired, or for another audience)");
        add(r, "403", "Your roles or your subtree do not allow this (forbidden, out-of-scope)");
        if (path.contains("{")) {
            add(r, "404", "No such resource");
        }
        if (params.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            add(r, "412", "The ETag in If-Match is not the current version (stale-version)");
            add(r, "428", "If-Match is required (precondition-required)");
        }
        if (params.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()))
                && r.getAPIResponse("304") == null) {
            r.addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified: the ETag in If-None-Match is still current"));
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            add(r, "409", "The current state does not allow it (conflict; the operation's description says when)");
            add(r, "422", "A rule of the domain refuses it (the problem's type and detail say which)");
        }
        if (body) {
            add(r, "413", "The request body is too large");
            add(r, "415", "The body is not of a media type this operation takes");
        }
        add(r, "503", "The database is unavailable or busy (Retry-After): nothing was changed, retry with the same Idempotency-Key");
        problemContent(r);
    }

    /** Every 4xx and 5xx response without content, or with only a Problem as JSON, gets the problem content. */
    private static void problemContent(APIResponses r) {
        r.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                Content content = response.getContent();
                if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()
                        || (content.getMediaTypes().size() == 1 && content.hasMediaType("application/json")
                                && isProblem(content.getMediaType("application/json").getSchema()))) {
                    response.setContent(problem());
                }
            }
        });
    }

    private static boolean isProblem(org.eclipse.microprofile.openapi.models.media.Schema schema) {
        return schema == null || (schema.getRef() != null && schema.getRef().endsWith("/Problem"));
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            APIResponse response = OASFactory.createAPIResponse().description(description).content(problem());
            responses.addAPIResponse(status, response);
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}
