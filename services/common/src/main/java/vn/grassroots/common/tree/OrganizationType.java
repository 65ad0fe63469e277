package vn.grassroots.common.tree;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.report.Labelled;

/** Levels of the tree, top to bottom, with the parents each may have. */
@Schema(description = """
        Organization type (loại tổ chức đảng):
        PROVINCIAL_COMMITTEE = Tỉnh ủy / Thành ủy; DISTRICT_COMMITTEE = Huyện ủy / Quận ủy / Thị ủy / Thành ủy;
        AFFILIATED_COMMITTEE = Đảng ủy trực thuộc; GRASSROOTS_COMMITTEE = Đảng bộ cơ sở; GRASSROOTS_CELL = Chi bộ cơ sở;
        PARTIAL_COMMITTEE = Đảng bộ bộ phận; SUBORDINATE_CELL = Chi bộ trực thuộc; PARTY_GROUP = Tổ đảng""")
public enum OrganizationType implements Labelled {
    PROVINCIAL_COMMITTEE("Tỉnh ủy / Thành ủy"),
    DISTRICT_COMMITTEE("Huyện ủy / Quận ủy / Thị ủy / Thành ủy"),
    AFFILIATED_COMMITTEE("Đảng ủy trực thuộc"),
    GRASSROOTS_COMMITTEE("Đảng bộ cơ sở"),
    GRASSROOTS_CELL("Chi bộ cơ sở"),
    PARTIAL_COMMITTEE("Đảng bộ bộ phận"),
    SUBORDINATE_CELL("Chi bộ trực thuộc"),
    PARTY_GROUP("Tổ đảng");

    private final String vietnamese;

    OrganizationType(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    /** The types a parent of this type may have; empty for a root. */
    public Set<OrganizationType> allowedParents() {
        return switch (this) {
            case PROVINCIAL_COMMITTEE -> EnumSet.noneOf(OrganizationType.class);
            case DISTRICT_COMMITTEE, AFFILIATED_COMMITTEE -> EnumSet.of(PROVINCIAL_COMMITTEE);
            case GRASSROOTS_COMMITTEE, GRASSROOTS_CELL -> EnumSet.of(DISTRICT_COMMITTEE, AFFILIATED_COMMITTEE);
            case PARTIAL_COMMITTEE -> EnumSet.of(GRASSROOTS_COMMITTEE);
            case SUBORDINATE_CELL -> EnumSet.of(GRASSROOTS_COMMITTEE, PARTIAL_COMMITTEE);
            case PARTY_GROUP -> EnumSet.of(GRASSROOTS_CELL, SUBORDINATE_CELL);
        };
    }

    public boolean isRoot() {
        return allowedParents().isEmpty();
    }

    public boolean mayBeChildOf(OrganizationType parent) {
        return allowedParents().contains(parent);
    }
}
