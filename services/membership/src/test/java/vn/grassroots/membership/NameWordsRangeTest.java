package vn.grassroots.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** {@link NameWordsTest} with every one-word list read by its subtree's ranges and sorted, the whole tree too. */
@QuarkusTest
@TestProfile(NameWordsRangeTest.RangesOnly.class)
class NameWordsRangeTest extends NameWordsTest {
    public static class RangesOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grassroots.members.word-walk-share", "2");
        }
    }
}
