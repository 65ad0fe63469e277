package vn.grassroots.assignments.domain;

/** Level of an assignment: the committee that decided it (cấp tỉnh, cấp huyện, cơ sở). */
public enum Level { PROVINCIAL, DISTRICT, GRASSROOTS }
