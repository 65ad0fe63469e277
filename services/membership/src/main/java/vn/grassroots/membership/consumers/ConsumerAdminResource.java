package vn.grassroots.membership.consumers;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.consumer.ConsumerAdmin;

/** Dead letters and read-model rebuild of the membership service's consumers (admin only). */
@Path("/api/v1/members/event-consumers")
@Tag(name = "Event consumers", description = "Dead letters (thư chết) and rebuild of the read models (tái dựng mô hình đọc); admin only")
public class ConsumerAdminResource extends ConsumerAdmin {}
