package vn.grassroots.evaluations.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.common.tree.OrganizationTree;

/**
 * The tree's reaction in this service (see vn.grassroots.common.tree.OrganizationEvents): a move also rewrites the
 * paths copied into ratings, recognitions and inspections for the reports, one statement per table.
 */
@ApplicationScoped
public class PathCopies implements OrganizationEvents.Reaction {
    private final OrganizationTree tree;

    public PathCopies(OrganizationTree tree) {
        this.tree = tree;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String oldPath, String newPath) {
        for (String table : new String[] {"rating", "recognition", "inspection"}) {
            tree.rewriteCopies(table, "org_path", oldPath, newPath);
        }
    }
}
