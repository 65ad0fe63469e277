package vn.grassroots.membership.domain;

/** Trình độ lý luận chính trị: chưa có, sơ cấp, trung cấp, cao cấp, cử nhân. */
public enum TheoryLevel { NONE, ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR }
