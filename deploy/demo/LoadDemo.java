import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demonstration data through the public API (the gateway), as the admin user, with a token
 * from Keycloak. Run with the JDK's single-file launcher:
 *   java deploy/demo/LoadDemo.java GATEWAY_URL KEYCLOAK_ISSUER deploy/demo/demo-data.txt
 * A request answered 409 (already there) counts as done, so loading twice changes nothing. Each POST carries an
 * Idempotency-Key made from its line, so a create whose id the server chooses is not repeated either.
 * A line may start with "@name ": the "id" of its answer then replaces "{name}" in later lines. "{today+N}" is the
 * date N days from today in Asia/Ho_Chi_Minh, so that meetings are always ahead of the demo.
 */
public class LoadDemo {
    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String issuer = args[1];
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=grassroots-cli&username=admin&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokenResponse.body());
        if (tokenResponse.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for admin: " + tokenResponse.statusCode() + " " + tokenResponse.body());
        }
        String token = m.group(1);
        Map<String, String> ids = new HashMap<>();
        int created = 0;
        int existing = 0;
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = null;
            if (line.startsWith("@")) {
                name = line.substring(1, line.indexOf(' '));
                line = line.substring(line.indexOf(' ') + 1);
            }
            line = substitute(line, ids);
            String key = UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)).toString();
            String[] parts = line.split(" ", 3);
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + parts[1]))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .method(parts[0], HttpRequest.BodyPublishers.ofString(parts[2], StandardCharsets.UTF_8)).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            // Other services learn organizations from Kafka: a member's cell may not have reached the
            // membership service yet (422), so such a request is tried again for a while.
            // (a service started on a stack with much history may need a couple of minutes to catch up)
            for (int i = 0; i < 360 && r.statusCode() == 422; i++) {
                Thread.sleep(500);
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (r.statusCode() == 201 || r.statusCode() == 200) {
                created++;
                if (name != null) {
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body());
                    if (!id.find()) {
                        throw new IllegalStateException("@" + name + ": no id in the answer " + r.body());
                    }
                    ids.put(name, id.group(1));
                }
            } else if (r.statusCode() == 409) {
                existing++;
            } else {
                throw new IllegalStateException(parts[0] + " " + parts[1] + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        System.out.println("demo data: " + created + " created, " + existing + " already there");
    }

    /** Replaces {today+N} by a date and {name} by the id captured under that name. */
    static String substitute(String line, Map<String, String> ids) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Matcher m = Pattern.compile("\\{(today\\+(\\d+)|[a-zA-Z][a-zA-Z0-9]*)}").matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null ? today.plusDays(Long.parseLong(m.group(2))).toString() : ids.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("{" + m.group(1) + "} is not captured by an earlier @" + m.group(1) + " line");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
