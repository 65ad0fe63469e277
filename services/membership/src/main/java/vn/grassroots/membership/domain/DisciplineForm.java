package vn.grassroots.membership.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The forms of discipline of a member: khiển trách, cảnh cáo, cách chức, khai trừ. */
@Schema(name = "DisciplineForm", description = "REPRIMAND (khiển trách), WARNING (cảnh cáo), DISMISSAL (cách chức), EXPULSION (khai trừ)")
public enum DisciplineForm { REPRIMAND, WARNING, DISMISSAL, EXPULSION }
