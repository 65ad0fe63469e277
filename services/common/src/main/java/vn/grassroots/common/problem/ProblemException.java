package vn.grassroots.common.problem;

import java.util.List;

/** Thrown anywhere in a service to answer with a problem; never carries a stack trace to clients. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private Integer retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : errors;
    }

    /** Adds a {@code Retry-After} header (seconds) to the answer: the client may try again then. */
    public ProblemException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** 503: what the request needs (the database) is unavailable for a moment; nothing was changed. */
    public static ProblemException unavailable(String slug, String detail, int retryAfterSeconds) {
        return new ProblemException(503, slug, "Service unavailable", detail).retryAfter(retryAfterSeconds);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException badRequest(String slug, String detail, Problem.FieldError... errors) {
        return new ProblemException(400, slug, "Bad request", detail, List.of(errors));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Validation failed", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /**
     * 422 {@code unknown-<what>} with Retry-After for an id this service's read model does not hold: it may exist in the
     * service that owns it and not have arrived here yet (right after an import), so the caller may retry; it is not a 404,
     * which would say that it does not exist.
     */
    public static ProblemException notKnownHere(String what, Object id, String service) {
        return notKnownHere(what, id, service, null);
    }

    /** As {@link #notKnownHere(String, Object, String)}, naming the request field that holds the id. */
    public static ProblemException notKnownHere(String what, Object id, String service, String field) {
        return new ProblemException(422, "unknown-" + what, "Unprocessable request", what + " " + id + " is not known to the "
                + service + " service: if it was created a moment ago, retry shortly; otherwise check the id",
                field == null ? List.of() : List.of(new Problem.FieldError(field, "is not a known " + what + " (yet)"))).retryAfter(5);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    /** Names nothing: which organization holds an object outside one's subtree is not the caller's to learn. */
    public static ProblemException outOfScope() {
        return new ProblemException(403, "out-of-scope", "Outside your scope",
                "this is outside the subtree of organizations you may act in");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException unprocessable(String slug, String detail, Problem.FieldError... errors) {
        return new ProblemException(422, slug, "Unprocessable request", detail, List.of(errors));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Seconds for the {@code Retry-After} header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
