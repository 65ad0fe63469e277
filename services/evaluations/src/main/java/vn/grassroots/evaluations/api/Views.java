package vn.grassroots.evaluations.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.evaluations.domain.Policy;
import vn.grassroots.evaluations.domain.PolicyDocument;

/** What the API shows of the domain objects the services return, and the mappers that build it. */
public final class Views {
    private Views() {}

    @Schema(name = "Policy", description = "Quy định đánh giá, xếp loại chất lượng: versioned data, never edited once created")
    public record PolicyView(UUID id, @Schema(example = "CURRENT-2018") String code, String name, String source,
            @Schema(example = "2018") int fromYear, Integer toYear, boolean builtIn, PolicyDocument rules, Instant createdAt, String createdBy) {}

    static PolicyView policy(Policy p) {
        return new PolicyView(p.id(), p.code(), p.name(), p.source(), p.fromYear(), p.toYear(), p.builtIn(), p.rules(), p.createdAt(),
                p.createdBy());
    }
}
