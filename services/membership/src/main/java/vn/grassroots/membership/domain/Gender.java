package vn.grassroots.membership.domain;

/** Giới tính. */
public enum Gender { MALE, FEMALE }
