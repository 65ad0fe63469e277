-- Recounts the organization subtree counts from the table (organization_counts_rebuild, V2). Repeatable so that it runs
-- after the shared db/common/R__subtree_counts.sql has created the table (repeatables run after every versioned
-- migration, in the order of their names): a database that had organizations before V2 gets its counts once;
-- afterwards the triggers keep them. Edit this comment to force a recount.
SELECT organization_counts_rebuild();
