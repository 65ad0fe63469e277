package vn.grassroots.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered object read into its model: the Kubernetes kinds into fabric8's, Strimzi's into io.strimzi:api (a
 * wrong type or enum value fails to read; a field the model does not know lands in "additional properties", which
 * must stay empty). CloudNativePG, prometheus-operator and the Keycloak operator publish no Java model: their fields
 * are checked in {@link InvariantsTest} and {@link RealmImportTest}.
 */
class ModelsTest {
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));
    static final List<String> UNMODELLED = List.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore", "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PodMonitor",
            "monitoring.coreos.com/v1/PrometheusRule", "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyObjectReadsIntoItsModel(String overlay) throws Exception {
        ObjectMapper strict = Rendered.YAML.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<String> problems = new ArrayList<>();
        for (JsonNode o : Rendered.objects(overlay)) {
            String kind = Rendered.kindOf(o);
            Class<?> model = MODELS.get(kind);
            if (model == null) {
                assertTrue(UNMODELLED.contains(kind), "no model and no field checks for " + kind + " " + Rendered.name(o));
                continue;
            }
            try {
                Object read = strict.treeToValue(o, model);
                unknown(read, kind + " " + Rendered.name(o), problems, new IdentityHashMap<>());
            } catch (Exception e) {
                problems.add(kind + " " + Rendered.name(o) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Fields a model kept aside because it does not know them, anywhere in the object. */
    static void unknown(Object o, String where, List<String> problems, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c) {
                unknown(e, where, problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object e : m.values()) {
                unknown(e, where, problems, seen);
            }
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(o);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(where + ": unknown " + extra.keySet() + " in " + o.getClass().getSimpleName());
                }
            } else {
                unknown(value, where, problems, seen);
            }
        }
    }
}
