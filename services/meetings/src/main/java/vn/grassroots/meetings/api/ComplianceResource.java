package vn.grassroots.meetings.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.meetings.service.ComplianceService;
import vn.grassroots.meetings.service.PdfReport;

@Path("/api/v1/meetings/compliance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "Meeting compliance of a subtree over a period (chấp hành chế độ sinh hoạt): missed regular and thematic meetings, attendance, superior attendance; feeds the annual evaluation")
public class ComplianceResource {
    private static final String ORG = "Root of the subtree (in your scope)";

    private final ComplianceService service;
    private final PdfReport pdf;

    public ComplianceResource(ComplianceService service, PdfReport pdf) {
        this.service = service;
        this.pdf = pdf;
    }

    @GET
    @Operation(summary = "Compliance summary of a subtree", description = "Totals over the ACTIVE cells (GRASSROOTS_CELL, SUBORDINATE_CELL) of the subtree: cells that missed a held REGULAR meeting in some month (sinh hoạt định kỳ hằng tháng), cells without a held THEMATIC meeting in some quarter (sinh hoạt chuyên đề), held meetings, meetings below quorum, attendance rate, share of meetings the assigned superior committee member attended. Months and quarters not started yet are not counted as missed.")
    public ComplianceViews.ComplianceSummary summary(@Parameter(description = ORG, required = true) @QueryParam("organizationId") String organizationId,
            @Parameter(description = "First day, yyyy-mm-dd", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last day, yyyy-mm-dd", required = true) @QueryParam("to") String to) {
        return ComplianceViews.ComplianceSummary.of(service.summary(period(organizationId, from, to)));
    }

    @GET
    @Path("/cells")
    @Operation(summary = "Compliance per cell", description = "For each ACTIVE cell of the subtree (by tree path, one page at a time): months without a held REGULAR meeting, quarters without a held THEMATIC meeting, held meetings, below quorum, attendance rate, superior attendance share.")
    public Page<ComplianceViews.CellCompliance> cells(@Parameter(description = ORG, required = true) @QueryParam("organizationId") String organizationId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return service.cells(period(organizationId, from, to), cursor, limit).map(ComplianceViews.CellCompliance::of);
    }

    @GET
    @Path("/members")
    @Operation(summary = "Attendance per member", description = "For each member on the roster of a held meeting of the subtree in the period (by member id, one page at a time): meetings expected, present, absent excused and unexcused, attendance rate.")
    public Page<ComplianceViews.MemberCompliance> members(@Parameter(description = ORG, required = true) @QueryParam("organizationId") String organizationId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return service.members(period(organizationId, from, to), cursor, limit).map(ComplianceViews.MemberCompliance::of);
    }

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    @Operation(summary = "Printable compliance report (báo cáo tình hình chấp hành chế độ sinh hoạt đảng)", description = "The summary of "
            + "the subtree and period, then the same for each month (meetings held, below quorum, cells without a regular meeting, "
            + "attendance, superior attendance, with charts) and each quarter (cells without a thematic meeting), and the cells that "
            + "missed a meeting when the subtree has at most 400 cells; Vietnamese, as a PDF.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response report(@Parameter(description = ORG, required = true) @QueryParam("organizationId") String organizationId,
            @Parameter(description = "First day, yyyy-mm-dd", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last day, yyyy-mm-dd", required = true) @QueryParam("to") String to) {
        ComplianceService.Period p = period(organizationId, from, to);
        return PrintedReport.response(pdf.compliance(p), "chap-hanh-sinh-hoat-" + p.from() + "-" + p.to() + ".pdf");
    }

    private ComplianceService.Period period(String organizationId, String from, String to) {
        return service.period(QueryParams.uuid("organizationId", organizationId), QueryParams.date("from", from),
                QueryParams.date("to", to));
    }
}
