package vn.grassroots.common.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One problem of one row (lỗi của một dòng). */
public record RowError(
        @Schema(description = "Line of the file where the row starts; the header is line 1") int line,
        @Schema(description = "Column (field name), or null for the whole row") String field,
        String message) {}
