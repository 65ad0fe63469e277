package vn.grassroots.organization.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.web.ETags;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.Organization;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.OrganizationStatus;
import vn.grassroots.organization.events.OrganizationEvents;
import vn.grassroots.organization.repository.OrganizationRepository;

/**
 * Restructuring the tree (sắp xếp, kiện toàn tổ chức): moving an organization with its subtree, merging organizations
 * into one, splitting one into several, dissolving one. Each takes a decision and is recorded and published.
 */
@ApplicationScoped
public class Restructuring {
    private static final String ENTITY = "Organization";

    private final OrganizationRepository orgs;
    private final OrganizationService organizations;
    private final Caller caller;
    private final AuditTrail audit;
    private final OrganizationEvents events;

    public Restructuring(OrganizationRepository orgs, OrganizationService organizations, Caller caller,
            AuditTrail audit, OrganizationEvents events) {
        this.orgs = orgs;
        this.organizations = organizations;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public OrganizationState move(UUID id, String ifMatch, Commands.Move r) {
        caller.requireRole(OrganizationService.STRUCTURE_WRITERS);
        Organization o = restructurable(id, ifMatch);
        Organization target = orgs.lockShared(r.newParentId()).orElseThrow(() -> OrganizationService.missing("newParentId", r.newParentId()));
        caller.requireInScope(target.path, target.id);
        o.requireMovableUnder(target);
        return moveUnder(o, target, r.decision(), "organization.moved");
    }

    @Transactional
    public OrganizationState merge(Commands.Merge r) {
        caller.requireRole(OrganizationService.STRUCTURE_WRITERS);
        Set<UUID> sourceIds = new LinkedHashSet<>(r.sourceIds());
        if (sourceIds.contains(r.targetId())) {
            throw ProblemException.unprocessable("merge-into-self", "an organization cannot be merged into itself",
                    new FieldError("sourceIds", "contains the target"));
        }
        Organization target = orgs.lockShared(r.targetId()).orElseThrow(() -> OrganizationService.missing("targetId", r.targetId()));
        caller.requireInScope(target.path, target.id);
        target.requireActive();
        List<Organization> sources = mergeSources(sourceIds, target);
        for (Organization s : sources) {
            mergeInto(s, target, r.decision());
        }
        return orgs.view(target.id);
    }

    /** The organizations to merge, each restructurable, not above the target, with sub-organizations it may hold. */
    private List<Organization> mergeSources(Set<UUID> sourceIds, Organization target) {
        List<Organization> sources = new ArrayList<>();
        int i = 0;
        for (UUID sid : sourceIds) {
            String field = "sourceIds[" + i++ + "]";
            Organization s = restructurable(sid, null, field);
            if (target.path.startsWith(s.path)) {
                throw ProblemException.unprocessable("merge-cycle", "the target lies inside " + s.name,
                        new FieldError(field, "contains the target"));
            }
            for (Organization child : orgs.activeChildrenOf(s.id)) {
                if (!child.type.mayBeChildOf(target.type)) {
                    throw ProblemException.unprocessable("invalid-parent", "sub-organization " + child.name + " (" + child.type
                            + ") of " + s.name + " cannot go under a " + target.type, new FieldError(field, "has sub-organizations the target cannot hold"));
                }
            }
            sources.add(s);
        }
        return sources;
    }

    /** Moves a source's sub-organizations under the target and ends it as merged into the target. */
    private void mergeInto(Organization s, Organization target, Decision decision) {
        List<UUID> moved = new ArrayList<>();
        for (Organization child : orgs.activeChildrenOf(s.id)) {
            moveUnder(child, target, decision, "organization.moved");
            moved.add(child.id);
        }
        OrganizationState before = orgs.view(s.id);
        s.end(OrganizationStatus.MERGED, decision, "merged into " + target.name);
        s.mergedIntoId = target.id;
        s.updatedAt = Instant.now();
        OrganizationState after = orgs.view(s.id);
        audit.record("organization.merged", ENTITY, s.id, s.path, before, after);
        events.merged(after, target.id, moved, decision);
    }

    @Transactional
    public List<OrganizationState> split(UUID id, String ifMatch, Commands.Split r) {
        caller.requireRole(OrganizationService.STRUCTURE_WRITERS);
        Organization o = restructurable(id, ifMatch);
        Organization parent = orgs.lockShared(o.parentId).orElseThrow();
        Map<UUID, Organization> children = new LinkedHashMap<>();
        orgs.activeChildrenOf(o.id).forEach(c -> children.put(c.id, c));
        checkParts(o, parent, children, r.parts());
        List<OrganizationState> created = new ArrayList<>();
        for (Commands.SplitPart part : r.parts()) {
            OrganizationState v = organizations.create(new Commands.CreateOrganization(part.id(), parent.id,
                    part.type() != null ? part.type() : o.type, part.sector() != null ? part.sector() : o.sector,
                    part.name(), part.code(), null, r.decision().date(), r.decision()));
            Organization newOrg = orgs.findById(v.id());
            for (UUID childId : part.childIds() == null ? List.<UUID>of() : part.childIds()) {
                moveUnder(children.get(childId), newOrg, r.decision(), "organization.moved");
            }
            created.add(orgs.view(v.id()));
        }
        OrganizationState before = orgs.view(o.id);
        o.end(OrganizationStatus.DISSOLVED, r.decision(), "split into " + String.join(", ", created.stream().map(OrganizationState::name).toList()));
        o.updatedAt = Instant.now();
        OrganizationState after = orgs.view(o.id);
        audit.record("organization.split", ENTITY, o.id, o.path, before, after);
        events.split(after, created.stream().map(OrganizationState::id).toList(), r.decision());
        return created;
    }

    /** Each part of a type the parent may hold, and every active sub-organization given to exactly one part that may hold it. */
    private static void checkParts(Organization o, Organization parent, Map<UUID, Organization> children, List<Commands.SplitPart> parts) {
        Set<UUID> assigned = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            Commands.SplitPart part = parts.get(i);
            OrganizationType type = part.type() != null ? part.type() : o.type;
            Organization.requireParentType(type, parent.type, "parts[" + i + "].type");
            for (UUID childId : part.childIds() == null ? List.<UUID>of() : part.childIds()) {
                Organization child = children.get(childId);
                if (child == null) {
                    throw ProblemException.unprocessable("invalid-split", childId + " is not an active sub-organization of " + o.name,
                            new FieldError("parts[" + i + "].childIds", "names " + childId));
                }
                if (!assigned.add(childId)) {
                    throw ProblemException.unprocessable("invalid-split", child.name + " is given to more than one part",
                            new FieldError("parts[" + i + "].childIds", "repeats " + childId));
                }
                if (!child.type.mayBeChildOf(type)) {
                    throw ProblemException.unprocessable("invalid-parent", child.name + " (" + child.type + ") cannot go under a " + type,
                            new FieldError("parts[" + i + "].childIds", "names " + childId));
                }
            }
        }
        if (!assigned.containsAll(children.keySet())) {
            throw ProblemException.unprocessable("invalid-split", "every active sub-organization of " + o.name
                    + " must go to one part; missing: " + children.values().stream().filter(c -> !assigned.contains(c.id))
                    .map(c -> c.name).toList(), new FieldError("parts", "leave sub-organizations without a parent"));
        }
    }

    @Transactional
    public OrganizationState dissolve(UUID id, String ifMatch, Commands.Dissolve r) {
        caller.requireRole(OrganizationService.STRUCTURE_WRITERS);
        Organization o = restructurable(id, ifMatch);
        long active = orgs.activeChildren(o.id);
        if (active > 0) {
            throw ProblemException.conflict("has-active-children", o.name + " still has " + active
                    + " active sub-organization(s); move, merge or dissolve them first");
        }
        OrganizationState before = orgs.view(id);
        o.end(OrganizationStatus.DISSOLVED, r.decision(), r.reason());
        o.updatedAt = Instant.now();
        OrganizationState after = orgs.view(id);
        audit.record("organization.dissolved", ENTITY, id, o.path, before, after);
        events.dissolved(after, r.decision());
        return after;
    }

    /** Re-parents {@code o}: its whole subtree's paths are rewritten in one statement, every node gets a state record. */
    private OrganizationState moveUnder(Organization o, Organization target, Decision decision, String action) {
        String oldPath = o.path;
        UUID oldParent = o.parentId;
        orgs.lockSubtree(oldPath);
        OrganizationState before = orgs.view(o.id);
        String newPath = Organization.childPath(target.path, o.id);
        o.parentId = target.id;
        o.updatedAt = Instant.now();
        int moved = orgs.rewriteSubtree(oldPath, newPath, target.depth + 1 - o.depth);
        orgs.getEntityManager().refresh(o);
        OrganizationState after = orgs.view(o.id);
        audit.record(action, ENTITY, o.id, newPath, before, after);
        events.moved(after, oldParent, target.id, oldPath, newPath, moved, decision);
        return after;
    }

    /** An organization the caller may restructure: in scope, active, not the root of their own scope. */
    private Organization restructurable(UUID id, String ifMatch) {
        Organization o = organizations.writable(id);
        ETags.check(ifMatch, o.version);
        return checkRestructurable(o, null);
    }

    private Organization restructurable(UUID id, String ifMatch, String field) {
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> OrganizationService.missing(field, id));
        caller.requireInScope(o.path, id);
        return checkRestructurable(o, field);
    }

    private Organization checkRestructurable(Organization o, String field) {
        if (!caller.isAdmin() && caller.organizationId().map(o.id::equals).orElse(false)) {
            throw ProblemException.forbidden("the organization at the root of your scope is restructured by the level above");
        }
        o.requireRestructurable(field);
        return o;
    }
}
