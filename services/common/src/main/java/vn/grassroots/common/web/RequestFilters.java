package vn.grassroots.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.grassroots.common.problem.ProblemMappers;

/** Correlation id in and out, and the request size limit answered as problem details. */
public class RequestFilters {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @ConfigProperty(name = "grassroots.http.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    /**
     * Paths (exact, e.g. {@code /api/v1/members/imports}) that accept bodies up to {@code large-body-max-bytes}
     * instead: a service allows a file upload on one endpoint without raising the limit of all the others.
     */
    @ConfigProperty(name = "grassroots.http.large-body-paths")
    Optional<List<String>> largeBodyPaths;

    @ConfigProperty(name = "grassroots.http.large-body-max-bytes", defaultValue = "0")
    long largeBodyMaxBytes;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> onRequest(ContainerRequestContext ctx) {
        String given = ctx.getHeaderString(CorrelationId.HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(CorrelationId.MDC_KEY, id);
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
