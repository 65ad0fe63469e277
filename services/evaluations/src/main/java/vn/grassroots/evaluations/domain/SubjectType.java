package vn.grassroots.evaluations.domain;

/** What is rated: a member (đảng viên) or an organization (tổ chức đảng). */
public enum SubjectType {
    MEMBER, ORGANIZATION
}
