-- Recounts coverage_target and the 'coverage' subtree counts from the facts (coverage_counts_rebuild, V2). Repeatable so
-- that it runs after the shared db/common/R__subtree_counts.sql has created the table (repeatables run after every
-- versioned migration, in the order of their names): a database that had assignments before V2 gets its counts once;
-- afterwards the triggers keep them. Edit this comment to force a recount.
SELECT coverage_counts_rebuild();
