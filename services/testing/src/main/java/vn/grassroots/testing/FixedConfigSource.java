package vn.grassroots.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A config source of fixed values, a name and an ordinal: what the test modules' config sources have in common. */
public abstract class FixedConfigSource implements ConfigSource {
    private final String name;
    private final int ordinal;
    private final Map<String, String> values;

    protected FixedConfigSource(String name, int ordinal, Map<String, String> values) {
        this.name = name;
        this.ordinal = ordinal;
        this.values = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
