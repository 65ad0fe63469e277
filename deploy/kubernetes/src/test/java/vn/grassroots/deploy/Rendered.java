package vn.grassroots.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The objects of an overlay as deploy/kubernetes/check.sh rendered them (kubectl kustomize) into target/rendered. */
final class Rendered {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path REPO = Path.of(System.getProperty("repo", "../.."));
    private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {}

    static List<JsonNode> objects(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> read(REPO.resolve("deploy/kubernetes/target/rendered/" + o + ".yaml")));
    }

    static List<JsonNode> read(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(file))) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.isObject() && n.size() > 0) {
                    docs.add(n);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (render it first: deploy/kubernetes/check.sh)", e);
        }
        return docs;
    }

    static String kindOf(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return objects(overlay).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode one(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(o -> name(o).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + overlay));
    }
}
