package vn.grassroots.membership.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.membership.service.Results;

@Path("/api/v1/members/imports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Party members (đảng viên): profiles, status changes with their decisions, probation")
public class MemberImportResource {
    @Inject
    vn.grassroots.membership.service.MemberImportService imports;

    @Inject
    vn.grassroots.membership.service.MemberImportJobs jobs;

    @Context
    UriInfo uri;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import members from a CSV file (nhập danh sách đảng viên)", description = """
            Registers many members at once from a CSV file (UTF-8, a byte order mark is allowed, comma separated,             RFC 4180 quoting, header on line 1, at most 64 MB, about 300,000 rows). Every row passes the rules of             POST /api/v1/members: field constraints, the initial status and its dates, an ACTIVE cell or party group of             your scope, a party card number unique in the file and among all members. Admin, organizer, integration.

            Columns, by English field name or Vietnamese header (case, spaces and diacritics ignored; order free;             required ones marked *): fullName = Họ và tên / Họ tên *; birthDate = Ngày sinh *; gender = Giới tính *;             ethnicity = Dân tộc; religion = Tôn giáo; citizenId = Số CCCD / CCCD / Số căn cước công dân;             phone = Điện thoại / Số điện thoại; email = Email; homeTown = Quê quán;             educationLevel = Trình độ học vấn / Học vấn; theoryLevel = Lý luận chính trị / Trình độ lý luận chính trị *;             occupation = Nghề nghiệp; partyCardNumber = Số thẻ đảng / Số thẻ đảng viên;             admissionDate = Ngày vào Đảng / Ngày kết nạp *; officialDate = Ngày chính thức;             organizationId = Mã chi bộ / Mã tổ chức đảng * (the organization id); status = Trạng thái *; id (optional).             The export's "Tổ chức đảng" column (organization name) is ignored; any other unknown column is refused (400).

            Values: dates yyyy-mm-dd or dd/mm/yyyy; gender MALE/FEMALE or Nam/Nữ; theoryLevel NONE, ELEMENTARY,             INTERMEDIATE, ADVANCED, BACHELOR or Chưa có/Không, Sơ cấp, Trung cấp, Cao cấp, Cử nhân; status PROBATIONARY,             OFFICIAL, EXEMPT or Dự bị, Chính thức, Miễn sinh hoạt. Empty cells are absent values.

            mode=all-or-nothing (default): any bad row and nothing is imported (422 with the report).             mode=valid-rows: the good rows are imported, the bad ones reported (200). The report lists every problem             of every bad row with its line (header = line 1), field and reason, and the counts. The import runs in one             transaction with JDBC batches of 1,000 rows; each member gets the same registered event and state record             as a single registration, and the import is one audit entry (action members.imported, entity MemberImport).             Without Prefer, the call is synchronous and answers with the report (100,000 rows take well under a minute; behind \
            the gateway, whose upstream timeout is 10 s, use the background mode for large files). With the header \
            `Prefer: respond-async` the file is checked up to its header, then imported in the background: 202 with \
            Location /api/v1/members/imports/{id}, where the progress (rows validated, rows written, percent) and in the end \
            the same report can be read. One import runs at a time and one more may wait; beyond that 503.""")
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: queued; Location names the import to follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportApi.View.class)))
    @APIResponse(responseCode = "503", description = "Prefer: respond-async and two imports are already running or waiting")
    @APIResponse(responseCode = "200", description = "Imported (valid-rows: the good rows); the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Results.ImportReport.class)))
    @APIResponse(responseCode = "422", description = "all-or-nothing and some rows are bad: nothing imported; problem details with the report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Views.ImportRefused.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, no header, unknown, repeated or missing columns, or a bad mode")
    @APIResponse(responseCode = "413", description = "The file is larger than allowed")
    public Response importMembers(byte[] body,
            @Parameter(description = "all-or-nothing (default) or valid-rows") @QueryParam("mode") @DefaultValue("all-or-nothing") String mode,
            @Parameter(description = "respond-async: import in the background and follow its progress") @HeaderParam("Prefer") String prefer) {
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            ImportApi.View job = ImportApi.View.of(jobs.start(body == null ? new byte[0] : body, mode));
            return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/members/imports").path(job.id().toString()).build())
                    .header("Preference-Applied", "respond-async").build();
        }
        vn.grassroots.common.imports.ImportReport done = imports.importCsv(body == null ? new byte[0] : body, mode);
        Results.ImportReport report = Results.ImportReport.of(done);
        boolean refused = done.refused();
        return refused ? Response.status(422).type(Problem.MEDIA_TYPE).entity(Views.ImportRefused.of(report)).build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{importId}")
    @Operation(summary = "Progress of a background import (tiến độ nhập danh sách)", description = "Status, phase, rows validated and written, "
            + "percent, and when finished the report (or, FAILED, the problem). For the one who started it and for admins.")
    public ImportApi.View importProgress(@PathParam("importId") UUID importId) {
        return ImportApi.View.of(jobs.get(importId));
    }
}
