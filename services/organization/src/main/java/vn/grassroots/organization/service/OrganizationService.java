package vn.grassroots.organization.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
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
import vn.grassroots.organization.domain.Records;
import vn.grassroots.organization.events.OrganizationEvents;
import vn.grassroots.organization.repository.OrganizationRepository;

/** Reading the tree, founding and editing organizations: who may do what where, which parent a type may have. */
@ApplicationScoped
public class OrganizationService {
    public static final String[] READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.MEMBER, Roles.AUDITOR,
        Roles.INTEGRATION};
    public static final String[] STRUCTURE_WRITERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION};
    private static final String ENTITY = "Organization";

    private final OrganizationRepository orgs;
    private final Caller caller;
    private final AuditTrail audit;
    private final OrganizationEvents events;

    public OrganizationService(OrganizationRepository orgs, Caller caller, AuditTrail audit,
            OrganizationEvents events) {
        this.orgs = orgs;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
    }

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
    public Records.Statistics statistics(UUID id) {
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
        Organization parent = parentFor(r);
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

    /** The locked, active parent in scope of a new organization; null for a root, which only administrators found. */
    private Organization parentFor(Commands.CreateOrganization r) {
        if (r.type().isRoot()) {
            if (r.parentId() != null) {
                throw ProblemException.unprocessable("invalid-parent", r.type() + " is the top of a tree and has no parent",
                        new FieldError("parentId", "must be absent for " + r.type()));
            }
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden("only administrators found a provincial committee");
            }
            return null;
        } else {
            if (r.parentId() == null) {
                throw ProblemException.invalid("parentId", "is required for " + r.type());
            }
            Organization parent = orgs.lockShared(r.parentId()).orElseThrow(() -> missing("parentId", r.parentId()));
            caller.requireInScope(parent.path, parent.id);
            parent.requireActive();
            Organization.requireParentType(r.type(), parent.type, "type");
            return parent;
        }
    }

    @Transactional
    public OrganizationState update(UUID id, String ifMatch, Commands.UpdateOrganization r) {
        caller.requireRole(STRUCTURE_WRITERS);
        Organization o = writable(id);
        ETags.require(ifMatch, o.version);
        o.requireActive();
        if (r.type() != o.type) {
            if (o.type.isRoot() || r.type().isRoot()) {
                throw ProblemException.unprocessable("invalid-type", "a provincial committee stays one",
                        new FieldError("type", "cannot change between root and non-root types"));
            }
            Organization.requireParentType(r.type(), orgs.findById(o.parentId).type, "type");
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

    // ---- helpers

    private Organization readable(UUID id) {
        caller.requireRole(READERS);
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        caller.requireInScope(o.path, id);
        return o;
    }

    Organization writable(UUID id) {
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        caller.requireInScope(o.path, id);
        return o;
    }

    private void requireCodeFree(String code, UUID self) {
        if (orgs.codeTaken(code, self)) {
            throw ProblemException.conflict("code-taken", "another organization already has the code " + code);
        }
    }

    static ProblemException missing(String field, UUID id) {
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
