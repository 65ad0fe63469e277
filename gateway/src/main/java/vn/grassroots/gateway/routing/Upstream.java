package vn.grassroots.gateway.routing;

import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;

/** One resolved route: requests under {@code prefix} go to one of the service's {@code instances}. */
public record Upstream(String name, String prefix, List<Instance> instances) {

    /**
     * One instance of a service: where to connect, and the path its URL puts before every request's. The socket address
     * is made once here, not for every request.
     */
    public record Instance(String host, int port, boolean ssl, String basePath, SocketAddress address) {

        static Instance of(String name, String routeUrl) {
            URI url = URI.create(routeUrl.trim());
            String scheme = url.getScheme();
            if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new IllegalArgumentException("grassroots.routes." + name + ".url must be http(s) URLs: " + routeUrl);
            }
            boolean ssl = "https".equals(scheme);
            int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
            String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            return new Instance(url.getHost(), port, ssl, basePath, SocketAddress.inetSocketAddress(port, url.getHost()));
        }

        /** The request URI on this instance for a gateway path and raw query string. */
        public String uri(String path, String rawQuery) {
            return basePath + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        }

        public String url() {
            return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
        }

        /** {@code location} made relative when this instance built it from its own address; else null. */
        String relativized(String location) {
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
            return null;
        }
    }

    /** One upstream per prefix of the route; they share the name, so one pool of instances and one health check. */
    static List<Upstream> of(String name, GatewayConfig.Route route) {
        List<Instance> instances = route.url().stream().filter(u -> !u.isBlank()).map(u -> Instance.of(name, u)).toList();
        return route.prefix().stream().map(prefix -> of(name, prefix.trim(), instances)).toList();
    }

    static Upstream of(String name, String prefix, String... urls) {
        return of(name, prefix, java.util.Arrays.stream(urls).map(u -> Instance.of(name, u)).toList());
    }

    static Upstream of(String name, String prefix, List<Instance> instances) {
        // Only /api/** is behind the token check, so a route elsewhere would be an open door.
        if (!prefix.startsWith("/api/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("grassroots.routes." + name + ".prefix must start with /api/ and not end with /: "
                    + prefix);
        }
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("grassroots.routes." + name + ".url names no instance");
        }
        return new Upstream(name, prefix, List.copyOf(instances));
    }

    /** Segment-wise match: /api/v1/organizations covers /api/v1/organizations/x but not /api/v1/organizationsx. */
    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    /**
     * A Location an instance built from the Host it saw (its own address), made relative, so that callers follow it
     * through the gateway rather than to an internal address.
     */
    public String relativize(String location) {
        for (Instance i : instances) {
            String relative = i.relativized(location);
            if (relative != null) {
                return relative;
            }
        }
        return location;
    }
}
