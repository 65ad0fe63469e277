package vn.grassroots.membership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.service.Results;

/**
 * Unexcused absences and removal reviews. The review's simple name stays {@code View}: the contract names its page
 * after it (PageView).
 */
public final class ReviewViews {
    private ReviewViews() {}

    @Schema(name = "UnexcusedAbsence", description = "A meeting the member missed without reason, as the meetings service reported it")
    public record Absence(UUID meetingId, UUID organizationId, @Schema(example = "2026-03") String month, LocalDate meetingDate,
            Instant receivedAt) {
        public static Absence of(Results.Absence a) {
            return new Absence(a.meetingId(), a.organizationId(), a.month(), a.meetingDate(), a.receivedAt());
        }
    }

    @Schema(name = "RemovalReview", description = "A member with unexcused absences in three months of one year: "
            + "the cell considers removing them from the list (Điều lệ Đảng, Điều 8: bỏ sinh hoạt đảng ba tháng trong năm không có lý do chính đáng)")
    public record View(UUID memberId, String fullName, UUID organizationId, String organizationName, MemberStatus status,
            int year, @Schema(description = "Months of the year with an unexcused absence") List<String> months,
            @Schema(description = "The evidence: every unexcused absence of that year") List<Absence> absences, Instant flaggedAt) {
        public static View of(Results.RemovalReview r) {
            return new View(r.memberId(), r.fullName(), r.organizationId(), r.organizationName(), r.status(), r.year(), r.months(),
                    r.absences().stream().map(Absence::of).toList(), r.flaggedAt());
        }
    }
}
