package vn.grassroots.gateway.routing;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured routes, validated once at startup so that a typo fails the boot, not a request. */
@Singleton
public class RouteTable {

    private final List<Upstream> longestPrefixFirst;
    private final Map<String, Upstream> byName = new TreeMap<>();
    private final Map<String, Pool> pools = new TreeMap<>();

    public RouteTable(GatewayConfig config) {
        List<Upstream> all = new java.util.ArrayList<>();
        config.routes().forEach((name, route) -> {
            List<Upstream> prefixes = Upstream.of(name, route);
            all.addAll(prefixes);
            byName.put(name, prefixes.get(0));
            pools.put(name, new Pool(prefixes.get(0).instances(), config.upstream().failureThreshold(), config.upstream().openDelay()));
        });
        // Longest prefix first, so a nested prefix (/api/v1/organizations/x) can go to another service.
        longestPrefixFirst = all.stream()
                .sorted(Comparator.comparingInt((Upstream u) -> u.prefix().length()).reversed())
                .toList();
    }

    public Optional<Upstream> match(String path) {
        return longestPrefixFirst.stream().filter(u -> u.matches(path)).findFirst();
    }

    public Optional<Upstream> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The instances of a service and their state, shared by its prefixes, the proxy and the health checks. */
    public Pool pool(String name) {
        return pools.get(name);
    }

    public List<Upstream> all() {
        return List.copyOf(byName.values());
    }
}
