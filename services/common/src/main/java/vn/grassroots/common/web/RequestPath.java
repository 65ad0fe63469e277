package vn.grassroots.common.web;

import org.jboss.logging.MDC;

/** The path of the request being answered (set by {@link RequestFilters}), for what must know which list it serves. */
public final class RequestPath {
    public static final String MDC_KEY = "requestPath";

    private RequestPath() {}

    public static String current() {
        Object v = MDC.get(MDC_KEY);
        return v == null ? null : v.toString();
    }
}
