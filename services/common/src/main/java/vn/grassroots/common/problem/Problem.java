package vn.grassroots.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (chi tiết lỗi)")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem", example = "https://grassroots.vn/problems/validation")
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        @Schema(description = "The offending fields, for validation problems") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://grassroots.vn/problems/";

    public record FieldError(String field, String message) {}
}
