package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a write (its sessions are terminated, as a restart of PostgreSQL does): the write
 * answers 503 problem with Retry-After, never 500, and leaves nothing behind; the same request sent again with its
 * Idempotency-Key then creates exactly once.
 */
@QuarkusTest
class DatabaseUnavailableTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void dropDeadConnections() {
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
    }

    /** Terminates every other session of the service's database (the service's pooled connections die). */
    private int terminateSessions() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                var rs = c.createStatement().executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Response retrying503(Supplier<Response> call) {
        for (int i = 0; i < 30; i++) {
            Response r = call.get();
            if (r.statusCode() != 503) {
                return r;
            }
        }
        throw new AssertionError("still 503 after 30 tries");
    }

    @Test
    void aWriteWhileTheDatabaseGoesAwayAnswers503AndLeavesNothingHalfDone() throws Exception {
        String province = Tree.province("Tỉnh ủy mất kết nối " + UUID.randomUUID());
        boolean saw503 = false;
        for (int attempt = 0; attempt < 5 && !saw503; attempt++) {
            String id = UUID.randomUUID().toString();
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Tree.body(province, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy " + attempt);
            body.put("id", id);
            assertTrue(terminateSessions() > 0, "the service had open sessions");
            Response r = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body).post(BASE).andReturn();
            assertNotEquals(500, r.statusCode(), r.asString());
            if (r.statusCode() != 503) {
                assertEquals(201, r.statusCode(), r.asString());
                continue; // a fresh connection served it; try again
            }
            saw503 = true;
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertEquals("https://grassroots.vn/problems/database-unavailable", r.path("type"));
            assertEquals(503, (int) r.path("status"));
            assertNotNull(r.header("Retry-After"), "503 carries Retry-After");
            assertTrue(Integer.parseInt(r.header("Retry-After")) > 0);
            // nothing half-done: neither the organization, nor its events, nor a stored answer
            assertEquals(404, retrying503(() -> given().header("Authorization", ADMIN).get(BASE + "/" + id).andReturn()).statusCode());
            try (Connection c = DriverManager.getConnection(url, user, password);
                    var rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM outbox WHERE aggregate_id = '" + id + "'),"
                            + " (SELECT count(*) FROM idempotency_key WHERE key = '" + key + "')")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no event of a write that answered 503");
                assertEquals(0, rs.getInt(2), "no stored answer of a write that answered 503");
            }
            // the client retries with the same key: created once
            Response again = retrying503(() -> given().header("Authorization", ADMIN).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(body).post(BASE).andReturn());
            assertEquals(201, again.statusCode(), again.asString());
            assertEquals(id, again.path("id"));
            given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .post(BASE).then().statusCode(201).header("Idempotent-Replayed", "true");
        }
        assertTrue(saw503, "a write on a dead connection answered 503 at least once in 5 tries");
    }
}
