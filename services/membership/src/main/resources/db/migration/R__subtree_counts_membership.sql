-- Recounts the member subtree counts from the facts (member_counts_rebuild, V7). Repeatable so that it runs after the
-- shared db/common/R__subtree_counts.sql has created the table (repeatables run after every versioned migration, in
-- the order of their names): a database that had members before V7 gets its counts once; afterwards the triggers keep
-- them. Edit this comment to force a recount (last: birth years added).
SELECT member_counts_rebuild();
