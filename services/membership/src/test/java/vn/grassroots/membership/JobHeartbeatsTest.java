package vn.grassroots.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.jobs.JobHeartbeats;

/**
 * Background jobs with several instances on one database: a job whose instance stopped (its heartbeat is old) is
 * FAILED by another instance; a job another live instance holds (a fresh heartbeat) is left alone; a job this
 * instance holds keeps a fresh heartbeat. Jobs of "other instances" are rows written here directly.
 */
@QuarkusTest
class JobHeartbeatsTest {
    @Inject
    JobHeartbeats heartbeats;

    @Inject
    EntityManager em;

    UUID importRow(String heartbeatAgo) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO member_import (id, mode, status, bytes, rows_estimated, created_by, created_at, heartbeat_at)
                VALUES (?1, 'ALL_OR_NOTHING', 'RUNNING', 10, 1, 'another-instance', now(), now() - cast(?2 AS interval))""")
                .setParameter(1, id).setParameter(2, heartbeatAgo).executeUpdate());
        return id;
    }

    UUID exportRow(String heartbeatAgo) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO export_job (id, report, parameters, file_name, media_type, status, created_by, created_at, heartbeat_at)
                VALUES (?1, 'members.csv', '{}', 'dang-vien.csv', 'text/csv', 'QUEUED', 'another-instance', now(),
                  now() - cast(?2 AS interval))""")
                .setParameter(1, id).setParameter(2, heartbeatAgo).executeUpdate());
        return id;
    }

    String status(String table, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT status FROM " + table + " WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    @Test
    void aJobWhoseInstanceStoppedFailsAndOneOfALiveInstanceGoesOn() {
        UUID orphanImport = importRow("5 minutes");
        UUID liveImport = importRow("5 seconds");
        UUID orphanExport = exportRow("5 minutes");
        UUID liveExport = exportRow("5 seconds");

        assertTrue(heartbeats.failOrphans("member_import") >= 1);
        assertTrue(heartbeats.failOrphans("export_job") >= 1);

        assertEquals("RUNNING", status("member_import", liveImport));
        assertEquals("QUEUED", status("export_job", liveExport));
        given().header("Authorization", ADMIN).when().get(MEMBERS + "/imports/" + orphanImport).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("problem.type", equalTo("https://grassroots.vn/problems/import-interrupted"));
        given().header("Authorization", ADMIN).when().get(MEMBERS + "/exports/" + orphanExport).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("problem.type", equalTo("https://grassroots.vn/problems/export-interrupted"));
    }

    @Test
    void aJobThisInstanceHoldsKeepsAFreshHeartbeat() throws InterruptedException {
        UUID held = importRow("5 minutes");
        heartbeats.hold("member_import", held);
        try {
            long deadline = System.currentTimeMillis() + 10_000; // grassroots.jobs.heartbeat is 1 s in tests
            boolean fresh = false;
            while (!fresh && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                fresh = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "SELECT heartbeat_at > now() - interval '30 seconds' FROM member_import WHERE id = ?1")
                        .setParameter(1, held).getSingleResult());
            }
            assertTrue(fresh, "the heartbeat of a held job is beaten");
            heartbeats.failOrphans("member_import");
            assertEquals("RUNNING", status("member_import", held));
        } finally {
            heartbeats.release("member_import", held);
        }
    }
}
