package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Five requests with the same Idempotency-Key at once: one creates, the others replay its answer (or 409), never 500. */
@QuarkusTest
class IdempotencyConcurrencyTest {
    @Inject
    EntityManager em;

    @Test
    void fiveConcurrentPostsWithOneKeyCreateOnceAndReplay() throws Exception {
        String province = Tree.province("Tỉnh ủy đồng thời " + UUID.randomUUID());
        for (int round = 0; round < 3; round++) {
            String key = UUID.randomUUID().toString();
            // no chosen id: every execution would create a new organization, so a double shows as two children
            Map<String, Object> body = Tree.body(province, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy đồng thời " + round);
            int n = 5;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<Response>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return given().header("Authorization", ADMIN).header("Idempotency-Key", key)
                                .contentType(ContentType.JSON).body(body).post(BASE).andReturn();
                    }));
                }
                go.countDown();
                List<String> ids = new ArrayList<>();
                int created = 0;
                int replayed = 0;
                for (Future<Response> f : answers) {
                    Response r = f.get();
                    int status = r.statusCode();
                    assertTrue(status == 201 || status == 409, "201 or 409, got " + status + ": " + r.asString());
                    if (status == 201) {
                        ids.add(r.path("id"));
                        if ("true".equals(r.header("Idempotent-Replayed"))) {
                            replayed++;
                        } else {
                            created++;
                        }
                    } else {
                        assertEquals("https://grassroots.vn/problems/request-in-progress", r.path("type"));
                        assertEquals("application/problem+json", r.contentType());
                        assertTrue(r.header("Retry-After") != null, "409 carries Retry-After");
                    }
                }
                assertEquals(1, created, "exactly one request executed");
                assertEquals(ids.size() - 1, replayed, "the others replayed its answer");
                assertEquals(1, ids.stream().distinct().count(), "every 201 names the same organization: " + ids);
            } finally {
                pool.shutdownNow();
            }
            // and the database holds one organization and one stored answer
            long children = ((Number) em.createNativeQuery("SELECT count(*) FROM organization WHERE parent_id = cast(?1 AS uuid) AND name = ?2")
                    .setParameter(1, province).setParameter(2, "Huyện ủy đồng thời " + round).getSingleResult()).longValue();
            assertEquals(1, children);
            long keys = ((Number) em.createNativeQuery("SELECT count(*) FROM idempotency_key WHERE key = ?1")
                    .setParameter(1, key).getSingleResult()).longValue();
            assertEquals(1, keys);
        }
    }
}
