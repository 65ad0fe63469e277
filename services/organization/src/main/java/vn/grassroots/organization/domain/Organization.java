package vn.grassroots.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.persistence.Versioned;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/** A Party organization (tổ chức đảng), a node of the tree. */
@Entity
@Table(name = "organization")
public class Organization extends Versioned {
    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    /** "/<root id>/…/<own id>/", maintained by the service, rewritten for a whole subtree on a move. */
    public String path;
    public int depth;
    @Enumerated(EnumType.STRING)
    public OrganizationType type;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;
    public String name;
    @Column(name = "search_name")
    public String searchName;
    public String code;
    public String address;
    @Column(name = "founded_on")
    public LocalDate foundedOn;
    @Column(name = "founding_decision_number")
    public String foundingDecisionNumber;
    @Column(name = "founding_decision_date")
    public LocalDate foundingDecisionDate;
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;
    @Column(name = "dissolution_decision_number")
    public String dissolutionDecisionNumber;
    @Column(name = "dissolution_decision_date")
    public LocalDate dissolutionDecisionDate;
    @Column(name = "dissolution_reason")
    public String dissolutionReason;
    @Column(name = "merged_into_id")
    public UUID mergedIntoId;

    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE;
    }

    public static String childPath(String parentPath, UUID id) {
        return (parentPath == null ? "/" : parentPath) + id + "/";
    }

    /** Only an active organization changes, takes sub-organizations or is restructured. */
    public void requireActive() {
        if (!isActive()) {
            throw ProblemException.conflict("organization-inactive", name + " is " + status + " and can no longer change");
        }
    }

    /** A type goes only under the parent types its place in the Party's structure allows ({@link OrganizationType}). */
    public static void requireParentType(OrganizationType type, OrganizationType parentType, String field) {
        if (!type.mayBeChildOf(parentType)) {
            throw ProblemException.unprocessable("invalid-parent", "a " + type + " (" + type.vietnamese() + ") cannot be under a "
                    + parentType + " (" + parentType.vietnamese() + "); allowed parents: " + type.allowedParents(),
                    new FieldError(field, "parent of the wrong type"));
        }
    }

    /** Moved, merged away or split: an active organization below the root of a tree ({@code field} names it in a refusal). */
    public void requireRestructurable(String field) {
        requireActive();
        if (type.isRoot()) {
            throw ProblemException.unprocessable("root-not-restructurable", name + " is a provincial committee",
                    new FieldError(field == null ? "id" : field, "is a root"));
        }
    }

    /** A move goes under another active parent outside the moved subtree, of a type that may hold this one. */
    public void requireMovableUnder(Organization target) {
        target.requireActive();
        if (target.path.startsWith(path)) {
            throw ProblemException.unprocessable("move-cycle", "cannot move " + name + " under itself or its own sub-organization "
                    + target.name, new FieldError("newParentId", "lies inside the subtree being moved"));
        }
        if (target.id.equals(parentId)) {
            throw ProblemException.unprocessable("already-there", name + " is already under " + target.name,
                    new FieldError("newParentId", "is the current parent"));
        }
        requireParentType(type, target.type, "newParentId");
    }

    public void end(OrganizationStatus newStatus, Decision decision, String reason) {
        status = newStatus;
        dissolvedOn = decision.date();
        dissolutionDecisionNumber = decision.number();
        dissolutionDecisionDate = decision.date();
        dissolutionReason = reason;
    }
}
