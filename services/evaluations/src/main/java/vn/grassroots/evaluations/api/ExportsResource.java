package vn.grassroots.evaluations.api;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.export.ExportResource;

/** Background exports of the evaluations service (the ratings CSV of a province or the country). */
@Path("/api/v1/evaluations/exports")
@Tag(name = "Exports", description = "Files written in the background (xuất tệp chạy nền): progress and download")
public class ExportsResource extends ExportResource {}
