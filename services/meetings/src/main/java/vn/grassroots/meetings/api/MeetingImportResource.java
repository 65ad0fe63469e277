package vn.grassroots.meetings.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.web.QueryParams;

@Path("/api/v1/meetings/imports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "Meetings (sinh hoạt chi bộ, sinh hoạt cấp ủy): schedule, publish the agenda ahead, comments (góp ý), attendance (điểm danh), minutes (biên bản), quality (chất lượng sinh hoạt)")
public class MeetingImportResource {
    @Inject
    vn.grassroots.meetings.service.RegisterImportService registerImports;

    @Inject
    vn.grassroots.meetings.service.RegisterImportJobs registerJobs;

    @Context
    UriInfo uri;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a meeting register from CSV (nhập sổ sinh hoạt đã diễn ra)", description = """
            A cell's or district's register kept on paper: one row per meeting and member (UTF-8, a byte order mark is \
            allowed, comma separated, RFC 4180 quoting, header on line 1, at most 1 MiB, about 10,000 rows: split a larger \
            register by cell or year). Rows of the same organization, day and kind are one meeting, recorded as \
            POST /api/v1/meetings/past records it: held on that day at 07:30 (Asia/Ho_Chi_Minh), in person, in the \
            late-entry window (`meetings.late-entry.previous-years`: the current year and the one before), every member \
            of that day's roster marked and nobody else, attendance.enteredLate true, with the same events (unexcused \
            absences included) and audit entries. Keepers of the organizations (admin, organizer, integration, secretary) \
            in your scope.

            Columns, by English field name or Vietnamese header (case, spaces and diacritics ignored; order free; \
            required ones marked *): organizationId = Mã tổ chức / Mã tổ chức đảng / Mã chi bộ * (the organization id); \
            meetingDate = Ngày họp / Ngày sinh hoạt / date * (dd/mm/yyyy or yyyy-mm-dd); \
            kind = Loại / Loại sinh hoạt * (REGULAR = Định kỳ / Thường kỳ, THEMATIC = Chuyên đề, COMMITTEE = Cấp ủy, \
            EXTRAORDINARY = Bất thường, with or without "Sinh hoạt" before); memberId = Mã đảng viên *; \
            status = Điểm danh / Có mặt / Tình trạng / attendance * (PRESENT = Có mặt, ABSENT_EXCUSED = Vắng có lý do, \
            ABSENT_UNEXCUSED = Vắng không lý do / Vắng không có lý do); reason = Lý do (required for Vắng có lý do); \
            topic = Nội dung / Chủ đề (the meeting's topic, from its first row that has one; default "Sinh hoạt định kỳ \
            ngày dd/mm/yyyy"); place = Địa điểm (from its first row that has one; default "Không ghi trong sổ sinh \
            hoạt"). Họ và tên / Họ tên / fullName and Tên tổ chức / Tổ chức đảng / organizationName are read \
            and ignored; any other column is refused (400 bad-csv-header).

            A meeting is recorded whole or not at all: a bad row (unreadable cell, a date outside the window, a member \
            not on that day's roster, a member missing from it, an organization outside your scope) refuses its meeting, \
            and the meeting's other rows are reported with it ("not recorded: its meeting is refused for line N"). \
            mode=all-or-nothing (default): any bad row and nothing is recorded (422 import-refused with the report). \
            mode=valid-rows: the meetings whose rows are all good are recorded, the others reported (200). The report \
            lists every problem with its line (header = line 1), column and reason; imported counts the rows of the \
            recorded meetings. With `Prefer: respond-async` the file is checked up to its header, then imported in the \
            background: 202 with Location /api/v1/meetings/imports/{id} (progress and, at the end, the report). \
            One import runs at a time and one more may wait; beyond that 503.""")
    @APIResponse(responseCode = "200", description = "Recorded (valid-rows: the good meetings); the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = vn.grassroots.common.imports.ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: queued; Location names the import to follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = vn.grassroots.common.imports.ImportJob.class)))
    @APIResponse(responseCode = "422", description = "all-or-nothing and some rows are bad: nothing recorded; problem details with the report",
            content = @Content(mediaType = vn.grassroots.common.problem.Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = vn.grassroots.common.imports.ImportRefused.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, no header, unknown, repeated or missing columns, or a bad mode")
    @APIResponse(responseCode = "413", description = "The file is larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "Prefer: respond-async and two imports are already running or waiting")
    public Response importRegister(byte[] body,
            @Parameter(description = "all-or-nothing (default) or valid-rows") @QueryParam("mode") @jakarta.ws.rs.DefaultValue("all-or-nothing") String mode,
            @Parameter(description = "respond-async: import in the background and follow its progress") @HeaderParam("Prefer") String prefer) {
        byte[] file = body == null ? new byte[0] : body;
        if (vn.grassroots.common.imports.ImportJobs.async(prefer)) {
            vn.grassroots.common.imports.ImportJob job = registerJobs.start(file, mode);
            return vn.grassroots.common.imports.ImportJobs.accepted(job,
                    uri.getBaseUriBuilder().path("api/v1/meetings/imports").path(job.id().toString()).build());
        }
        return vn.grassroots.common.imports.ImportJobs.answer(registerImports.importCsv(file, mode));
    }

    @GET
    @Path("/{importId}")
    @Operation(summary = "Progress of a background register import (tiến độ nhập sổ sinh hoạt)", description = "Status, phase, rows "
            + "validated and written, percent, and when finished the report (or, FAILED, the problem). For the one who started it and for admins.")
    public vn.grassroots.common.imports.ImportJob importProgress(@PathParam("importId") String importId) {
        return registerJobs.get(QueryParams.uuid("importId", importId));
    }
}
