package vn.grassroots.gateway.routing;

import java.net.URI;

/** One resolved route: where requests under {@code prefix} go. */
public record Upstream(String name, String prefix, String host, int port, boolean ssl, String basePath) {

    /** One upstream per prefix of the route; they share the name, so one circuit and one health check. */
    static java.util.List<Upstream> of(String name, GatewayConfig.Route route) {
        return route.prefix().stream().map(prefix -> of(name, prefix.trim(), route.url())).toList();
    }

    static Upstream of(String name, String prefix, String routeUrl) {
        // Only /api/** is behind the token check, so a route elsewhere would be an open door.
        if (!prefix.startsWith("/api/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("grassroots.routes." + name + ".prefix must start with /api/ and not end with /: "
                    + prefix);
        }
        URI url = URI.create(routeUrl.trim());
        String scheme = url.getScheme();
        if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("grassroots.routes." + name + ".url must be an http(s) URL: " + routeUrl);
        }
        boolean ssl = "https".equals(scheme);
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return new Upstream(name, prefix, url.getHost(), port, ssl, basePath);
    }

    /** Segment-wise match: /api/v1/organizations covers /api/v1/organizations/x but not /api/v1/organizationsx. */
    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    /**
     * A Location the upstream built from the Host it saw (its own address), made relative, so that
     * callers follow it through the gateway rather than to an internal address.
     */
    public String relativize(String location) {
        String scheme = ssl ? "https://" : "http://";
        boolean defaultPort = port == (ssl ? 443 : 80);
        for (String origin : defaultPort
                ? new String[] {scheme + host + ":" + port, scheme + host}
                : new String[] {scheme + host + ":" + port}) {
            if (location.regionMatches(true, 0, origin, 0, origin.length())
                    && (location.length() == origin.length() || "/?#".indexOf(location.charAt(origin.length())) >= 0)) {
                String rest = location.substring(origin.length());
                if (!basePath.isEmpty() && rest.startsWith(basePath + "/")) {
                    rest = rest.substring(basePath.length());
                }
                return rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest;
            }
        }
        return location;
    }

    /** The request URI on the upstream for a gateway path and raw query string. */
    public String uri(String path, String rawQuery) {
        return basePath + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
