package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Today as a calendar day where the users live (Asia/Ho_Chi_Minh): due dates and periods are such days. */
@ApplicationScoped
public class Today {
    @ConfigProperty(name = "grassroots.tasks.zone", defaultValue = "Asia/Ho_Chi_Minh")
    ZoneId zone;

    public LocalDate get() {
        return LocalDate.now(zone);
    }
}
