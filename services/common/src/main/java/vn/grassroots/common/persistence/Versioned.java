package vn.grassroots.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns every row a user edits carries: when it was created and last changed, and its version (optimistic
 * locking, and the ETag a client sends back in If-Match).
 */
@MappedSuperclass
public abstract class Versioned {
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
