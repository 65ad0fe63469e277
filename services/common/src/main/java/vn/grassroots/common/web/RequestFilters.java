package vn.grassroots.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.problem.ProblemMappers;
import vn.grassroots.common.text.TextRule;

/** Correlation id in and out; the request size limit and the text rule on path and query, answered as problem details. */
public class RequestFilters {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final long maxBodyBytes;

    /**
     * Paths (exact, e.g. {@code /api/v1/members/imports}) that accept bodies up to {@code large-body-max-bytes}
     * instead: a service allows a file upload on one endpoint without raising the limit of all the others.
     */
    private final Optional<List<String>> largeBodyPaths;
    private final long largeBodyMaxBytes;

    public RequestFilters(@ConfigProperty(name = "grassroots.http.max-body-bytes", defaultValue = "262144") long maxBodyBytes,
            @ConfigProperty(name = "grassroots.http.large-body-paths") Optional<List<String>> largeBodyPaths,
            @ConfigProperty(name = "grassroots.http.large-body-max-bytes", defaultValue = "0") long largeBodyMaxBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.largeBodyPaths = largeBodyPaths;
        this.largeBodyMaxBytes = largeBodyMaxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> onRequest(ContainerRequestContext ctx) {
        String given = ctx.getHeaderString(CorrelationId.HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(CorrelationId.MDC_KEY, id);
        MDC.put(RequestPath.MDC_KEY, ctx.getUriInfo().getPath());
        Optional<Response> badText = checkText(ctx);
        if (badText.isPresent()) {
            return badText;
        }
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()) {
            long limit = limitFor(ctx);
            if (Long.parseLong(length) > limit) {
                return Optional.of(ProblemMappers.response(413, "payload-too-large", "Payload too large",
                        "the request body exceeds " + limit + " bytes", List.of()));
            }
        }
        return Optional.empty();
    }

    /**
     * Path and query parameters follow {@link TextRule} like body fields, checked on the bytes the client sent: a
     * percent-escape that is not UTF-8 would otherwise arrive as U+FFFD, a %00 as a NUL that PostgreSQL refuses.
     */
    private static Optional<Response> checkText(ContainerRequestContext ctx) {
        URI uri = ctx.getUriInfo().getRequestUri();
        String problem = rawProblem(uri.getRawPath());
        if (problem != null) {
            return Optional.of(invalidParameter("the path " + problem));
        }
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            problem = rawProblem(name);
            if (problem == null && eq >= 0) {
                problem = rawProblem(pair.substring(eq + 1));
            }
            if (problem != null) {
                String shown = rawProblem(name) == null ? decode(name) : "a parameter";
                return Optional.of(ProblemMappers.response(400, "validation", "Validation failed", shown + ": " + problem,
                        List.of(new Problem.FieldError(shown, problem))));
            }
        }
        return Optional.empty();
    }

    private static Response invalidParameter(String detail) {
        return ProblemMappers.response(400, "invalid-parameter", "Invalid parameter", detail, List.of());
    }

    /** Why a raw (percent-encoded) URI part is refused, or null. */
    private static String rawProblem(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return TextRule.problem(raw, false);
        }
        String decoded = decode(raw);
        return decoded == null ? "holds percent-escapes that are not UTF-8" : TextRule.problem(decoded, false);
    }

    /** Strict percent-decoding ('+' stays itself), or null when the bytes are not UTF-8. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private long limitFor(ContainerRequestContext ctx) {
        if (largeBodyPaths.isPresent() && largeBodyMaxBytes > maxBodyBytes) {
            String path = ctx.getUriInfo().getPath();
            if (largeBodyPaths.get().contains(path)) {
                return largeBodyMaxBytes;
            }
        }
        return maxBodyBytes;
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        String id = CorrelationId.current();
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id);
        }
    }
}
