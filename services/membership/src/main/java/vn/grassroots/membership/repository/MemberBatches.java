package vn.grassroots.membership.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;
import vn.grassroots.membership.domain.Member;

/** New members written many at a time: one JDBC batch per call, as the CSV import writes them. */
@ApplicationScoped
public class MemberBatches {
    private final EntityManager em;

    public MemberBatches(EntityManager em) {
        this.em = em;
    }

    public void insert(List<Member> batch) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO member (id, full_name, search_name, birth_date, gender, ethnicity, religion, citizen_id, phone, email,
                        home_town, education_level, theory_level, occupation, party_card_number, admission_date, official_date,
                        organization_id, status, status_since, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Member m : batch) {
                    bind(ps, m);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Sets the 23 parameters of one member row, in the column order of the INSERT. */
    private static void bind(PreparedStatement ps, Member m) throws SQLException {
        OffsetDateTime at = m.createdAt.atOffset(ZoneOffset.UTC);
        ps.setObject(1, m.id);
        ps.setString(2, m.fullName);
        ps.setString(3, m.searchName);
        ps.setObject(4, m.birthDate);
        ps.setString(5, m.gender.name());
        ps.setString(6, m.ethnicity);
        ps.setString(7, m.religion);
        ps.setString(8, m.citizenId);
        ps.setString(9, m.phone);
        ps.setString(10, m.email);
        ps.setString(11, m.homeTown);
        ps.setString(12, m.educationLevel);
        ps.setString(13, m.theoryLevel.name());
        ps.setString(14, m.occupation);
        ps.setString(15, m.partyCardNumber);
        ps.setObject(16, m.admissionDate);
        if (m.officialDate == null) {
            ps.setNull(17, Types.DATE);
        } else {
            ps.setObject(17, m.officialDate);
        }
        ps.setObject(18, m.organizationId);
        ps.setString(19, m.status.name());
        ps.setObject(20, m.statusSince);
        ps.setObject(21, at);
        ps.setObject(22, at);
        ps.setLong(23, m.version);
    }
}
