package vn.grassroots.testing;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Test-profile configuration shared by every module's tests. A config source class rather than a
 * META-INF/microprofile-config.properties, because the common library already ships one of those
 * and only one resource of a name is seen.
 */
public class TestProfileConfigSource extends FixedConfigSource {
    public TestProfileConfigSource() {
        super("grassroots-testing", 110, load());
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = TestProfileConfigSource.class.getResourceAsStream("/grassroots-testing/test-profile.properties")) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
