import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The writer and the checker of deploy/local/chaos.sh (run with the JDK's single-file launcher, with the Kafka
 * client and the PostgreSQL driver on the class path):
 *
 *   setup STATE                          a small tree (province, district, commune, cells) known to every service
 *   load STATE WRITES SECONDS RATE BURST [UPDATES%]
 *                                        steady writes through the gateway: members in the cells, new cells; each with
 *                                        its own Idempotency-Key, retried with the same key on 503/502/504/429/409
 *                                        request-in-progress and on timeouts; one line per write in WRITES. With
 *                                        UPDATES% > 0, that share of the writes are profile updates (GET, then PUT with
 *                                        If-Match, again on 412) of the few members made by setup, from 8 threads at
 *                                        once: the same aggregates written through every instance of membership
 *   check CASE WRITES HEAL_MS TIMEOUT_S  waits until every acknowledged write is in its service, on its topic and in
 *                                        every consumer's read model (processed_event) and every outbox is drained;
 *                                        for updated members also: every acknowledged version on the topic, each
 *                                        member's events in the order of their versions, every event of theirs
 *                                        applied in every consumer and every read model at the member's version;
 *                                        prints one tab-separated result line; exit 1 when a check fails
 *
 * Tokens are minted with the test key that the chaos stack's services trust (services/testing's key pair).
 */
public class Chaos {
    static final String ISSUER = "https://grassroots.test/realms/grassroots";
    static final String REPO = System.getenv().getOrDefault("REPO", ".");
    static final String GATEWAY = "http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "9080");
    static final String PG = "jdbc:postgresql://localhost:" + System.getenv().getOrDefault("PG_PORT", "26432") + "/";
    static final String KAFKA = System.getenv().getOrDefault("KAFKA_BOOTSTRAP", "localhost:60092");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static String token;

    public static void main(String[] args) throws Exception {
        token = mint();
        switch (args[0]) {
            case "setup" -> setup(Path.of(args[1]));
            case "load" -> load(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    Integer.parseInt(args[5]), args.length > 6 ? Integer.parseInt(args[6]) : 0);
            case "check" -> System.exit(check(args[1], Path.of(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4])));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ------------------------------------------------------------------ tokens

    static String mint() throws Exception {
        String pem = Files.readString(Path.of(REPO, "services/testing/src/main/resources/grassroots-testing/privateKey.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"grassroots-test\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + UUID.nameUUIDFromBytes("chaos".getBytes()) + "\","
                + "\"aud\":\"grassroots-api\",\"preferred_username\":\"chaos\",\"azp\":\"grassroots-chaos\",\"realm_access\":{\"roles\":[\"admin\"]},"
                + "\"iat\":" + now + ",\"exp\":" + (now + 4 * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signing = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signing.getBytes(StandardCharsets.US_ASCII));
        return signing + "." + b64.encodeToString(s.sign());
    }

    // ------------------------------------------------------------------ one write, retried with its key

    /** The outcome of one create: every status seen (ERR: no answer), the last answer. */
    record Outcome(String kind, String id, int status, List<String> statuses, String body, long startMs, long endMs, long version) {
        Outcome(String kind, String id, int status, List<String> statuses, String body, long startMs, long endMs) {
            this(kind, id, status, statuses, body, startMs, endMs, -1);
        }
    }

    static Outcome create(String kind, String path, String id, String json, Duration giveUp, boolean retry422) {
        String key = UUID.randomUUID().toString();
        long start = System.currentTimeMillis();
        long deadline = start + giveUp.toMillis();
        List<String> statuses = new ArrayList<>();
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            int status;
            String body = "";
            long pause = 500;
            try {
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                body = r.body();
                String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                if (retryAfter != null && retryAfter.matches("\\d+")) {
                    pause = Math.min(2000, Math.max(200, Long.parseLong(retryAfter) * 1000));
                }
            } catch (Exception e) {
                status = 0;
                body = e.toString();
            }
            statuses.add(status == 0 ? "ERR" : Integer.toString(status));
            boolean again = status == 0 || status == 502 || status == 503 || status == 504 || status == 429
                    || (status == 409 && body.contains("request-in-progress")) || (retry422 && status == 422);
            if (!again || System.currentTimeMillis() > deadline) {
                return new Outcome(kind, id, status, statuses, body, start, System.currentTimeMillis());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(kind, id, status, statuses, body, start, System.currentTimeMillis());
            }
        }
    }

    static String org(String id, String parent, String type, String sector, String name) {
        return "{\"id\":\"" + id + "\"," + (parent == null ? "" : "\"parentId\":\"" + parent + "\",") + "\"type\":\"" + type
                + "\",\"sector\":\"" + sector + "\",\"name\":\"" + name + "\"}";
    }

    static String member(String id, String cell, int n) {
        return "{\"id\":\"" + id + "\",\"fullName\":\"Lò Văn Thử " + n + "\",\"birthDate\":\"1980-01-01\",\"gender\":\"MALE\","
                + "\"theoryLevel\":\"ELEMENTARY\",\"admissionDate\":\"2010-05-19\",\"officialDate\":\"2011-05-19\","
                + "\"organizationId\":\"" + cell + "\",\"status\":\"OFFICIAL\"}";
    }

    /**
     * A profile update of a member: GET for its version, PUT with If-Match; a 412 (another writer was first) or a
     * failure to answer starts again from the GET. The outcome carries the version the 200 answered (its ETag).
     */
    static Outcome update(String id, int n, Duration giveUp) {
        long start = System.currentTimeMillis();
        long deadline = start + giveUp.toMillis();
        List<String> statuses = new ArrayList<>();
        String json = "{\"fullName\":\"Lò Văn Sửa " + n + "\",\"birthDate\":\"1980-01-01\",\"gender\":\"MALE\",\"theoryLevel\":\"ELEMENTARY\"}";
        int status = 0;
        String body = "";
        while (System.currentTimeMillis() <= deadline) {
            try {
                HttpResponse<String> got = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/members/" + id))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (got.statusCode() != 200) {
                    status = got.statusCode();
                    body = got.body();
                    statuses.add("GET" + status);
                    if (status != 502 && status != 503 && status != 504 && status != 429) {
                        break;
                    }
                    Thread.sleep(300);
                    continue;
                }
                String etag = got.headers().firstValue("ETag").orElseThrow();
                HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/members/" + id))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("If-Match", etag)
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = put.statusCode();
                body = put.body();
                statuses.add(Integer.toString(status));
                if (status == 200) {
                    long version = Long.parseLong(put.headers().firstValue("ETag").orElseThrow().replaceAll("\\D", ""));
                    return new Outcome("update", id, status, statuses, body, start, System.currentTimeMillis(), version);
                }
                if (status != 412 && status != 409 && status != 502 && status != 503 && status != 504 && status != 429) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                status = 0;
                body = e.toString();
                statuses.add("ERR");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Outcome("update", id, status, statuses, body, start, System.currentTimeMillis());
    }

    // ------------------------------------------------------------------ setup

    static void setup(Path state) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String province = UUID.randomUUID().toString();
        String district = UUID.randomUUID().toString();
        String commune = UUID.randomUUID().toString();
        must(create("org", "/api/v1/organizations", province, org(province, null, "PROVINCIAL_COMMITTEE", "OTHER", "Tỉnh ủy thử lỗi " + run), Duration.ofSeconds(60), false));
        must(create("org", "/api/v1/organizations", district, org(district, province, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy thử lỗi"), Duration.ofSeconds(60), false));
        must(create("org", "/api/v1/organizations", commune, org(commune, district, "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã thử lỗi"), Duration.ofSeconds(60), false));
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String cell = UUID.randomUUID().toString();
            must(create("org", "/api/v1/organizations", cell, org(cell, commune, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản thử " + i), Duration.ofSeconds(60), false));
            cells.add(cell);
        }
        // membership learns the cells from Kafka: the first member of each cell waits for that (422 until then)
        List<String> members = new ArrayList<>();
        for (String cell : cells) {
            String id = UUID.randomUUID().toString();
            must(create("member", "/api/v1/members", id, member(id, cell, 0), Duration.ofSeconds(120), true));
            members.add(id);
        }
        Files.writeString(state, "commune=" + commune + "\ncells=" + String.join(",", cells) + "\nmembers="
                + String.join(",", members) + "\n");
        System.err.println("chaos: tree ready under " + province);
    }

    static void must(Outcome o) {
        if (o.status() != 201 && o.status() != 200) {
            throw new IllegalStateException(o.kind() + " " + o.id() + " answered " + o.statuses() + ": " + o.body());
        }
    }

    static Map<String, String> readState(Path state) throws Exception {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(state)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ load

    static void load(Path state, Path out, int seconds, double rate, int burst, int updatePercent) throws Exception {
        Map<String, String> st = readState(state);
        String commune = st.get("commune");
        String[] cells = st.get("cells").split(",");
        String[] hot = st.get("members").split(",");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Semaphore inFlight = new Semaphore(8); // bounded: a slow or failing stack slows the writer down, no pile-up
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger n = new AtomicInteger();
        Random random = new Random();
        Runnable one = () -> {
            int i = n.incrementAndGet();
            String id = UUID.randomUUID().toString();
            Outcome o;
            if (updatePercent > 0 && (i * updatePercent) % 100 < updatePercent) { // spread evenly
                o = update(hot[random.nextInt(hot.length)], i, Duration.ofSeconds(120));
            } else if (i % 5 == 0) {
                o = create("org", "/api/v1/organizations", id, org(id, commune, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ tải " + i),
                        Duration.ofSeconds(120), false);
            } else {
                o = create("member", "/api/v1/members", id, member(id, cells[random.nextInt(cells.length)], i), Duration.ofSeconds(120), false);
            }
            outcomes.add(o);
        };
        for (int b = 0; b < burst; b++) { // a burst first: consumers fall behind
            inFlight.acquire();
            pool.submit(() -> {
                try {
                    one.run();
                } finally {
                    inFlight.release();
                }
            });
        }
        long end = System.currentTimeMillis() + seconds * 1000L;
        long period = (long) (1000 / rate);
        long next = System.currentTimeMillis();
        while (System.currentTimeMillis() < end) {
            inFlight.acquire();
            pool.submit(() -> {
                try {
                    one.run();
                } finally {
                    inFlight.release();
                }
            });
            next += period;
            long sleep = next - System.currentTimeMillis();
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        pool.shutdown();
        pool.awaitTermination(150, TimeUnit.SECONDS);
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            sb.append(o.kind()).append('\t').append(o.id()).append('\t').append(o.status()).append('\t')
                    .append(String.join(",", o.statuses())).append('\t').append(o.startMs()).append('\t').append(o.endMs()).append('\t').append(o.version()).append('\n');
            if (o.status() != 201 && o.status() != 200) {
                System.err.println("chaos: " + o.kind() + " " + o.id() + " ended " + o.statuses() + ": "
                        + o.body().substring(0, Math.min(300, o.body().length())));
            }
        }
        Files.writeString(out, sb.toString());
    }

    // ------------------------------------------------------------------ check

    record Write(String kind, String id, int status, List<String> statuses, long version) {}

    static final Map<String, List<String>> READ_MODELS = new LinkedHashMap<>();
    static {
        // the databases that keep a read model of each kind of write (table of the read model)
        READ_MODELS.put("org", List.of("membership:org_ref", "meetings:org_ref", "evaluations:org_ref", "assignments:org_ref"));
        READ_MODELS.put("member", List.of("meetings:member_ref", "evaluations:member_ref", "assignments:member_ref"));
    }
    static final Map<String, String> SOURCE = Map.of("org", "organization:organization", "member", "membership:member");
    static final Map<String, String> TOPIC = Map.of("org", "grassroots.organization.organizations.v1",
            "member", "grassroots.membership.members.v1");
    static final Map<String, String> STATE_TOPIC = Map.of("org", "grassroots.organization.organizations-state.v1",
            "member", "grassroots.membership.members-state.v1");
    static final Map<String, String> CREATED = Map.of("org", "vn.grassroots.organization.created",
            "member", "vn.grassroots.member.registered");
    static final List<String> DATABASES = List.of("organization", "membership", "meetings", "evaluations", "assignments");

    static int check(String name, Path writesFile, long healMs, int timeoutSeconds) throws Exception {
        List<Write> writes = new ArrayList<>();
        for (String line : Files.readAllLines(writesFile)) {
            String[] f = line.split("\t");
            if (f.length >= 4) {
                writes.add(new Write(f[0], f[1], Integer.parseInt(f[2]), List.of(f[3].split(",")),
                        f.length > 6 ? Long.parseLong(f[6]) : -1));
            }
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        int answered500 = 0;
        int retried = 0;
        for (Write w : writes) {
            for (String s : w.statuses()) {
                byStatus.merge(s, 1, Integer::sum);
                if (s.equals("500")) {
                    answered500++;
                }
            }
            if (w.statuses().size() > 1) {
                retried++;
            }
        }
        Map<String, List<String>> acked = new HashMap<>();
        Map<String, Set<Long>> ackedVersions = new TreeMap<>(); // updated member -> the versions its 200s answered
        int notAcked = 0;
        for (Write w : writes) {
            if (w.kind().equals("update")) {
                ackedVersions.computeIfAbsent(w.id(), k -> new HashSet<>());
            }
            if (w.kind().equals("update") && w.status() == 200) {
                ackedVersions.get(w.id()).add(w.version());
            } else if (w.status() == 201 || w.status() == 200) {
                acked.computeIfAbsent(w.kind(), k -> new ArrayList<>()).add(w.id());
            } else {
                notAcked++;
            }
        }
        String user = System.getenv().getOrDefault("DB_USER", "grassroots");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "grassroots");
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        List<String> problems = new ArrayList<>();
        long recoveredMs = -1;
        int lost = 0;
        Map<String, Long> undrained = new TreeMap<>();
        Map<String, Set<String>> createdEvents = new HashMap<>();
        int missingEvents = 0;
        int duplicates = 0;
        int duplicatesAll = 0;
        int notApplied = 0;
        boolean topicsRead = false;
        int ackedUpdates = ackedVersions.values().stream().mapToInt(Set::size).sum();
        int lostUpdates = 0;
        int disorder = 0;
        Set<String> updateEvents = new HashSet<>();
        while (true) {
            problems.clear();
            undrained.clear();
            lost = 0;
            notApplied = 0;
            try {
                // 0 acknowledged writes lost: each is in its own service
                for (var e : acked.entrySet()) {
                    String[] src = SOURCE.get(e.getKey()).split(":");
                    int missing = e.getValue().size() - present(src[0], src[1], e.getValue(), user, password);
                    lost += missing;
                }
                if (lost > 0) {
                    problems.add(lost + " acknowledged writes missing in their service");
                }
                // outboxes drained
                for (String db : DATABASES) {
                    long n = scalar(db, "SELECT count(*) FROM outbox WHERE sent_at IS NULL", user, password);
                    if (n > 0) {
                        undrained.put(db, n);
                    }
                }
                if (!undrained.isEmpty()) {
                    problems.add("outboxes not drained: " + undrained);
                }
                // applied in every read model
                for (var e : acked.entrySet()) {
                    for (String rm : READ_MODELS.get(e.getKey())) {
                        String[] t = rm.split(":");
                        int missing = e.getValue().size() - present(t[0], t[1], e.getValue(), user, password);
                        if (missing > 0) {
                            notApplied += missing;
                            problems.add(missing + " " + e.getKey() + "s missing in " + rm);
                        }
                    }
                }
                if (undrained.isEmpty() && !topicsRead) {
                    // every event is on its topic now: read the topics once
                    topicsRead = true;
                    missingEvents = 0;
                    duplicates = 0;
                    for (var e : acked.entrySet()) {
                        Set<String> ids = new HashSet<>(e.getValue());
                        Set<String> tracked = e.getKey().equals("member") ? ackedVersions.keySet() : Set.of();
                        TopicScan scan = scan(TOPIC.get(e.getKey()), ids, CREATED.get(e.getKey()), tracked);
                        TopicScan state = scan(STATE_TOPIC.get(e.getKey()), ids, "-", tracked);
                        // the updated members: every acknowledged version on the topic, in the order of the versions
                        disorder += scan.disorder() + state.disorder();
                        for (String m : tracked) {
                            updateEvents.addAll(scan.eventsOf().getOrDefault(m, List.of()));
                            List<Long> versions = scan.versionsOf().getOrDefault(m, List.of());
                            for (long v : ackedVersions.get(m)) {
                                if (!versions.contains(v)) {
                                    lostUpdates++;
                                }
                            }
                        }
                        createdEvents.put(e.getKey(), scan.created());
                        missingEvents += ids.size() - scan.subjectsWithCreated();
                        duplicates += scan.duplicatesOfIds() + state.duplicatesOfIds();
                        duplicatesAll += scan.duplicatesAll() + state.duplicatesAll();
                    }
                }
                if (missingEvents > 0) {
                    problems.add(missingEvents + " acknowledged writes without their created event on the topic");
                }
                if (lostUpdates > 0) {
                    problems.add(lostUpdates + " acknowledged updates without their event on the topic");
                }
                if (disorder > 0) {
                    problems.add(disorder + " events of an updated member on the topic after a later version of it");
                }
                // every updated member in every read model at its version and name in membership
                if (!ackedVersions.isEmpty()) {
                    Map<String, String> truth = versions("membership", "member", ackedVersions.keySet(), user, password);
                    for (String rm : READ_MODELS.get("member")) {
                        String[] t = rm.split(":");
                        Map<String, String> held = versions(t[0], t[1], ackedVersions.keySet(), user, password);
                        long behind = truth.entrySet().stream().filter(x -> !x.getValue().equals(held.get(x.getKey()))).count();
                        if (behind > 0) {
                            notApplied += (int) behind;
                            problems.add(behind + " updated members not at their version in " + rm);
                        }
                    }
                }
                // exactly once in every consumer: each created event id is in processed_event of every consumer database
                if (topicsRead) {
                    if (!updateEvents.isEmpty()) {
                        createdEvents.computeIfAbsent("member", k -> new HashSet<>()).addAll(updateEvents);
                        updateEvents.clear();
                    }
                    for (var e : createdEvents.entrySet()) {
                        for (String rm : READ_MODELS.get(e.getKey())) {
                            String db = rm.split(":")[0];
                            int missing = e.getValue().size() - processed(db, e.getValue(), user, password);
                            if (missing > 0) {
                                notApplied += missing;
                                problems.add(missing + " " + e.getKey() + " events not in " + db + ".processed_event");
                            }
                        }
                    }
                }
            } catch (Exception ex) {
                problems.add("check failed: " + ex);
            }
            if (problems.isEmpty() && topicsRead) {
                recoveredMs = System.currentTimeMillis() - healMs;
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        if (answered500 > 0) {
            problems.add(answered500 + " answers 500");
        }
        if (notAcked > 0) {
            problems.add(notAcked + " writes never acknowledged");
        }
        boolean ok = problems.isEmpty();
        StringBuilder statuses = new StringBuilder();
        byStatus.forEach((k, v) -> statuses.append(statuses.length() == 0 ? "" : " ").append(k).append(':').append(v));
        int ackedCount = acked.values().stream().mapToInt(List::size).sum();
        // CASE WRITES ACKED(updates) RETRIED STATUSES 500s LOST NOT-APPLIED DISORDER DUPLICATES(case ids) DUPLICATES(topics) RECOVERY RESULT
        System.out.println(String.join("\t", name, Integer.toString(writes.size()),
                ackedCount + ackedUpdates + (ackedUpdates > 0 ? " (" + ackedUpdates + " upd)" : ""),
                Integer.toString(retried), statuses.toString(), Integer.toString(answered500),
                Integer.toString(lost + missingEvents + lostUpdates), Integer.toString(notApplied), Integer.toString(disorder),
                Integer.toString(duplicates), Integer.toString(duplicatesAll),
                recoveredMs < 0 ? "-" : String.format("%.1f s", recoveredMs / 1000.0), ok ? "PASS" : "FAIL"));
        if (!ok) {
            System.err.println("chaos: " + name + " FAILED: " + String.join("; ", problems));
        }
        return ok ? 0 : 1;
    }

    static Connection connect(String db, String user, String password) throws Exception {
        Properties p = new Properties();
        p.put("user", user);
        p.put("password", password);
        p.put("connectTimeout", "5");
        p.put("socketTimeout", "30");
        return DriverManager.getConnection(PG + db, p);
    }

    static int present(String db, String table, List<String> ids, String user, String password) throws Exception {
        try (Connection c = connect(db, user, password);
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE id = ANY(?)")) {
            Array a = c.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int processed(String db, Set<String> eventIds, String user, String password) throws Exception {
        try (Connection c = connect(db, user, password);
                PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT event_id) FROM processed_event WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** id -> "version name" of some members in a table of members or of their read model. */
    static Map<String, String> versions(String db, String table, Set<String> ids, String user, String password) throws Exception {
        Map<String, String> m = new HashMap<>();
        try (Connection c = connect(db, user, password);
                PreparedStatement ps = c.prepareStatement("SELECT id, version, full_name FROM " + table + " WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2) + " " + rs.getString(3));
                }
            }
        }
        return m;
    }

    static long scalar(String db, String sql, String user, String password) throws Exception {
        try (Connection c = connect(db, user, password); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What a topic holds about some aggregates: their created events, how many event ids are on it twice, and for
     * the tracked aggregates their event ids and versions in the order of the topic (one key, one partition).
     */
    record TopicScan(Set<String> created, int subjectsWithCreated, int duplicatesOfIds, int duplicatesAll,
            Map<String, List<String>> eventsOf, Map<String, List<Long>> versionsOf) {

        /** Events of a tracked aggregate that come after an event of a later version (repeats of an id aside). */
        int disorder() {
            int n = 0;
            for (var e : eventsOf.entrySet()) {
                List<Long> versions = versionsOf.get(e.getKey());
                Set<String> once = new HashSet<>();
                long last = -1;
                for (int k = 0; k < versions.size(); k++) {
                    if (once.add(e.getValue().get(k))) {
                        n += versions.get(k) <= last ? 1 : 0;
                        last = Math.max(last, versions.get(k));
                    }
                }
            }
            return n;
        }
    }

    static TopicScan scan(String topic, Set<String> ids, String createdType, Set<String> tracked) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> subjectOf = new HashMap<>();
        Set<String> created = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        Map<String, List<String>> eventsOf = new HashMap<>();
        Map<String, List<Long>> versionsOf = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                boolean done = parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                if (done) {
                    break;
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Matcher id = ID.matcher(r.value());
                    if (!id.find()) {
                        continue;
                    }
                    String eventId = id.group(1);
                    seen.merge(eventId, 1, Integer::sum);
                    Matcher subject = SUBJECT.matcher(r.value());
                    String s = subject.find() ? subject.group(1) : r.key();
                    subjectOf.put(eventId, s);
                    Matcher version = VERSION.matcher(r.value());
                    if (tracked.contains(s) && version.find()) {
                        eventsOf.computeIfAbsent(s, k -> new ArrayList<>()).add(eventId);
                        versionsOf.computeIfAbsent(s, k -> new ArrayList<>()).add(Long.parseLong(version.group(1)));
                    }
                    Matcher type = TYPE.matcher(r.value());
                    if (ids.contains(s) && type.find() && type.group(1).equals(createdType)) {
                        created.add(eventId);
                        subjects.add(s);
                    }
                }
            }
        }
        int dupIds = 0;
        int dupAll = 0;
        for (var e : seen.entrySet()) {
            if (e.getValue() > 1) {
                dupAll += e.getValue() - 1;
                if (ids.contains(subjectOf.get(e.getKey()))) {
                    dupIds += e.getValue() - 1;
                }
            }
        }
        return new TopicScan(created, subjects.size(), dupIds, dupAll, eventsOf, versionsOf);
    }
}
