package vn.grassroots.meetings.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One item of a meeting's agenda (nội dung sinh hoạt); its id is what comments refer to. */
@Embeddable
public class AgendaItem {
    @Column(name = "id")
    public UUID id;
    public String title;
    public String description;

    public AgendaItem() {}

    public AgendaItem(UUID id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }
}
