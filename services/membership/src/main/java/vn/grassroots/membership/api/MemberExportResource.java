package vn.grassroots.membership.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.export.Csv;
import vn.grassroots.common.export.ExportJobs;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.membership.domain.AgeBand;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberFilter;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.service.MemberQueries;
import vn.grassroots.membership.service.MemberService;

@Path("/api/v1/members/export")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Party members (đảng viên): profiles, status changes with their decisions, probation")
public class MemberExportResource {
    @Inject
    ExportJobs exports;

    @Inject
    MemberService service;

    @Inject
    MemberQueries queries;

    /** The filters of an export, as query parameters: those of the list. */
    public static class ExportQuery {
        @QueryParam("q")
        @Parameter(description = SearchText.QUERY)
        String q;
        @QueryParam("partyCardNumber")
        String partyCardNumber;
        @QueryParam("status")
        List<String> status;
        @QueryParam("gender")
        List<String> gender;
        @QueryParam("ageBand")
        List<String> ageBand;
        @QueryParam("theoryLevel")
        List<String> theoryLevel;
        @QueryParam("organizationId")
        String organizationId;
        @QueryParam("includeDescendants")
        String includeDescendants;
        @QueryParam("admissionYear")
        String admissionYear;
        @QueryParam("codes")
        @Parameter(description = "true: the codes (MALE, OFFICIAL), ISO dates and English headers, for machines; default false: "
                + "Vietnamese headers and names (Nam, Chính thức) and dates as 29/11/2026, for people")
        String codes;

        boolean machine() {
            return QueryParams.bool("codes", codes, false);
        }

        MemberFilter filter() {
            return new MemberFilter(null, null, null, null, q, partyCardNumber,
                    QueryParams.enums("status", MemberStatus.class, status), QueryParams.enums("gender", Gender.class, gender),
                    QueryParams.enums("ageBand", AgeBand.class, ageBand), QueryParams.enums("theoryLevel", TheoryLevel.class, theoryLevel),
                    QueryParams.year("admissionYear", admissionYear, 1930, false), null, false);
        }

        UUID organization() {
            return QueryParams.uuid("organizationId", organizationId);
        }

        boolean descendants() {
            return QueryParams.bool("includeDescendants", includeDescendants, true);
        }
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "Export a filtered list as CSV", description = "The same filters as the list, every page, UTF-8 with a byte order mark "
            + "(opens in Excel); citizen ids are left out. Vietnamese headers, names and dates, which the member import reads back; "
            + "codes=true for the identifiers. More than 100,000 members: 422 export-too-large; start a background export "
            + "with POST instead.")
    @APIResponse(responseCode = "422", description = "Too many rows for a direct download (export-too-large)")
    @APIResponse(responseCode = "200", description = "The members as CSV (UTF-8 with a byte order mark)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@BeanParam ExportQuery query) {
        MemberFilter filter = query.filter();
        UUID org = query.organization();
        boolean descendants = query.descendants();
        exports.requireDirect(cap -> queries.count(filter, org, descendants), "POST /api/v1/members/export (same query parameters)");
        return Response.ok(ExportJobs.direct(membersCsv(filter, org, descendants, query.machine(), false)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dang-vien.csv\"").build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export a filtered list as CSV in the background (xuất danh sách chạy nền)", description = "The same filters and "
            + "file as GET /export, of any size (a province or the country): 202 with the export; follow its progress at Location and "
            + "download /api/v1/members/exports/{id}/file when it is SUCCEEDED.")
    @APIResponse(responseCode = "202", description = "Export queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJobs.Export.class)))
    @APIResponse(responseCode = "503", description = "Five exports are running or waiting already (exports-busy, Retry-After)")
    public Response exportInBackground(@BeanParam ExportQuery query) {
        MemberFilter filter = query.filter();
        UUID org = query.organization();
        boolean descendants = query.descendants();
        queries.requireReadable(org);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", filter.nameQuery());
        params.put("partyCardNumber", filter.partyCardNumber());
        params.put("status", filter.statuses());
        params.put("gender", filter.genders());
        params.put("ageBand", filter.ageBands());
        params.put("theoryLevel", filter.theoryLevels());
        params.put("organizationId", org);
        params.put("includeDescendants", descendants);
        params.put("admissionYear", filter.admissionYear());
        params.put("codes", query.machine());
        return exports.accepted(exports.start("members.csv", params, "dang-vien.csv", "text/csv; charset=UTF-8",
                membersCsv(filter, org, descendants, query.machine(), true)), "/api/v1/members/exports/");
    }

    /** The members CSV, read in one pass by name; counted first when it is a background export. */
    private ExportJobs.Writer membersCsv(MemberFilter filter, UUID org, boolean descendants, boolean machine, boolean count) {
        return out -> {
            if (count) {
                out.expect(queries.count(filter, org, descendants));
            }
            out.text(Csv.BOM + (machine ? "fullName,birthDate,gender,ethnicity,religion,theoryLevel,partyCardNumber,admissionDate,"
                    + "officialDate,status,organizationName\r\n"
                    : "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Trình độ lý luận chính trị,Số thẻ đảng viên,Ngày vào Đảng,"
                            + "Ngày chính thức,Trạng thái,Tổ chức đảng\r\n"));
            queries.stream(filter, org, descendants, "m.fullName, m.birthDate, m.gender, m.ethnicity, m.religion, m.theoryLevel, "
                    + "m.partyCardNumber, m.admissionDate, m.officialDate, m.status", r -> {
                        if (!machine) {
                            for (int i = 0; i < r.length; i++) {
                                r[i] = Vietnamese.text(r[i]);
                            }
                        }
                        try {
                            out.row(Csv.line(r));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        };
    }
}
