package vn.grassroots.membership.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.AdmissionStep;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.DisciplineForm;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.domain.TrainingKind;
import vn.grassroots.membership.domain.Transfer;
import vn.grassroots.common.text.MultiLine;

/** What the membership services are asked to do: the request bodies of the API, validated there. */
public final class Commands {
    public static final String CITIZEN_ID = "\\d{12}";
    public static final String PHONE = "\\+?[0-9 .-]{8,20}";
    public static final String CARD = "[0-9A-Za-z.-]{1,30}";

    private Commands() {}

    @Schema(name = "CreateMember", description = "Register a member (đảng viên) who was admitted before, e.g. from an existing list. "
            + "New members come from the admission pipeline (/api/v1/candidates).")
    public record CreateMember(
            @Schema(description = "Optional id chosen by the caller; generated when absent") UUID id,
            @NotBlank @Size(max = 200) @Schema(example = "Lò Văn Thắng") String fullName,
            @NotNull @Past LocalDate birthDate,
            @NotNull Gender gender,
            @Size(max = 100) @Schema(example = "Thái") String ethnicity,
            @Size(max = 100) @Schema(example = "Không") String religion,
            @Pattern(regexp = CITIZEN_ID, message = "must be the 12 digits of a citizen id (CCCD)") String citizenId,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 300) @Schema(example = "Quài Cang, Tuần Giáo, Điện Biên") String homeTown,
            @Size(max = 100) @Schema(example = "12/12") String educationLevel,
            @NotNull TheoryLevel theoryLevel,
            @Size(max = 200) String occupation,
            @Pattern(regexp = CARD, message = "must be a party card number") String partyCardNumber,
            @NotNull @PastOrPresent LocalDate admissionDate,
            @PastOrPresent LocalDate officialDate,
            @NotNull @Schema(description = "The cell or party group where the member is active") UUID organizationId,
            @NotNull @Schema(description = "PROBATIONARY, OFFICIAL or EXEMPT") MemberStatus status) {}

    @Schema(name = "UpdateMemberProfile", description = "The profile; status and organization change only by their operations")
    public record UpdateProfile(
            @NotBlank @Size(max = 200) String fullName,
            @NotNull @Past LocalDate birthDate,
            @NotNull Gender gender,
            @Size(max = 100) String ethnicity,
            @Size(max = 100) String religion,
            @Pattern(regexp = CITIZEN_ID, message = "must be the 12 digits of a citizen id (CCCD)") String citizenId,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 300) String homeTown,
            @Size(max = 100) String educationLevel,
            @NotNull TheoryLevel theoryLevel,
            @Size(max = 200) String occupation,
            @Pattern(regexp = CARD, message = "must be a party card number") @Schema(description = "Unique once issued")
            String partyCardNumber) {}

    @Schema(name = "ChangeMemberStatus", description = "A status change (công nhận chính thức, miễn sinh hoạt, xóa tên, khai trừ, từ trần, chuyển đi) with its decision")
    public record StatusChange(
            @NotNull MemberStatus status,
            @NotBlank @Size(max = 1000) @MultiLine String reason,
            @NotNull @Valid Decision decision) {}

    @Schema(name = "CreateCandidate", description = "A candidate for admission (quần chúng ưu tú), in the cell that will propose them")
    public record CreateCandidate(
            UUID id,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull @Past LocalDate birthDate,
            @NotNull Gender gender,
            @Size(max = 100) String ethnicity,
            @Size(max = 100) String religion,
            @Pattern(regexp = CITIZEN_ID, message = "must be the 12 digits of a citizen id (CCCD)") String citizenId,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 300) String homeTown,
            @Size(max = 100) String educationLevel,
            @NotNull TheoryLevel theoryLevel,
            @Size(max = 200) String occupation,
            @NotNull UUID organizationId) {}

    @Schema(name = "RecordAdmissionStep", description = "The next step of the admission pipeline; steps come only in order")
    public record RecordStep(
            @NotNull @Schema(description = "AWARENESS_COURSE_COMPLETED, APPLIED, CELL_VOTED, SUPERIOR_APPROVED or ADMITTED, in this order") AdmissionStep step,
            @NotNull @PastOrPresent @Schema(description = "Certificate date for the course, application date, vote date, decision date, admission ceremony date")
            LocalDate date,
            @Size(max = 100) @Schema(description = "Certificate, resolution or decision number; required from CELL_VOTED on", example = "12-NQ/CB")
            String decisionNumber,
            @Size(max = 1000) @MultiLine String note,
            @Pattern(regexp = CARD, message = "must be a party card number") @Schema(description = "ADMITTED: the party card number, if already issued")
            String partyCardNumber) {}

    @Schema(name = "IssueTransfer", description = "The sending side issues a transfer with its introduction letter (giấy giới thiệu sinh hoạt đảng)")
    public record IssueTransfer(
            @NotNull UUID memberId,
            @NotNull @Schema(description = "OFFICIAL (chính thức) or TEMPORARY (tạm thời)") Transfer.Kind kind,
            @NotNull @Schema(description = "The receiving (or, temporary, host) cell or party group") UUID toOrganizationId,
            @NotBlank @Size(max = 100) @Schema(example = "15-GGT/HU") String introductionLetterNumber,
            @NotNull @PastOrPresent LocalDate issuedOn,
            @Schema(description = "TEMPORARY: the last day in the host cell") LocalDate endDate,
            @Size(max = 1000) String reason) {}

    @Schema(name = "AcceptTransfer", description = "The receiving side accepts the member")
    public record AcceptTransfer(@NotNull @PastOrPresent LocalDate acceptedOn) {}

    @Schema(name = "RecordTraining", description = "A course: political theory (level ELEMENTARY, INTERMEDIATE, ADVANCED or BACHELOR) or defence-security (level as the course names it, e.g. Đối tượng 4)")
    public record RecordTraining(@NotNull TrainingKind kind,
            @NotBlank @Size(max = 100) @Schema(example = "INTERMEDIATE") String level,
            @NotBlank @Size(max = 300) @Schema(example = "Trường Chính trị tỉnh Điện Biên") String institution,
            @NotNull @PastOrPresent LocalDate startedOn,
            @PastOrPresent LocalDate completedOn,
            @Size(max = 100) String certificateNumber) {}

    @Schema(name = "RecordDiscipline", description = "A disciplinary decision. Expulsion (khai trừ) is not recorded here but by the status change to EXPELLED, which records it as a discipline too.")
    public record RecordDiscipline(@NotNull DisciplineForm form,
            @NotNull @Valid Decision decision,
            @Size(max = 300) @Schema(example = "Ủy ban Kiểm tra Huyện ủy Tuần Giáo") String authority,
            @NotBlank @Size(max = 1000) @Schema(example = "Vi phạm quy định về những điều đảng viên không được làm") String reason) {}
}
