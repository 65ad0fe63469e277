package vn.grassroots.common.web;

import org.jboss.logging.MDC;

/** The id that follows one request through the gateway, every service, its logs and its events. */
public final class CorrelationId {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {}

    public static String current() {
        Object v = MDC.get(MDC_KEY);
        return v == null ? null : v.toString();
    }
}
