package vn.grassroots.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.ProblemException;

/** What an Idempotency-Key decides without the database: whether it guards, which request it binds, what it replays. */
class IdempotencyKeysTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record CreateMember(String fullName, String birthDate, UUID organizationId) {}

    @Test
    void noKeyOrABlankOneRunsTheRequestUnguarded() {
        assertFalse(IdempotencyKeys.given(null));
        assertFalse(IdempotencyKeys.given(""));
        assertFalse(IdempotencyKeys.given("   "));
        assertTrue(IdempotencyKeys.given("k"));
        assertTrue(IdempotencyKeys.given(" k "), "a key is used as sent, not trimmed");
        assertTrue(IdempotencyKeys.given(UUID.randomUUID().toString()));
    }

    @Test
    void aKeyLongerThanTwoHundredCharactersIsRefused() {
        assertTrue(IdempotencyKeys.given("k".repeat(200)));
        ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKeys.given("k".repeat(201)));
        assertEquals(400, e.status());
        assertEquals("validation", e.slug());
        assertEquals(IdempotencyKeys.HEADER, e.errors().get(0).field());
        assertEquals("must be at most 200 characters", e.errors().get(0).message());
    }

    @Test
    void theRequestHashIsTheSha256OfItsJson() {
        assertEquals("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862", IdempotencyKeys.hash(JSON, Map.of("a", 1)));
        // a string is hashed as JSON, with its quotes
        assertEquals("ba2df4903a2c14e86dc3bcca58911b44ac1d2514b7227bf6eb08cfb978f55a1b", IdempotencyKeys.hash(JSON, "x"));
        assertTrue(IdempotencyKeys.hash(JSON, null).matches("[0-9a-f]{64}"));
    }

    @Test
    void anEqualRequestHashesAlikeAndAnyChangeDiffers() {
        UUID org = UUID.randomUUID();
        String first = IdempotencyKeys.hash(JSON, new CreateMember("Nguyễn Văn An", "1990-01-05", org));
        assertEquals(first, IdempotencyKeys.hash(JSON, new CreateMember("Nguyễn Văn An", "1990-01-05", org)));
        assertNotEquals(first, IdempotencyKeys.hash(JSON, new CreateMember("Nguyễn Văn Ân", "1990-01-05", org)));
        assertNotEquals(first, IdempotencyKeys.hash(JSON, new CreateMember("Nguyễn Văn An", "1990-01-05", null)));
    }

    @Test
    void aStoredAnswerIsReplayedWithItsStatusLocationETagAndBody() {
        String hash = IdempotencyKeys.hash(JSON, Map.of("a", 1));
        Response r = IdempotencyKeys.replay(new Object[] {hash, 201, "http://x/api/v1/members/1", "\"3\"", "{\"id\":1}"}, hash);
        assertEquals(201, r.getStatus());
        assertEquals("true", r.getHeaderString("Idempotent-Replayed"));
        assertEquals("http://x/api/v1/members/1", r.getHeaderString(HttpHeaders.LOCATION));
        assertEquals("\"3\"", r.getHeaderString(HttpHeaders.ETAG));
        assertEquals("{\"id\":1}", r.getEntity());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, r.getMediaType());
    }

    @Test
    void whatWasNotStoredIsNotReplayed() {
        Response r = IdempotencyKeys.replay(new Object[] {"h", 204L, null, null, null}, "h");
        assertEquals(204, r.getStatus());
        assertEquals("true", r.getHeaderString("Idempotent-Replayed"));
        assertNull(r.getHeaderString(HttpHeaders.LOCATION));
        assertNull(r.getHeaderString(HttpHeaders.ETAG));
        assertFalse(r.hasEntity());
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflictNotAReplay() {
        String stored = IdempotencyKeys.hash(JSON, Map.of("a", 1));
        String other = IdempotencyKeys.hash(JSON, Map.of("a", 2));
        ProblemException e = assertThrows(ProblemException.class,
                () -> IdempotencyKeys.replay(new Object[] {stored, 201, null, null, "{}"}, other));
        assertEquals(422, e.status());
        assertEquals("idempotency-key-reused", e.slug());
    }

    @Test
    void eachCallerAndKeyHasItsOwnLock() {
        assertEquals("idempotency-key\nan\nk1", IdempotencyKeys.lockName("an", "k1"));
        assertNotEquals(IdempotencyKeys.lockName("an", "k1"), IdempotencyKeys.lockName("binh", "k1"));
        assertNotEquals(IdempotencyKeys.lockName("an", "k1"), IdempotencyKeys.lockName("an", "k2"));
    }

    @Test
    void pollsForTheLockDoubleUpToATenthOfASecond() {
        List<Long> pauses = new ArrayList<>();
        for (long p = 5; pauses.size() < 7; p = IdempotencyKeys.nextPause(p)) {
            pauses.add(p);
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 100L, 100L), pauses);
    }

    @Test
    void aBodyThatCannotBeWrittenFailsLoudly() {
        assertEquals("{\"a\":1}", IdempotencyKeys.write(JSON, Map.of("a", 1)));
        assertThrows(IllegalStateException.class, () -> IdempotencyKeys.write(JSON, new Object()));
    }
}
