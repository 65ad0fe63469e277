package vn.grassroots.gateway.correlation;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@value #HEADER}: the caller's if it sent a sane one, a new UUID otherwise.
 * It goes to the upstream, back to the caller (also on 401s and 404s) and into the log MDC.
 */
@Singleton
public class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Before CORS (-300) and authentication (-200), so every answer and every log line carries it. */
    static final int ORDER = -1000;
    // Callers' ids end up in logs: bound the length and charset so they cannot forge log lines.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(MDC_KEY, id);
        // Quarkus runs each request on its own duplicated Vert.x context, which is where MDC lives.
        MDC.put(MDC_KEY, id);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
