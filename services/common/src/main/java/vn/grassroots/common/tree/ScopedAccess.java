package vn.grassroots.common.tree;

import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;

/**
 * The base of a service's Access rules where the service keeps a read model of the tree: the caller, and an
 * organization named in a request looked up and scope-checked alike in every service. Field injection, as in the other
 * abstract bases: ArC needs a no-args constructor here for the subclass's client proxy.
 */
public abstract class ScopedAccess {
    @Inject
    protected Caller caller;

    @Inject
    protected OrgRefs orgs;

    @Inject
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public Caller caller() {
        return caller;
    }

    /** A known organization; 422 naming {@code field} when the read model does not know it. */
    public OrgRef organization(UUID id, String field) {
        return orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notKnownHere("organization", id, service, field));
    }

    /** A known organization the caller may act in: 422 when unknown, 403 out-of-scope when outside the subtree. */
    public OrgRef organizationInScope(UUID id, String field) {
        OrgRef o = organization(id, field);
        caller.requireInScope(o.path, id);
        return o;
    }
}
