package vn.grassroots.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the deployment promises (issue 16), checked on the rendered overlays. */
class InvariantsTest {
    static final List<String> SERVICES = List.of("organization", "membership", "meetings", "evaluations", "assignments");
    static final List<String> APPS = List.of("organization", "membership", "meetings", "evaluations", "assignments", "gateway");

    static List<JsonNode> list(JsonNode n) {
        return StreamSupport.stream(n.spliterator(), false).toList();
    }

    static JsonNode container(String overlay, String app) {
        return Rendered.one(overlay, "Deployment", app).path("spec").path("template").path("spec").path("containers").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyAppHasProbesResourcesADisruptionBudgetAndAnAutoscaler(String overlay) {
        int least = overlay.equals("production") ? 2 : 1;
        for (String app : APPS) {
            JsonNode d = Rendered.one(overlay, "Deployment", app);
            assertTrue(d.path("spec").path("replicas").asInt() >= least, app + " replicas");
            JsonNode c = container(overlay, app);
            assertEquals("/q/health/started", c.path("startupProbe").path("httpGet").path("path").asText(), app);
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), app);
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), app);
            for (String bound : List.of("requests", "limits")) {
                assertFalse(c.path("resources").path(bound).path("memory").asText().isEmpty(), app + " memory " + bound);
            }
            assertFalse(c.path("resources").path("requests").path("cpu").asText().isEmpty(), app + " cpu request");
            assertTrue(c.path("image").asText().startsWith("registry.grassroots.example/grassroots/" + app + ":"), app + " image");
            JsonNode selector = d.path("spec").path("selector").path("matchLabels");
            JsonNode pdb = Rendered.one(overlay, "PodDisruptionBudget", app);
            assertEquals(selector, pdb.path("spec").path("selector").path("matchLabels"), app + " PDB selects it");
            assertEquals(1, pdb.path("spec").path("maxUnavailable").asInt(), app + ": one pod at a time; with two or more, one always serves");
            JsonNode hpa = Rendered.one(overlay, "HorizontalPodAutoscaler", app);
            assertEquals(app, hpa.path("spec").path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= least, app + " autoscaler minimum");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void noSecretInClearText(String overlay) {
        Pattern secretish = Pattern.compile("(?i).*(password|secret|token|jaas|credential|private).*");
        for (JsonNode o : Rendered.objects(overlay)) {
            assertFalse(o.path("kind").asText().equals("Secret"), "a Secret in the repository: " + Rendered.name(o));
        }
        for (String app : APPS) {
            for (JsonNode env : list(container(overlay, app).path("env"))) {
                if (secretish.matcher(env.path("name").asText()).matches()) {
                    assertTrue(env.path("value").isMissingNode(), app + " " + env.path("name").asText() + " has a value in clear");
                    assertFalse(env.path("valueFrom").path("secretKeyRef").isMissingNode(), app + " " + env.path("name").asText());
                }
            }
        }
        for (JsonNode cm : Rendered.ofKind(overlay, "ConfigMap")) {
            cm.path("data").fields().forEachRemaining(e -> {
                assertFalse(secretish.matcher(e.getKey()).matches(), "ConfigMap key " + e.getKey());
                for (String line : e.getValue().asText().split("\n")) {
                    if (secretish.matcher(line.split("=", 2)[0]).matches() && line.contains("=")) {
                        assertTrue(line.split("=", 2)[1].matches("\\$\\{[A-Z_]+}"), "clear text in ConfigMap: " + line);
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void onlyTheGatewayFromTheIngressAServiceOnlyFromTheGatewayADatabaseOnlyFromItsService(String overlay) {
        JsonNode deny = Rendered.one(overlay, "NetworkPolicy", "default-deny-ingress");
        assertEquals(0, deny.path("spec").path("podSelector").size(), "every pod");
        assertTrue(deny.path("spec").path("ingress").isMissingNode() || deny.path("spec").path("ingress").isEmpty());
        // who may reach an app pod, from the policies that select it (the metrics scrape aside)
        for (String app : APPS) {
            String component = app.equals("gateway") ? "gateway" : "service";
            Set<String> from = new TreeSet<>();
            for (JsonNode p : Rendered.ofKind(overlay, "NetworkPolicy")) {
                if (!selects(p.path("spec").path("podSelector"), Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/component", component))) {
                    continue;
                }
                for (JsonNode rule : list(p.path("spec").path("ingress"))) {
                    for (JsonNode peer : list(rule.path("from"))) {
                        String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                        String pod = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                        from.add(!ns.isEmpty() ? "namespace " + ns : "pod " + pod);
                    }
                }
            }
            from.remove("namespace monitoring");
            assertEquals(Set.of(app.equals("gateway") ? "namespace ingress-nginx" : "pod gateway"), from, app + " reachable from");
        }
        for (String s : SERVICES) {
            JsonNode p = Rendered.one(overlay, "NetworkPolicy", s + "-db-from-" + s);
            assertEquals(s + "-db", p.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText());
            Set<String> pods = new TreeSet<>();
            list(p.path("spec").path("ingress")).forEach(r -> list(r.path("from")).forEach(peer -> {
                JsonNode labels = peer.path("podSelector").path("matchLabels");
                if (!labels.isMissingNode()) {
                    pods.add(labels.path("app.kubernetes.io/name").asText(labels.path("cnpg.io/cluster").asText()));
                }
            }));
            assertEquals(Set.of(s, s + "-db"), pods, s + "-db reachable from");
            // no other policy opens the database
            long others = Rendered.ofKind(overlay, "NetworkPolicy").stream()
                    .filter(o -> o.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText().equals(s + "-db"))
                    .count();
            assertEquals(1, others);
        }
        JsonNode ingress = Rendered.one(overlay, "Ingress", "gateway");
        assertFalse(ingress.path("spec").path("tls").isEmpty(), "TLS");
        for (JsonNode rule : list(ingress.path("spec").path("rules"))) {
            for (JsonNode path : list(rule.path("http").path("paths"))) {
                assertEquals("gateway", path.path("backend").path("service").path("name").asText());
            }
        }
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) () -> selector.path("matchLabels").fields()) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode ex : list(selector.path("matchExpressions"))) {
            boolean in = list(ex.path("values")).stream().anyMatch(v -> v.asText().equals(labels.get(ex.path("key").asText())));
            if (ex.path("operator").asText().equals("In") != in) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyChannelOfTheAsyncApiHasItsTopicAndEveryTopicIsAChannelOrADeadLetterTopic() throws IOException {
        JsonNode asyncapi = Rendered.YAML.readTree(Rendered.REPO.resolve("contracts/asyncapi.yaml").toFile());
        Set<String> channels = new TreeSet<>();
        asyncapi.path("channels").forEach(c -> channels.add(c.path("address").asText()));
        SERVICES.forEach(s -> channels.add("grassroots." + s + ".dead-letter.v1"));
        for (String overlay : List.of("staging", "production")) {
            Map<String, JsonNode> topics = new TreeMap<>();
            Rendered.ofKind(overlay, "KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(), t));
            assertEquals(channels, topics.keySet(), overlay);
            topics.forEach((name, t) -> {
                assertEquals("grassroots", t.path("metadata").path("labels").path("strimzi.io/cluster").asText());
                assertEquals(3, t.path("spec").path("partitions").asInt(), name);
                String policy = t.path("spec").path("config").path("cleanup.policy").asText();
                assertEquals(name.contains("-state.") ? "compact" : "delete", policy, name);
                if (policy.equals("delete")) {
                    assertTrue(t.path("spec").path("config").path("retention.ms").asLong() >= 7L * 24 * 3600 * 1000, name + " retention");
                }
            });
        }
    }

    /** The ACLs a service needs, from its application.properties: what its outbox writes, what its channels read. */
    static Map<String, Set<String>> needs(String service) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Rendered.REPO.resolve("services/" + service + "/src/main/resources/application.properties"))) {
            p.load(r);
        }
        Map<String, Set<String>> acl = new TreeMap<>();
        List<String> produced = new ArrayList<>();
        for (String key : List.of("grassroots.outbox.topics", "grassroots.outbox.state-topics")) {
            for (String t : p.getProperty(key, "").split(",")) {
                if (!t.isBlank()) {
                    produced.add(t.trim());
                }
            }
        }
        produced.forEach(t -> acl.put("topic " + t, Set.of("Describe", "Write", "Create")));
        acl.put("topic grassroots." + service + ".dead-letter.v1", Set.of("Describe", "Write", "Create", "Read"));
        p.stringPropertyNames().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[\\w-]+\\.topic"))
                .forEach(k -> acl.put("topic " + p.getProperty(k), Set.of("Describe", "Read")));
        if (p.stringPropertyNames().stream().anyMatch(k -> k.startsWith("mp.messaging.incoming."))) {
            acl.put("group " + service, Set.of("Read"));
        }
        return acl;
    }

    @Test
    void everyServiceHasAKafkaUserAllowedExactlyWhatItDoes() throws IOException {
        for (String overlay : List.of("staging", "production")) {
            Set<String> users = Rendered.ofKind(overlay, "KafkaUser").stream().map(Rendered::name).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = SERVICES.stream().map(s -> "grassroots-" + s).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, users);
            for (String s : SERVICES) {
                JsonNode user = Rendered.one(overlay, "KafkaUser", "grassroots-" + s);
                assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
                Map<String, Set<String>> granted = new TreeMap<>();
                for (JsonNode acl : list(user.path("spec").path("authorization").path("acls"))) {
                    JsonNode r = acl.path("resource");
                    assertEquals("literal", r.path("patternType").asText(), s + " ACLs name their resources");
                    Set<String> ops = new TreeSet<>();
                    acl.path("operations").forEach(o -> ops.add(o.asText()));
                    granted.merge(r.path("type").asText() + " " + r.path("name").asText(), ops, (a, b) -> {
                        Set<String> all = new TreeSet<>(a);
                        all.addAll(b);
                        return all;
                    });
                }
                Map<String, Set<String>> needed = new TreeMap<>();
                needs(s).forEach((k, v) -> needed.put(k, new TreeSet<>(v)));
                assertEquals(needed, granted, s);
                // the service connects as that user, with the secret the user operator writes
                JsonNode jaas = list(container(overlay, s).path("env")).stream()
                        .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
                assertEquals("grassroots-" + s, jaas.path("valueFrom").path("secretKeyRef").path("name").asText());
            }
        }
    }

    @Test
    void kafkaAndDatabasesAreReplicatedInProduction() {
        for (String overlay : List.of("staging", "production")) {
            boolean prod = overlay.equals("production");
            JsonNode kafka = Rendered.one(overlay, "Kafka", "grassroots");
            assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
            JsonNode config = kafka.path("spec").path("kafka").path("config");
            assertEquals(prod ? 3 : 1, config.path("default.replication.factor").asInt(), overlay);
            assertEquals(prod ? 2 : 1, config.path("min.insync.replicas").asInt(), overlay);
            assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
            JsonNode pool = Rendered.one(overlay, "KafkaNodePool", "dual-role");
            assertEquals(prod ? 3 : 1, pool.path("spec").path("replicas").asInt(), overlay);
            for (String s : SERVICES) {
                // CloudNativePG publishes no Java model: the fields this deployment relies on
                JsonNode cluster = Rendered.one(overlay, "Cluster", s + "-db");
                assertEquals(prod ? 2 : 1, cluster.path("spec").path("instances").asInt(), s + "-db instances");
                assertEquals(s, cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
                assertEquals(s, cluster.path("spec").path("bootstrap").path("initdb").path("owner").asText());
                assertTrue(cluster.path("spec").path("monitoring").path("enablePodMonitor").asBoolean(), s + "-db PodMonitor");
                JsonNode plugin = cluster.path("spec").path("plugins").get(0);
                assertEquals("barman-cloud.cloudnative-pg.io", plugin.path("name").asText());
                assertTrue(plugin.path("isWALArchiver").asBoolean());
                assertEquals("grassroots-backups", plugin.path("parameters").path("barmanObjectName").asText());
                assertEquals(s + "-db", Rendered.one(overlay, "ScheduledBackup", s + "-db-daily").path("spec").path("cluster").path("name").asText());
                // the service reads the credentials CloudNativePG writes, and the database's read-write service
                JsonNode env = container(overlay, s).path("env");
                assertTrue(list(env).stream().anyMatch(e -> e.path("name").asText().equals("DB_PASSWORD")
                        && e.path("valueFrom").path("secretKeyRef").path("name").asText().equals(s + "-db-app")), s);
                assertTrue(list(env).stream().anyMatch(e -> e.path("name").asText().equals("DB_URL")
                        && e.path("value").asText().startsWith("jdbc:postgresql://" + s + "-db-rw:5432/" + s + "?")), s);
            }
            JsonNode store = Rendered.one(overlay, "ObjectStore", "grassroots-backups");
            assertTrue(store.path("spec").path("configuration").path("destinationPath").asText().startsWith("s3://"));
            assertFalse(store.path("spec").path("configuration").path("s3Credentials").path("secretAccessKey").path("name").asText().isEmpty());
        }
    }

    /** Also writes the rules as a rules file, target/rendered/rules-OVERLAY.yaml, for promtool (check.sh). */
    @Test
    void keycloakRunsOnItsOwnDatabaseBehindTheIngress() {
        for (String overlay : List.of("staging", "production")) {
            boolean prod = overlay.equals("production");
            JsonNode keycloak = Rendered.one(overlay, "Keycloak", "grassroots-id");
            assertEquals(prod ? 2 : 1, keycloak.path("spec").path("instances").asInt(), overlay);
            JsonNode db = keycloak.path("spec").path("db");
            assertEquals("keycloak-db-rw", db.path("host").asText());
            assertEquals("keycloak-db-app", db.path("passwordSecret").path("name").asText());
            assertEquals(prod ? 2 : 1, Rendered.one(overlay, "Cluster", "keycloak-db").path("spec").path("instances").asInt());
            assertEquals("https://id." + (prod ? "" : "staging.") + "grassroots.example",
                    keycloak.path("spec").path("hostname").path("hostname").asText());
            assertFalse(keycloak.path("spec").path("http").path("tlsSecret").asText().isEmpty(), "TLS");
            assertEquals("https://id." + (prod ? "" : "staging.") + "grassroots.example/realms/grassroots",
                    Rendered.one(overlay, "ConfigMap", "grassroots-config").path("data").path("OIDC_ISSUER").asText(), "the services trust it");
        }
    }

    @Test
    void everyOverlayTracesToItsOwnCollector() {
        Set<String> endpoints = new HashSet<>();
        for (String overlay : List.of("staging", "production")) {
            JsonNode config = Rendered.one(overlay, "ConfigMap", "grassroots-config").path("data");
            assertEquals("false", config.path("QUARKUS_OTEL_SDK_DISABLED").asText(), overlay + ": tracing is on");
            String endpoint = config.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText();
            assertTrue(endpoint.matches("http://[a-z0-9.-]+:4318"), overlay + ": OTLP over HTTP to a collector, " + endpoint);
            endpoints.add(endpoint);
            double ratio = Double.parseDouble(config.path("QUARKUS_OTEL_TRACES_SAMPLER_ARG").asText());
            assertTrue(ratio > 0 && ratio <= 1, overlay + ": a ratio of new traces");
        }
        assertEquals(2, endpoints.size(), "each overlay has its own collector");
    }

    @Test
    void metricsAreScrapedAndEveryAlertHasASeverityAndASummary() throws IOException {
        for (String overlay : List.of("staging", "production")) {
            JsonNode rules = Rendered.one(overlay, "PrometheusRule", "grassroots");
            Files.writeString(Rendered.REPO.resolve("deploy/kubernetes/target/rendered/rules-" + overlay + ".yaml"),
                    Rendered.YAML.writeValueAsString(rules.path("spec")));
            JsonNode monitor = Rendered.one(overlay, "ServiceMonitor", "grassroots");
            assertEquals("/q/metrics", monitor.path("spec").path("endpoints").get(0).path("path").asText());
            assertTrue(selects(monitor.path("spec").path("selector"), Map.of("app.kubernetes.io/component", "gateway")));
            assertTrue(selects(monitor.path("spec").path("selector"), Map.of("app.kubernetes.io/component", "service")));
            Set<String> alerts = new TreeSet<>();
            for (JsonNode group : list(rules.path("spec").path("groups"))) {
                for (JsonNode rule : list(group.path("rules"))) {
                    alerts.add(rule.path("alert").asText());
                    assertFalse(rule.path("labels").path("severity").asText().isEmpty(), rule.path("alert").asText());
                    assertFalse(rule.path("annotations").path("summary").asText().isEmpty(), rule.path("alert").asText());
                }
            }
            assertEquals(Set.of("OutboxBacklog", "OutboxStuck", "ConsumerLag", "DeadLetters", "ServerErrors", "SlowReports", "SlowPages"), alerts);
        }
    }

    @Test
    void everyModuleHasAJvmDockerfile() throws IOException {
        for (String module : List.of("services/organization", "services/membership", "services/meetings", "services/evaluations",
                "services/assignments", "gateway")) {
            String dockerfile = Files.readString(Rendered.REPO.resolve(module + "/src/main/docker/Dockerfile.jvm"));
            assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"), module);
            assertTrue(dockerfile.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), module);
            assertTrue(dockerfile.contains("USER 185"), module + " runs as a user");
        }
    }
}
