package vn.grassroots.gateway.routing;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import vn.grassroots.gateway.problem.Problems;

/**
 * The 413 for a body counted over its path's limit. The rest of the body is not forwarded, so the connection cannot
 * serve another request; but closing it while the caller is still sending makes the kernel reset it, and the 413 can
 * be lost with it. So what still comes is read and dropped, for a while at most, before the close.
 *
 * <p>A declared length is not refused before the body: a caller waiting for 100-continue then gets the 413 at once,
 * and the JDK's HttpClient (17) waits forever for a body after such an answer. It is sent 100-continue and counted.
 */
final class TooLarge {

    /** How long a refused caller may go on sending before its connection is closed anyway. */
    static final long LINGER_MILLIS = 2_000;

    private TooLarge() {
    }

    static void refuse(RoutingContext ctx, long limit) {
        ctx.response().putHeader("Connection", "close").endHandler(end -> linger(ctx));
        Problems.payloadTooLarge(ctx, limit);
    }

    private static void linger(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        HttpConnection connection = in.connection();
        if (in.isEnded()) {
            connection.close();
            return;
        }
        long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> connection.close());
        in.exceptionHandler(t -> {});
        in.handler(chunk -> {});
        in.endHandler(v -> {
            ctx.vertx().cancelTimer(timer);
            connection.close();
        });
        in.resume();
    }
}
