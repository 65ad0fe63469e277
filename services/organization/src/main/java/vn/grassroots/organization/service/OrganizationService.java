package vn.grassroots.organization.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.web.ETags;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.Organization;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.OrganizationStatus;
import vn.grassroots.organization.domain.Views;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.organization.events.OrganizationEvents;
import vn.grassroots.organization.repository.OrganizationRepository;

/** The rules of the tree: who may do what where, which parent a type may have, and restructuring. */
@ApplicationScoped
public class OrganizationService {
    public static final String[] READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.MEMBER, Roles.AUDITOR,
        Roles.INTEGRATION};
    public static final String[] STRUCTURE_WRITERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION};
    private static final String ENTITY = "Organization";

    @Inject
    OrganizationRepository orgs;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationEvents events;

    // ---- reading

    @Transactional
    public OrganizationState get(UUID id) {
        return orgs.view(readable(id).id);
    }

    @Transactional
    public Page<OrganizationState> list(OrganizationQuery query, UUID within, String cursor, int limit) {
        caller.requireRole(READERS);
        String withinPath = within == null ? null : readable(within).path;
        return orgs.list(inScope(query, withinPath, null, query.parentId(), query.maxDepth()), cursor, limit);
    }

    @Transactional
    public Page<OrganizationState> subtree(UUID id, OrganizationQuery query, String cursor, int limit) {
        Organization root = readable(id);
        Integer maxDepth = query.maxDepth() == null ? null : root.depth + query.maxDepth();
        return orgs.list(inScope(query, root.path, root.id, query.parentId(), maxDepth), cursor, limit);
    }

    @Transactional
    public Page<OrganizationState> children(UUID id, OrganizationQuery query, String cursor, int limit) {
        Organization parent = readable(id);
        return orgs.list(inScope(query, null, null, parent.id, null), cursor, limit);
    }

    /** Ancestors root first; those above the caller's scope are included, since a user knows their own chain. */
    @Transactional
    public List<OrganizationState> ancestors(UUID id) {
        return orgs.ancestors(readable(id).path);
    }

    @Transactional
    public Views.Statistics statistics(UUID id) {
        Organization o = readable(id);
        return orgs.statistics(o.id);
    }

    // ---- founding and editing

    @Transactional
    public OrganizationState create(Commands.CreateOrganization r) {
        caller.requireRole(STRUCTURE_WRITERS);
        UUID id = r.id() != null ? r.id() : UUID.randomUUID();
        if (r.id() != null && orgs.findById(r.id()) != null) {
            throw ProblemException.conflict("organization-exists", "an organization with id " + r.id() + " already exists");
        }
        Organization parent = null;
        if (r.type().isRoot()) {
            if (r.parentId() != null) {
                throw ProblemException.unprocessable("invalid-parent", r.type() + " is the top of a tree and has no parent",
                        new FieldError("parentId", "must be absent for " + r.type()));
            }
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden("only administrators found a provincial committee");
            }
        } else {
            if (r.parentId() == null) {
                throw ProblemException.invalid("parentId", "is required for " + r.type());
            }
            parent = orgs.lockShared(r.parentId()).orElseThrow(() -> missing("parentId", r.parentId()));
            caller.requireInScope(parent.path, parent.id);
            requireActive(parent);
            requireParentType(r.type(), parent.type, "type");
        }
        requireCodeFree(r.code(), null);
        Organization o = new Organization();
        o.id = id;
        o.parentId = parent == null ? null : parent.id;
        o.path = Organization.childPath(parent == null ? null : parent.path, id);
        o.depth = parent == null ? 0 : parent.depth + 1;
        o.type = r.type();
        o.sector = r.sector();
        o.status = OrganizationStatus.ACTIVE;
        apply(o, r.name(), r.code(), r.address(), r.foundedOn(), r.foundingDecision());
        o.createdAt = o.updatedAt = Instant.now();
        orgs.persist(o);
        OrganizationState view = orgs.view(id);
        audit.record("organization.created", ENTITY, id, o.path, null, view);
        events.created(view);
        return view;
    }

    @Transactional
    public OrganizationState update(UUID id, String ifMatch, Commands.UpdateOrganization r) {
        caller.requireRole(STRUCTURE_WRITERS);
        Organization o = writable(id);
        ETags.require(ifMatch, o.version);
        requireActive(o);
        if (r.type() != o.type) {
            if (o.type.isRoot() || r.type().isRoot()) {
                throw ProblemException.unprocessable("invalid-type", "a provincial committee stays one",
                        new FieldError("type", "cannot change between root and non-root types"));
            }
            requireParentType(r.type(), orgs.findById(o.parentId).type, "type");
            for (Organization child : orgs.activeChildrenOf(o.id)) {
                if (!child.type.mayBeChildOf(r.type())) {
                    throw ProblemException.unprocessable("type-conflicts-children", "sub-organization " + child.name
                            + " (" + child.type + ") cannot stay under a " + r.type(), new FieldError("type", "conflicts with sub-organizations"));
                }
            }
        }
        requireCodeFree(r.code(), o.id);
        OrganizationState before = orgs.view(id);
        o.type = r.type();
        o.sector = r.sector();
        apply(o, r.name(), r.code(), r.address(), r.foundedOn(), r.foundingDecision());
        o.updatedAt = Instant.now();
        OrganizationState after = orgs.view(id);
        audit.record("organization.updated", ENTITY, id, o.path, before, after);
        events.updated(after);
        return after;
    }

    // ---- restructuring

    @Transactional
    public OrganizationState move(UUID id, String ifMatch, Commands.Move r) {
        caller.requireRole(STRUCTURE_WRITERS);
        Organization o = restructurable(id, ifMatch);
        Organization target = orgs.lockShared(r.newParentId()).orElseThrow(() -> missing("newParentId", r.newParentId()));
        caller.requireInScope(target.path, target.id);
        requireActive(target);
        if (target.path.startsWith(o.path)) {
            throw ProblemException.unprocessable("move-cycle", "cannot move " + o.name + " under itself or its own sub-organization "
                    + target.name, new FieldError("newParentId", "lies inside the subtree being moved"));
        }
        if (target.id.equals(o.parentId)) {
            throw ProblemException.unprocessable("already-there", o.name + " is already under " + target.name,
                    new FieldError("newParentId", "is the current parent"));
        }
        requireParentType(o.type, target.type, "newParentId");
        return moveUnder(o, target, r.decision(), "organization.moved");
    }

    @Transactional
    public OrganizationState merge(Commands.Merge r) {
        caller.requireRole(STRUCTURE_WRITERS);
        Set<UUID> sourceIds = new LinkedHashSet<>(r.sourceIds());
        if (sourceIds.contains(r.targetId())) {
            throw ProblemException.unprocessable("merge-into-self", "an organization cannot be merged into itself",
                    new FieldError("sourceIds", "contains the target"));
        }
        Organization target = orgs.lockShared(r.targetId()).orElseThrow(() -> missing("targetId", r.targetId()));
        caller.requireInScope(target.path, target.id);
        requireActive(target);
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
        for (Organization s : sources) {
            List<UUID> moved = new ArrayList<>();
            for (Organization child : orgs.activeChildrenOf(s.id)) {
                moveUnder(child, target, r.decision(), "organization.moved");
                moved.add(child.id);
            }
            OrganizationState before = orgs.view(s.id);
            s.end(OrganizationStatus.MERGED, r.decision(), "merged into " + target.name);
            s.mergedIntoId = target.id;
            s.updatedAt = Instant.now();
            OrganizationState after = orgs.view(s.id);
            audit.record("organization.merged", ENTITY, s.id, s.path, before, after);
            events.merged(after, target.id, moved, r.decision());
        }
        return orgs.view(target.id);
    }

    @Transactional
    public List<OrganizationState> split(UUID id, String ifMatch, Commands.Split r) {
        caller.requireRole(STRUCTURE_WRITERS);
        Organization o = restructurable(id, ifMatch);
        Organization parent = orgs.lockShared(o.parentId).orElseThrow();
        Map<UUID, Organization> children = new LinkedHashMap<>();
        orgs.activeChildrenOf(o.id).forEach(c -> children.put(c.id, c));
        Set<UUID> assigned = new HashSet<>();
        for (int i = 0; i < r.parts().size(); i++) {
            Commands.SplitPart part = r.parts().get(i);
            OrganizationType type = part.type() != null ? part.type() : o.type;
            requireParentType(type, parent.type, "parts[" + i + "].type");
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
        List<OrganizationState> created = new ArrayList<>();
        for (Commands.SplitPart part : r.parts()) {
            OrganizationState v = create(new Commands.CreateOrganization(part.id(), parent.id,
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

    @Transactional
    public OrganizationState dissolve(UUID id, String ifMatch, Commands.Dissolve r) {
        caller.requireRole(STRUCTURE_WRITERS);
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

    // ---- helpers

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

    private Organization readable(UUID id) {
        caller.requireRole(READERS);
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        caller.requireInScope(o.path, id);
        return o;
    }

    private Organization writable(UUID id) {
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        caller.requireInScope(o.path, id);
        return o;
    }

    /** An organization the caller may restructure: in scope, active, not the root of their own scope. */
    private Organization restructurable(UUID id, String ifMatch) {
        Organization o = writable(id);
        ETags.check(ifMatch, o.version);
        return checkRestructurable(o, null);
    }

    private Organization restructurable(UUID id, String ifMatch, String field) {
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> missing(field, id));
        caller.requireInScope(o.path, id);
        return checkRestructurable(o, field);
    }

    private Organization checkRestructurable(Organization o, String field) {
        if (!caller.isAdmin() && caller.organizationId().map(o.id::equals).orElse(false)) {
            throw ProblemException.forbidden("the organization at the root of your scope is restructured by the level above");
        }
        requireActive(o);
        if (o.type.isRoot()) {
            throw ProblemException.unprocessable("root-not-restructurable", o.name + " is a provincial committee",
                    new FieldError(field == null ? "id" : field, "is a root"));
        }
        return o;
    }

    private static void requireActive(Organization o) {
        if (!o.isActive()) {
            throw ProblemException.conflict("organization-inactive", o.name + " is " + o.status + " and can no longer change");
        }
    }

    private static void requireParentType(OrganizationType type, OrganizationType parentType, String field) {
        if (!type.mayBeChildOf(parentType)) {
            throw ProblemException.unprocessable("invalid-parent", "a " + type + " (" + type.vietnamese() + ") cannot be under a "
                    + parentType + " (" + parentType.vietnamese() + "); allowed parents: " + type.allowedParents(),
                    new FieldError(field, "parent of the wrong type"));
        }
    }

    private void requireCodeFree(String code, UUID self) {
        if (orgs.codeTaken(code, self)) {
            throw ProblemException.conflict("code-taken", "another organization already has the code " + code);
        }
    }

    private static ProblemException missing(String field, UUID id) {
        return ProblemException.unprocessable("unknown-organization", "organization " + id + " does not exist",
                new FieldError(field, "does not exist"));
    }

    private static void apply(Organization o, String name, String code, String address, java.time.LocalDate foundedOn,
            Decision founding) {
        o.name = name.trim();
        o.searchName = SearchText.normalize(name);
        o.code = code == null || code.isBlank() ? null : code.trim();
        o.address = address;
        o.foundedOn = foundedOn;
        o.foundingDecisionNumber = founding == null ? null : founding.number();
        o.foundingDecisionDate = founding == null ? null : founding.date();
    }

    private OrganizationRepository.Filter inScope(OrganizationQuery q, String withinPath, UUID excludeId, UUID parentId,
            Integer maxDepth) {
        return new OrganizationRepository.Filter(caller.scope(), withinPath, excludeId, parentId, q.types(), q.sectors(),
                q.statuses(), q.nameQuery(), maxDepth);
    }
}
