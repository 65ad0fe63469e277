package vn.grassroots.membership.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POLITICAL_THEORY (lý luận chính trị) or DEFENCE_SECURITY (bồi dưỡng kiến thức quốc phòng - an ninh). Named "Kind" in
 * the contract, as it was when it was nested in a class.
 */
@Schema(name = "Kind")
public enum TrainingKind { POLITICAL_THEORY, DEFENCE_SECURITY }
