package vn.grassroots.membership.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import vn.grassroots.common.export.ExportJobs;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.membership.domain.MemberFilter;
import vn.grassroots.membership.repository.MemberRepository;

/** Lists of members (danh sách đảng viên) as the caller may read them: a page, the count, every row for a CSV. */
@ApplicationScoped
public class MemberQueries {
    private final VietnamClock clock;
    private final MemberRepository members;
    private final Access access;

    public MemberQueries(VietnamClock clock, MemberRepository members, Access access) {
        this.clock = clock;
        this.members = members;
        this.access = access;
    }

    @Transactional
    public Page<Results.MemberState> list(MemberFilter filter, UUID within, boolean withDescendants, String cursor, int limit) {
        List<MemberRepository.Row> rows = members.list(scoped(filter, within, withDescendants), cursor, limit, clock.today());
        return Cursor.page(rows, limit, r -> MemberService.state(r.member(), r.organizationName(), false), MemberRepository::cursorOf);
    }

    /** How many members {@link #list} gives in all. */
    @Transactional
    public long count(MemberFilter filter, UUID within, boolean withDescendants) {
        return members.count(scoped(filter, within, withDescendants), clock.today());
    }

    /** Refuses (403, 404) an organization the caller may not read, as {@link #list} would; reads no member. */
    @Transactional
    public void requireReadable(UUID within) {
        if (within != null) {
            access.organizationInScopeForReading(within, access.selfOnly());
        }
    }

    /** Every member {@link #list} gives, by name, as the columns given and their organization's name (for a CSV). */
    public void stream(MemberFilter filter, UUID within, boolean withDescendants, String columns, Consumer<Object[]> each) {
        MemberFilter scoped = scoped(filter, within, withDescendants);
        QuarkusTransaction.requiringNew().timeout(ExportJobs.TRANSACTION_TIMEOUT_SECONDS).run(() -> members.stream(scoped, clock.today(), columns, each));
    }

    /** The filter narrowed to what the caller may read: their scope, or themselves alone. */
    private MemberFilter scoped(MemberFilter filter, UUID within, boolean withDescendants) {
        boolean selfOnly = access.selfOnly();
        Scope scope = selfOnly ? Scope.ALL : access.caller().scope();
        UUID self = selfOnly ? access.self() : null;
        String withinPath = null;
        UUID org = null;
        if (within != null) {
            OrgRef o = access.organizationInScopeForReading(within, selfOnly);
            if (withDescendants) {
                withinPath = o.path;
            } else {
                org = o.id;
            }
        }
        return new MemberFilter(scope, self, withinPath, org, filter.nameQuery(), filter.partyCardNumber(),
                filter.statuses(), filter.genders(), filter.ageBands(), filter.theoryLevels(), filter.admissionYear(),
                filter.probationEndsBy(), filter.needingTransfer());
    }
}
