package vn.grassroots.membership.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A later word of a member's name (V14): the index of one-word name queries, written by the database's triggers and
 * only read here.
 */
@Entity
@Table(name = "member_word")
@Immutable
@IdClass(MemberWord.Key.class)
public class MemberWord {
    @Id
    @Column(name = "member_id")
    public UUID memberId;
    @Id
    public String word;
    @Column(name = "org_path")
    public String orgPath;
    @Column(name = "search_name")
    public String searchName;

    /** The row's identity: a word is once per member. */
    public static class Key implements Serializable {
        public UUID memberId;
        public String word;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(word, k.word);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, word);
        }
    }
}
