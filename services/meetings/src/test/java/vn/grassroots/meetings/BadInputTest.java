package vn.grassroots.meetings;

import io.quarkus.test.junit.QuarkusTest;
import vn.grassroots.testing.BadInputContract;

/** The shared bad-input corpus and token checks against this service (BadInputContract). */
@QuarkusTest
class BadInputTest extends BadInputContract {
    @Override
    protected String readPath() {
        return "/api/v1/meetings";
    }
}
