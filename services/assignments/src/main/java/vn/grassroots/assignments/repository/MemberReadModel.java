package vn.grassroots.assignments.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import vn.grassroots.assignments.domain.MemberRef;
import vn.grassroots.common.consumer.MemberState;

/** The read model of members (member_ref), written only by the consumers of the membership service's topics. */
@ApplicationScoped
public class MemberReadModel implements PanacheRepositoryBase<MemberRef, UUID> {

    /** Stores a member's state unless a newer version is stored; true when written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(MemberState m) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO member_ref (id, full_name, organization_id, status, version, applied_at)
                VALUES (:id, :name, :org, :status, :version, now())
                ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, organization_id = EXCLUDED.organization_id,
                    status = EXCLUDED.status, version = EXCLUDED.version, applied_at = now()
                WHERE member_ref.version <= EXCLUDED.version""")
                .setParameter("id", m.id())
                .setParameter("name", m.fullName())
                .setParameter("org", m.organizationId())
                .setParameter("status", m.status())
                .setParameter("version", m.version())
                .executeUpdate() == 1;
    }
}
