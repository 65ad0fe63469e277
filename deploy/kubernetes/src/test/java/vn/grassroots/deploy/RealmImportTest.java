package vn.grassroots.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The KeycloakRealmImport of each overlay is deploy/keycloak/grassroots-realm.json (the realm of the local stack)
 * with: no secret in clear (the integration client's secret and the demo users' password are placeholders the
 * operator fills from the secret grassroots-realm), HTTPS required, the mobile and Swagger clients sent to the
 * overlay's hosts; in production no demo user and no client with the password grant. {@code deploy/kubernetes/check.sh
 * realms} writes them (this test with -Drealm.write=true); the test fails when they are not what that would write.
 */
class RealmImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode expected(String overlay) throws IOException {
        boolean production = overlay.equals("production");
        String host = production ? "grassroots.example" : "staging.grassroots.example";
        ObjectNode realm = (ObjectNode) JSON.readTree(Rendered.REPO.resolve("deploy/keycloak/grassroots-realm.json").toFile());
        realm.put("sslRequired", "external");
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode c : realm.path("clients")) {
            ObjectNode client = (ObjectNode) c.deepCopy();
            if (production && client.path("directAccessGrantsEnabled").asBoolean()) {
                continue; // the password grant: demo and local tools only
            }
            if (client.has("secret")) {
                client.put("secret", "${INTEGRATION_CLIENT_SECRET}");
            }
            if (client.has("redirectUris") && !client.path("redirectUris").isEmpty()) {
                ArrayNode uris = client.putArray("redirectUris");
                for (JsonNode u : c.path("redirectUris")) {
                    if (!u.asText().startsWith("http://")) {
                        uris.add(u); // the app's own scheme
                    }
                }
                uris.add("https://api." + host + "/*");
                client.putArray("webOrigins").add("https://api." + host);
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        ArrayNode users = JSON.createArrayNode();
        for (JsonNode u : realm.path("users")) {
            ObjectNode user = (ObjectNode) u.deepCopy();
            boolean serviceAccount = user.has("serviceAccountClientId");
            if (production && !serviceAccount) {
                continue; // demo users in staging only
            }
            for (JsonNode credential : user.path("credentials")) {
                ((ObjectNode) credential).put("value", "${DEMO_PASSWORD}");
            }
            users.add(user);
        }
        realm.set("users", users);

        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "grassroots-realm");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "grassroots-id");
        ObjectNode placeholders = spec.putObject("placeholders");
        placeholders.putObject("INTEGRATION_CLIENT_SECRET").putObject("secret").put("name", "grassroots-realm").put("key", "integration-client-secret");
        if (!production) {
            placeholders.putObject("DEMO_PASSWORD").putObject("secret").put("name", "grassroots-realm").put("key", "demo-password");
        }
        spec.set("realm", realm);
        return doc;
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theRealmImportIsTheLocalRealmMadeSafe(String overlay) throws IOException {
        JsonNode expected = expected(overlay);
        Path file = Rendered.REPO.resolve("deploy/kubernetes/overlays/" + overlay + "/realm-import.yaml");
        if (Boolean.getBoolean("realm.write")) {
            Files.writeString(file, "# Written by deploy/kubernetes/check.sh realms from deploy/keycloak/grassroots-realm.json: do not edit.\n"
                    + Rendered.YAML.writeValueAsString(expected));
        }
        JsonNode rendered = Rendered.one(overlay, "KeycloakRealmImport", "grassroots-realm");
        ((ObjectNode) expected.path("metadata")).put("namespace", rendered.path("metadata").path("namespace").asText());
        assertEquals(expected, rendered, "overlays/" + overlay + "/realm-import.yaml is not what deploy/kubernetes/check.sh realms writes");
        String text = rendered.toString();
        assertFalse(text.contains("integration-secret"), "a client secret in clear");
        assertFalse(text.contains("\"value\":\"admin\""), "a password in clear");
        if (overlay.equals("production")) {
            assertFalse(text.contains("\"directAccessGrantsEnabled\":true"), "the password grant in production");
            assertFalse(text.contains("\"username\":\"member\""), "demo users in production");
        }
    }
}
