package vn.grassroots.organization.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Status (trạng thái): ACTIVE = đang hoạt động; DISSOLVED = đã giải thể (also the source of a split, chia tách); MERGED = đã sáp nhập")
public enum OrganizationStatus {
    ACTIVE, DISSOLVED, MERGED
}
