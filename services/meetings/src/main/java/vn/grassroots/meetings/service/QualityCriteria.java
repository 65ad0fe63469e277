package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.grassroots.meetings.domain.QualityLevel;

/** The configured criteria set for meeting quality (meetings.quality.criteria) and the level thresholds. */
@ApplicationScoped
public class QualityCriteria {
    private final Map<String, Integer> criteria = new LinkedHashMap<>();
    private final int good;
    private final int fair;
    private final int average;

    public QualityCriteria(@ConfigProperty(name = "meetings.quality.criteria") String spec,
            @ConfigProperty(name = "meetings.quality.good", defaultValue = "85") int good,
            @ConfigProperty(name = "meetings.quality.fair", defaultValue = "70") int fair,
            @ConfigProperty(name = "meetings.quality.average", defaultValue = "50") int average) {
        int total = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            int max = Integer.parseInt(kv[1].trim());
            criteria.put(kv[0].trim().toUpperCase(), max);
            total += max;
        }
        if (total != 100) {
            throw new IllegalStateException("meetings.quality.criteria must sum to 100 points, not " + total);
        }
        this.good = good;
        this.fair = fair;
        this.average = average;
    }

    /** Criterion code → maximum points, in the configured order. */
    public Map<String, Integer> criteria() {
        return criteria;
    }

    public QualityLevel level(int score) {
        return score >= good ? QualityLevel.GOOD : score >= fair ? QualityLevel.FAIR : score >= average ? QualityLevel.AVERAGE : QualityLevel.WEAK;
    }
}
