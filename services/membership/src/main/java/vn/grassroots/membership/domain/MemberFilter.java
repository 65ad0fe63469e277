package vn.grassroots.membership.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.security.Scope;

/** What a list of members may be narrowed to; null fields do not filter (the API builds it, the repository reads it). */
public record MemberFilter(Scope scope, UUID onlyMemberId, String withinPath, UUID organizationId, String nameQuery,
        String partyCardNumber, List<MemberStatus> statuses, List<Gender> genders, List<AgeBand> ageBands,
        List<TheoryLevel> theoryLevels, Integer admissionYear, LocalDate probationEndsBy, boolean needingTransfer) {}
