package vn.grassroots.meetings.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.meetings.domain.AttendanceStatus;
import vn.grassroots.meetings.domain.MeetingFormat;
import vn.grassroots.meetings.domain.MeetingKind;
import vn.grassroots.common.text.MultiLine;

/**
 * What the services are asked to do: the request bodies of the meetings API, here so that the services need nothing of
 * {@code api}. The nested names and annotations make the OpenAPI schemas and the validation.
 */
public final class Commands {
    static final String URL = "https?://\\S{1,990}";

    private Commands() {}

    @Schema(name = "AgendaItemInput", description = "An agenda item (nội dung sinh hoạt)")
    public record AgendaItemInput(
            @Schema(description = "Id of an existing item to keep (its comments stay attached); absent for a new item") UUID id,
            @NotBlank @Size(max = 500) @Schema(example = "Đánh giá kết quả thực hiện nghị quyết tháng 10") String title,
            @Size(max = 4000) @MultiLine String description) {}

    @Schema(name = "DocumentInput", description = "An attached document (tài liệu): title and link")
    public record DocumentInput(@NotBlank @Size(max = 300) @Schema(example = "Dự thảo nghị quyết tháng 11") String title,
            @NotBlank @Pattern(regexp = URL, message = "must be an http(s) link") @Schema(example = "https://vanban.dienbien.vn/du-thao.pdf") String url) {}

    @Schema(name = "MeetingInput", description = "A meeting (buổi sinh hoạt) to schedule, or its new details")
    public record MeetingInput(
            @NotNull @Schema(description = "The cell, party group or committee holding the meeting") UUID organizationId,
            @NotNull @Schema(description = "REGULAR (định kỳ hằng tháng), THEMATIC (chuyên đề), COMMITTEE (cấp ủy), EXTRAORDINARY (bất thường)") MeetingKind kind,
            @NotNull @Schema(description = "IN_PERSON (trực tiếp), ONLINE (trực tuyến, needs onlineLink), HYBRID (kết hợp, needs place and onlineLink)") MeetingFormat format,
            @NotNull @Schema(example = "2026-12-05T07:30:00+07:00") OffsetDateTime startsAt,
            @Size(max = 500) @Schema(example = "Nhà văn hóa bản Cang") String place,
            @Pattern(regexp = URL, message = "must be an http(s) link") String onlineLink,
            @NotBlank @Size(max = 500) @Schema(example = "Sinh hoạt chi bộ định kỳ tháng 12") String topic,
            @Size(max = 50) List<@NotNull @Valid AgendaItemInput> agenda,
            @Size(max = 50) List<@NotNull @Valid DocumentInput> documents) {}

    @Schema(name = "CancelMeeting", description = "Why the meeting is cancelled (lý do hủy)")
    public record Cancel(@NotBlank @Size(max = 2000) @Schema(example = "Hoãn do mưa lũ, chuyển sang tuần sau") @MultiLine String reason) {}

    @Schema(name = "AttendanceMark", description = "One member of the roster: PRESENT (có mặt), ABSENT_EXCUSED (vắng có lý do, reason required), ABSENT_UNEXCUSED (vắng không có lý do)")
    public record Mark(@NotNull UUID memberId, @NotNull AttendanceStatus status, @Size(max = 1000) @Schema(example = "Đi công tác") @MultiLine String reason) {}

    @Schema(name = "Guest", description = "A guest (khách mời), e.g. the superior committee member assigned to attend (cấp ủy viên cấp trên dự sinh hoạt)")
    public record Guest(@NotBlank @Size(max = 200) @Schema(example = "Quàng Văn Hùng") String fullName,
            @Schema(description = "The guest's member id, when a Party member (needed to recognise the assigned superior)") UUID memberId,
            @Size(max = 300) @Schema(example = "Đảng ủy viên, phụ trách chi bộ") String title) {}

    @Schema(name = "HoldMeeting", description = "Records the meeting as held: the attendance of every member of the roster, and the guests")
    public record Hold(@NotNull @Size(max = 2000) List<@NotNull @Valid Mark> attendance,
            @Size(max = 50) List<@NotNull @Valid Guest> guests) {}

    @Schema(name = "PastMeeting", description = "A meeting that took place, recorded after the fact (nhập bổ sung sinh hoạt đã diễn ra) "
            + "with its attendance and, if written, its minutes")
    public record PastMeeting(@NotNull @Valid MeetingInput meeting, @NotNull @Size(max = 2000) List<@NotNull @Valid Mark> attendance,
            @Size(max = 50) List<@NotNull @Valid Guest> guests, @Valid Minutes minutes) {}

    @Schema(name = "Minutes", description = "Minutes (biên bản), resolution (nghị quyết), criticism and self-criticism (tự phê bình và phê bình), conclusions (kết luận)")
    public record Minutes(@NotBlank @Size(max = 100000) @MultiLine String minutes, @Size(max = 100000) @MultiLine String resolution,
            @Size(max = 100000) @MultiLine String criticism, @Size(max = 100000) @MultiLine String conclusions) {}

    @Schema(name = "Comment", description = "A comment on an agenda item (góp ý)")
    public record Comment(@NotNull UUID agendaItemId, @NotBlank @Size(max = 4000) @Schema(example = "Đề nghị bổ sung nội dung về phòng chống cháy rừng") @MultiLine String text) {}

    @Schema(name = "QualityRating", description = "The cell's rating of a meeting: a score per criterion of the configured set")
    public record Quality(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid CriterionScore> criteria,
            @Size(max = 2000) @MultiLine String comment) {}

    @Schema(name = "CriterionScore", description = "Points for one criterion, 0 to its maximum")
    public record CriterionScore(@NotBlank @Schema(example = "PREPARATION") String code, @NotNull @Min(0) @Max(100) Integer score) {}

    @Schema(name = "QualityReview", description = "The superior's review of a quality rating (cấp trên xem xét)")
    public record Review(@NotNull @Schema(description = "Whether the superior agrees with the level") Boolean agreed,
            @Size(max = 2000) @MultiLine String comment) {}
}
