package vn.grassroots.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.grassroots.common.web.CorrelationId;
import vn.grassroots.common.web.StrictJson;

/** Turns every failure into problem details, so clients never see a stack trace or an HTML page. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        return response(status, slug, title, detail, errors, null);
    }

    public static Response response(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        Problem p = new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, CorrelationId.current(), errors);
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE).entity(p);
        if (retryAfterSeconds != null) {
            r.header("Retry-After", retryAfterSeconds);
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.retryAfterSeconds());
    }

    /** 503 with Retry-After when the database (not the request) failed; see {@link Unavailable}. */
    static Response unavailable(Unavailable kind, Throwable e) {
        LOG.warnf("answering 503 %s [correlationId=%s]: %s", kind.slug, CorrelationId.current(), rootMessage(e));
        return problem503(kind);
    }

    private static Response problem503(Unavailable kind) {
        return response(503, kind.slug, "Service unavailable", kind.detail, List.of(), kind.retryAfterSeconds);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e.toString() : e.getClass().getSimpleName() + " ← " + t;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return response(400, "validation", "Validation failed", detail, errors);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
        UnrecognizedPropertyException.class, JsonMappingException.class})
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = m instanceof StrictJson.InvalidText t ? t.reason()
                    : m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                    : m instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type or format";
            return response(400, "validation", "Validation failed", field + " " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
        return response(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON", List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e) {
        Unavailable kind = Unavailable.of(e);
        if (kind != null) {
            return unavailable(kind, e);
        }
        return response(412, "stale-version", "Precondition failed",
                "the resource was changed by someone else; read it again and retry with its new ETag", List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return response(401, "unauthorized", "Unauthorized", "a valid bearer token is required", List.of());
    }

    @ServerExceptionMapper
    public Response authFailed(AuthenticationFailedException e) {
        return response(401, "unauthorized", "Unauthorized", "a valid bearer token is required", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(403, "forbidden", "Forbidden", "your roles do not allow this operation", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // Quarkus REST wraps body parse errors in a 400
        }
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (limit=abc, a malformed UUID).
            return response(400, "invalid-parameter", "Invalid parameter",
                    "a path or query parameter is not of the expected form: " + shortened(e.getCause().getMessage()), List.of());
        }
        Unavailable kind = status >= 500 ? Unavailable.of(e) : null;
        if (kind != null) {
            return unavailable(kind, e);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String slug = title.toLowerCase().replace(' ', '-');
        String detail = status == 404 ? "no such resource" : e.getMessage();
        return response(status, slug, title, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Unavailable kind = Unavailable.of(e);
        if (kind != null) {
            return unavailable(kind, e);
        }
        LOG.errorf(e, "unexpected failure [correlationId=%s]", CorrelationId.current());
        return response(500, "internal", "Internal error",
                "an unexpected error occurred; quote the correlation id when reporting it", List.of());
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.arg0.name" → "name": clients know the body's fields, not the Java method.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
