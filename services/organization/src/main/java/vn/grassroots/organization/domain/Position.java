package vn.grassroots.organization.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Position in a committee (chức vụ trong cấp ủy): SECRETARY = bí thư; DEPUTY_SECRETARY = phó bí thư; STANDING_MEMBER = ủy viên ban thường vụ; COMMITTEE_MEMBER = cấp ủy viên, chi ủy viên")
public enum Position {
    SECRETARY, DEPUTY_SECRETARY, STANDING_MEMBER, COMMITTEE_MEMBER
}
